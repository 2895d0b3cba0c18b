import { foldVietnamese } from '../../shared/text/fold';
import { normaliseSpaces } from '../../shared/text/person-name';

// Pure: which of a record's fields differ from what the chip says. No I/O.

export const CARD_FIELDS = ['fullName', 'birth', 'sex', 'idNumber', 'oldIdNumber', 'hometown', 'permanentAddress', 'ethnicity'] as const;
export type CardField = (typeof CARD_FIELDS)[number];

export type CardValues = Partial<Record<CardField, string | null>>;

export interface FieldComparison {
  field: CardField;
  recordValue: string | null;
  cardValue: string | null;
  same: boolean;
}

const clean = (v: string | null | undefined) => (v == null || normaliseSpaces(v) === '' ? null : normaliseSpaces(v));

/**
 * Names and addresses compare case-insensitively (a .VnTimeH import is all capitals) and tone-placement-
 * insensitively after NFC; the chip's spelling still wins when the clerk accepts it.
 */
function sameValue(field: CardField, a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  if (field === 'fullName' || field === 'hometown' || field === 'permanentAddress' || field === 'ethnicity') {
    return a.toLocaleLowerCase('vi') === b.toLocaleLowerCase('vi') || foldVietnamese(a) === foldVietnamese(b) && sameTones(a, b);
  }
  return a === b;
}

/** Same letters and the same tones on the same syllables, wherever the tone mark sits (hoà = hòa). */
function sameTones(a: string, b: string): boolean {
  const tones = (s: string) => s.normalize('NFD').toLowerCase().split(/\s+/).map((syllable) => [...syllable].filter((c) => /[\u0300\u0301\u0303\u0309\u0323]/.test(c)).join(''));
  return JSON.stringify(tones(a)) === JSON.stringify(tones(b));
}

export function compareWithCard(record: CardValues, card: CardValues): FieldComparison[] {
  return CARD_FIELDS.filter((f) => clean(card[f]) !== null).map((field) => {
    const recordValue = clean(record[field]);
    const cardValue = clean(card[field]);
    return { field, recordValue, cardValue, same: sameValue(field, recordValue, cardValue) };
  });
}
