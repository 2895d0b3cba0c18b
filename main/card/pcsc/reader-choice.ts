// Which reader to use. One USB device often shows two PC/SC readers (a contact slot and a contactless "PICC"
// interface); the chip ID card is read through the contactless one, so with no card anywhere that is the better
// guess, and a reader that already holds a card always wins.

export interface ReaderCandidate {
  name: string;
  cardPresent: boolean;
}

const CONTACTLESS_NAME = /\b(picc|cl|contactless|nfc|rfid)\b/i;
const CONTACT_NAME = /\b(icc|contact|sam)\b/i;

export function isContactlessName(name: string): boolean {
  return CONTACTLESS_NAME.test(name);
}

function rank(reader: ReaderCandidate): number {
  let score = 0;
  if (reader.cardPresent) score += 4;
  if (isContactlessName(reader.name)) score += 2;
  else if (!CONTACT_NAME.test(reader.name)) score += 1;
  return score;
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
