// Which reader to use. One USB device often shows two PC/SC readers (a contact slot and a contactless "PICC"
// interface); the chip ID card is read through the contactless one, so with no card anywhere that is the better
// guess, and a reader that already holds a card always wins.

export interface ReaderCandidate {
  name: string;
  cardPresent: boolean;
}

// Whole words only ("PICC" is not "ICC"; "_" counts as a separator, as in "Prox-DU Contactless_").
const word = (alternatives: string) => new RegExp(`(?:^|[^a-z0-9])(?:${alternatives})(?=[^a-z0-9]|$)`, 'i');
const CONTACTLESS_WORD = word('picc|contactless|nfc|rfid');
/** "CL" also appears in model names of dual readers ("ACR1252 1S CL Reader … SAM"), so it counts for less. */
const CL_WORD = word('cl');
const CONTACT_WORD = word('icc|sam|contact');

function nameScore(name: string): number {
  let score = 0;
  if (CONTACTLESS_WORD.test(name)) score += 2;
  if (CL_WORD.test(name)) score += 1;
  if (CONTACT_WORD.test(name)) score -= 3;
  return score;
}

export function isContactlessName(name: string): boolean {
  return nameScore(name) > 0;
}

function rank(reader: ReaderCandidate): number {
  return (reader.cardPresent ? 10 : 0) + nameScore(reader.name);
}

/**
 * The reader to read from: the one the user named (exact, else the only one containing the text, case-insensitive),
 * otherwise the best by card presence then contactless-looking name, keeping the system's order on ties.
 */
export function chooseReader(readers: readonly ReaderCandidate[], requested?: string): ReaderCandidate | undefined {
  if (requested !== undefined && requested !== '') {
    const exact = readers.find((r) => r.name === requested);
    if (exact) return exact;
    const needle = requested.toLowerCase();
    const partial = readers.filter((r) => r.name.toLowerCase().includes(needle));
    return partial.length === 1 ? partial[0] : undefined;
  }
  let best: ReaderCandidate | undefined;
  for (const reader of readers) {
    if (!best || rank(reader) > rank(best)) best = reader;
  }
  return best;
}
