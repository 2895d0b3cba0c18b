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

/**
 * Fields whose value is a JSON list merged item by item, never held for a person: a record's problems still to fix
 * ({field, code, message}) are raised and fixed on either side. (`verified` is a local summary of the synced
 * field_verifications, one row per field; users' `unit_ids` never leave their office.)
 */
const LIST_FIELDS: Record<string, (item: unknown) => string> = {
  'beneficiaries.problems': (item) => {
    const p = (item ?? {}) as { field?: unknown; code?: unknown };
    return `${String(p.field)}\u0000${String(p.code)}`;
  },
};

export function hasMergeRule(entity: string, field: string): boolean {
  return `${entity}.${field}` in LIST_FIELDS;
}

/**
 * The base of a three-way merge of a list field: the value the editor replaced, as the editor held it, when the change
 * carries it (`replaced`); otherwise the value its base entry was sent with. The two differ once the editor's side
 * had merged: the field then held the merged list while its version still named the entry merged in, whose value as
 * sent lacks what the merge kept, so an item fixed afterwards would look "added here" on the other side and come back.
 */
export function mergeBase(replaced: string | null | undefined, baseEntryValue: string | null): string | null {
  return replaced === undefined || replaced === null ? baseEntryValue : replaced;
}

/**
 * Three-way merge of a list field changed on both sides since `base`, item by item (an item is known by its key):
 * - held on both sides: kept; if one side changed it and the other did not (it is as in the base), the change wins;
 *   changed on both, the greater JSON (the same whichever side merges);
 * - on one side only: kept if that side added it (not in the base); removed if the other side removed it (in the
 *   base), whether or not this side changed it: a fixed problem stays fixed.
 * The list is sorted by key, so the hub and both desktops reach one value whichever side is "ours".
 */
export function mergeByRule(entity: string, field: string, base: string | null, ours: string | null, theirs: string | null): string {
  const keyOf = LIST_FIELDS[`${entity}.${field}`];
  const items = (text: string | null) => {
    const map = new Map<string, string>();
    let list: unknown;
    try {
      list = JSON.parse(text ?? '[]');
      if (typeof list === 'string') list = JSON.parse(list);
    } catch {
      list = [];
    }
    for (const item of Array.isArray(list) ? list : []) map.set(keyOf(item), JSON.stringify(item));
    return map;
  };
  const [b, o, t] = [items(base), items(ours), items(theirs)];
  const out = new Map<string, string>();
  for (const [side, other] of [[o, t], [t, o]] as const) {
    for (const [k, v] of side) {
      if (other.has(k)) out.set(k, pickItem(b.get(k), v, other.get(k)!));
      else if (!b.has(k)) out.set(k, v);
    }
  }
  const merged = `[${[...out].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([, v]) => v).join(',')}]`;
  // The field holds the list as JSON text: its value travels as that text, JSON-encoded.
  return JSON.stringify(merged);
}

/** An item both sides hold: the side that changed it since the base wins; both changed it, the greater JSON. */
function pickItem(base: string | undefined, a: string, b: string): string {
  if (a === b) return a;
  if (base === a) return b;
  if (base === b) return a;
  return a > b ? a : b;
}
