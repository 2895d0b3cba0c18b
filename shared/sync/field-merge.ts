// Per-field merge of a change that comes from elsewhere: the same rule at the hub and on a desktop.

/**
 * Commands whose values come from an authority (the chip, the population database's matching): such a value
 * beats a hand edit, whichever came later. A name here is the command's name in the change log.
 */
const AUTHORITY_COMMANDS = new Set(['card-verification', 'match-results', 'mismatch-accept']);

export function isAuthority(commandName: string | null | undefined): boolean {
  return !!commandName && (AUTHORITY_COMMANDS.has(commandName) || commandName.startsWith('mismatch-accept'));
}

export interface FieldState {
  /** The entry ("device:seq") that set the value held here, or null when nothing has set it. */
  version: string | null;
  /** The value held here, as JSON text. */
  value: string | null;
  /** The name of the command that set it. */
  command: string | null;
}

export interface IncomingField {
  base: string | null;
  value: string | null;
  command: string;
}

/**
 * - 'apply': the change started from the value held here (or both sides agree): take it;
 * - 'same': both sides reached the same value independently: nothing to change, no question;
 * - 'keep': the value here comes from an authority and the incoming one does not: ours stays, recorded;
 * - 'conflict': both sides changed the field since they last agreed: a person decides.
 */
export type MergeDecision = 'apply' | 'same' | 'keep' | 'conflict';

export function mergeField(here: FieldState, incoming: IncomingField): MergeDecision {
  if (here.version === null || here.version === incoming.base) return 'apply';
  if (sameJson(here.value, incoming.value)) return 'same';
  const ours = isAuthority(here.command);
  const theirs = isAuthority(incoming.command);
  if (theirs && !ours) return 'apply';
  if (ours && !theirs) return 'keep';
  return 'conflict';
}

function sameJson(a: string | null, b: string | null): boolean {
  return (a ?? 'null') === (b ?? 'null');
}
