import { unitPathParts } from '../registry/admin-unit-names';
import { normaliseTonePlacement } from '../../shared/text/tone-placement';
import { MATCH_FIELDS } from '../../shared/contract/identity';

// Pure: how a person would compare our value of a field with the population database's. No I/O: the commune an
// address means (through the administrative renames) is asked of `places`.

export type MatchField = (typeof MATCH_FIELDS)[number];
export type MatchValues = Partial<Record<MatchField, string | null>>;

/** same; spelling: differs only in case, spacing, tone placement, Ð/Đ, i/y, abbreviation or a renamed unit; enriched: theirs only adds precision. */
export type FieldVerdict = 'same' | 'spelling' | 'enriched' | 'differs';

/** The id of the commune in force now that an address names (old names resolved through successions), or null. */
export type PlaceOf = (address: string) => string | null;

const clean = (v: string | null | undefined): string | null => {
  if (v == null) return null;
  const t = v.normalize('NFC').replace(/\u00d0/g, 'Đ').replace(/\u00f0/g, 'đ').replace(/[\u00a0\s]+/g, ' ').trim();
  return t === '' ? null : t;
};

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** "Lý" and "Lí", "Kỳ" and "Kì": y as the only vowel after consonants is written i as well. */
function iForY(word: string): string {
  const bare = word.normalize('NFD').replace(TONE_MARKS, '');
  if (!/^[bcdđghklmnpqrstvx]*y$/i.test(bare)) return word;
  return word.normalize('NFD').replace(/y/i, (y) => (y === 'y' ? 'i' : 'I')).normalize('NFC');
}

/** What stays of a name or place once case, spacing, tone placement, Ð/Đ and i/y are set aside. */
export function spellingKey(text: string): string {
  return normaliseTonePlacement(text).toLocaleLowerCase('vi').split(' ').map(iForY).join(' ');
}

/** Abbreviations offices write that the unit-name parser does not know by itself. */
function expandAbbreviations(address: string): string {
  return address.replace(/\bKP\.?\s*(?=\d|\p{L})/giu, 'Khu phố ').replace(/\bTDP\.?\s*/giu, 'Tổ dân phố ');
}

/** An address as its parts, the most local first, each without its level word ("X. An Lão" → "an lão"). */
function addressParts(address: string): string[] {
  return unitPathParts(expandAbbreviations(address)).map((p) => p.toned.split(' ').map(iForY).join(' '));
}

/** Parts below the commune: villages, hamlets, street numbers. */
function localParts(address: string): string[] {
  return unitPathParts(expandAbbreviations(address)).filter((p) => p.hint === 'village' || /\d/.test(p.toned)).map((p) => p.toned);
}

function compareAddress(ours: string, theirs: string, places: PlaceOf): FieldVerdict {
  const a = addressParts(ours);
  const b = addressParts(theirs);
  if (a.join('|') === b.join('|')) return 'spelling';
  // Theirs names every part ours does, and more (a village, the province).
  if (a.length < b.length && a.every((p) => b.includes(p))) return 'enriched';
  const placeA = places(ours);
  const placeB = places(theirs);
  if (placeA && placeA === placeB) {
    // The same commune in force now, one of them under its old names: the same place if the village is the same.
    const la = localParts(ours).join('|');
    const lb = localParts(theirs).join('|');
    if (la === lb) return 'spelling';
    if (la === '' && lb !== '') return 'enriched';
  }
  return 'differs';
}

function compareBirth(ours: string, theirs: string): FieldVerdict {
  if (ours === theirs) return 'same';
  if (ours.length === 4 && theirs.length === 10 && theirs.startsWith(ours)) return 'enriched';
  // Theirs knows only the year and it is ours: nothing to correct.
  if (theirs.length === 4 && ours.startsWith(theirs)) return 'same';
  return 'differs';
}

/** One field, ours against theirs; null when they give no value for it. */
export function compareField(field: MatchField, oursRaw: string | null | undefined, theirsRaw: string | null | undefined, places: PlaceOf): FieldVerdict | null {
  const theirs = clean(theirsRaw);
  if (theirs === null) return null;
  const ours = clean(oursRaw);
  if (ours === null) return 'enriched';
  if (ours === theirs) return 'same';
  switch (field) {
    case 'birth': return compareBirth(ours, theirs);
    case 'sex': return ours.toUpperCase() === theirs.toUpperCase() ? 'same' : 'differs';
    case 'idNumber': return ours.replace(/\D/g, '') === theirs.replace(/\D/g, '') ? 'same' : 'differs';
    case 'fullName': return spellingKey(ours) === spellingKey(theirs) ? 'spelling' : 'differs';
    case 'hometown': case 'permanentAddress':
      if (spellingKey(ours) === spellingKey(theirs)) return 'spelling';
      return compareAddress(ours, theirs, places);
  }
}

export interface PersonComparison {
  same: MatchField[];
  fields: MatchField[];
  spellingOnly: MatchField[];
  enriched: MatchField[];
}

export function comparePerson(ours: MatchValues, theirs: MatchValues, places: PlaceOf): PersonComparison {
  const out: PersonComparison = { same: [], fields: [], spellingOnly: [], enriched: [] };
  for (const f of MATCH_FIELDS) {
    const verdict = compareField(f, ours[f], theirs[f], places);
    if (verdict === 'same') out.same.push(f);
    else if (verdict === 'differs') out.fields.push(f);
    else if (verdict === 'spelling') out.spellingOnly.push(f);
    else if (verdict === 'enriched') out.enriched.push(f);
  }
  return out;
}
