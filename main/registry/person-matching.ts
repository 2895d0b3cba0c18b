import type { SqliteConnection } from '../core/database/open-database';
import { textSortKey } from '../../shared/text/name-sort-key';
import { splitVietnameseName } from '../../shared/text/person-name';
import { foldedNameWords, isUnaccented } from '../../shared/text/name-match';
import { birthOf, idsRuleOutNameMatch, isoBirth, matchPerson, matchRank, type MatchedBy, type PersonFacts, type PersonMatch } from './person-matching-rules';

// Finding "the record this row / card / result is about": the one query side of person-matching-rules.ts.
// Used by the import, the card, the police results and duplicate detection.
//
//   const finder = createPersonFinder(sqlite);
//   finder.find({ fullName, birth, sex, idNumber, oldIdNumber }, { unitIds })   // → { by, records, elsewhere }
//
// The user's area is applied here: records outside `unitIds` are never returned, only counted in `elsewhere`
// (by their unit, without their values) when the probe's ID number found them, so that a caller can say
// "this person is listed in another commune". Name + birth looks only inside the area.

/** The units a search may look in: null = everywhere (an administrator of everything). */
export interface PersonArea {
  unitIds: readonly string[] | null;
}

export interface FoundPerson {
  id: string;
  unitId: string;
  village: string | null;
  fullName: string;
  birth: string | null;
  sex: string | null;
  idNumber: string | null;
  oldIdNumber: string | null;
  /** The stored row as SQLite gives it (snake_case columns), for callers that need more fields. */
  row: Record<string, unknown>;
  match: PersonMatch;
}

export interface PersonSearch {
  /** How the records were found; null = nobody in the area. */
  by: MatchedBy | null;
  /** In the area, the closest first. More than one = the clerk chooses (or the person is listed twice). */
  records: FoundPerson[];
  /** Records outside the area that carry the probe's ID number or old ID: their unit only. */
  elsewhere: { id: string; unitId: string }[];
}

export interface FindOptions {
  /** False skips the name + birth search (a caller that already knows nobody could match by name). */
  byName?: boolean;
  /**
   * The ids of the only records the name + birth search need look at, from the caller's own index of the area (an
   * import's, main/excel/name-birth-index.ts); it must hold every record the rules would find by name and birth.
   */
  candidates?: readonly string[];
}

type Row = Record<string, unknown>;

/** Letters a list typed without diacritics may stand for; the sort key ranks each differently. */
const MARKED: Record<string, readonly string[]> = { a: ['a', 'ă', 'â'], e: ['e', 'ê'], o: ['o', 'ô', 'ơ'], u: ['u', 'ư'], d: ['d', 'đ'] };
const MAX_SPELLINGS = 48;

/** The gate key an import keeps per person (see NameYearFilter): the given name's folded letters. */
export function nameGateKey(fullName: string): string {
  const words = foldedNameWords(fullName);
  return words[words.length - 1] ?? '';
}

/** The given name's spellings to look up in the sort-key index: as written, the other of i/y, every marking of an unaccented one. */
export function givenNameSpellings(fullName: string): string[] {
  const given = splitVietnameseName(fullName).given.toLowerCase().replace(/[ðÐ]/g, 'đ');
  if (!given) return [];
  const out = new Set<string>();
  const bases = [given];
  const nfd = given.normalize('NFD');
  if (/([bcdđghklmnprstvx]|qu)[iy]\p{M}*$/u.test(nfd)) bases.push(nfd.replace(/([iy])(\p{M}*)$/u, (_, l: string, m: string) => (l === 'i' ? 'y' : 'i') + m).normalize('NFC'));
  for (const base of bases) {
    if (!isUnaccented(fullName)) {
      out.add(base);
      continue;
    }
    let variants = [''];
    for (const ch of base) {
      const options = MARKED[ch] ?? [ch];
      variants = variants.flatMap((v) => options.map((o) => v + o));
      if (variants.length > MAX_SPELLINGS) variants = variants.slice(0, MAX_SPELLINGS);
    }
    for (const v of variants) out.add(v);
  }
  return [...out];
}

function primaryOf(word: string): string {
  const key = textSortKey(word);
  return key.slice(0, key.indexOf('\u0001'));
}

/** The order the sort-key index gives, so that a caller's candidates are ranked as the index's would be. */
function inIndexOrder(a: Row, b: Row): number {
  for (const column of ['sort_key', 'birth', 'id_number']) {
    const [x, y] = [String(a[column] ?? ''), String(b[column] ?? '')];
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

export function createPersonFinder(sqlite: SqliteConnection) {
  const byId = sqlite.prepare('SELECT * FROM beneficiaries WHERE id_number = ? AND deleted = 0');
  const byOldId = sqlite.prepare('SELECT * FROM beneficiaries WHERE old_id_number = ? AND deleted = 0');
  // The sort key starts with the given name's letters without tones: "An" covers every "… An" of the area in one
  // index range, whatever the middle name, tones or tone placement; the birth year is checked from the index.
  const nameWhere = `deleted = 0 AND sort_key >= ? AND sort_key < ? AND ((? IS NULL AND birth IS NULL) OR substr(birth, 1, 4) = ?)`;
  // Candidates come from the index alone (rowid and ID number; beneficiaries_unit_sort covers them for one
  // commune), and only those an ID number does not already rule out are read whole: in a big commune a common
  // given name and year holds dozens of people, nearly all with an ID that differs from the probe's.
  const byGivenEverywhere = sqlite.prepare(`SELECT rowid, id_number FROM beneficiaries WHERE ${nameWhere}`).raw();
  const byGivenInUnit = sqlite.prepare(`SELECT rowid, id_number FROM beneficiaries WHERE unit_id = ? AND ${nameWhere}`).raw();
  const byGivenInUnits = sqlite.prepare(`SELECT rowid, id_number FROM beneficiaries WHERE unit_id IN (SELECT value FROM json_each(?)) AND ${nameWhere}`).raw();
  const byRowid = sqlite.prepare('SELECT * FROM beneficiaries WHERE rowid = ?');
  const byRecordId = sqlite.prepare('SELECT * FROM beneficiaries WHERE id = ? AND deleted = 0');

  function facts(row: Row): PersonFacts {
    return { fullName: row.full_name as string, birth: row.birth as string | null, sex: row.sex as string | null, idNumber: row.id_number as string | null, oldIdNumber: row.old_id_number as string | null };
  }

  function found(row: Row, match: PersonMatch): FoundPerson {
    return {
      id: row.id as string, unitId: row.unit_id as string, village: row.village as string | null, fullName: row.full_name as string,
      birth: row.birth as string | null, sex: row.sex as string | null, idNumber: row.id_number as string | null, oldIdNumber: row.old_id_number as string | null,
      row, match,
    };
  }

  function byName(probe: PersonFacts, area: PersonArea): Row[] {
    const year = birthOf(probe.birth)?.year ?? null;
    const yearText = year === null ? null : String(year);
    if (probe.birth && year === null) return []; // a birth we cannot read matches no one by name
    const candidates: [number, string | null][] = [];
    for (const spelling of givenNameSpellings(probe.fullName ?? '')) {
      const primary = primaryOf(spelling);
      const range = [`${primary}\u0001`, `${primary}!`, yearText, yearText];
      if (area.unitIds === null) candidates.push(...(byGivenEverywhere.all(...range) as [number, string | null][]));
      else if (area.unitIds.length === 1) candidates.push(...(byGivenInUnit.all(area.unitIds[0], ...range) as [number, string | null][]));
      else if (area.unitIds.length > 1) candidates.push(...(byGivenInUnits.all(JSON.stringify(area.unitIds), ...range) as [number, string | null][]));
    }
    const rows: Row[] = [];
    for (const [rowid, idNumber] of candidates) {
      if (idsRuleOutNameMatch(probe, idNumber)) continue;
      const row = byRowid.get(rowid) as Row | undefined;
      if (row) rows.push(row);
    }
    return rows;
  }

  return {
    find(probe: PersonFacts, area: PersonArea, options: FindOptions = {}): PersonSearch {
      const inArea = (row: Row) => area.unitIds === null || area.unitIds.includes(row.unit_id as string);
      const normalised: PersonFacts = { ...probe, birth: isoBirth(probe.birth) ?? probe.birth };
      const digits = (v: string | null) => (v ? v.replace(/\D/g, '') : '');
      const id = digits(probe.idNumber);
      const old = digits(probe.oldIdNumber) || (id.length === 9 ? id : '');
      const idLookups: [MatchedBy, Row[]][] = [];
      if (id && id.length !== 9) idLookups.push(['idNumber', byId.all(id) as Row[]]);
      if (old) idLookups.push(['oldIdNumber', [...(byOldId.all(old) as Row[]), ...(byId.all(old) as Row[])]]);
      for (const [by, rows] of idLookups) {
        const matched = rows.map((row) => ({ row, match: matchPerson(normalised, facts(row)) })).filter((m) => m.match?.by === by);
        if (matched.length === 0) continue;
        const records = matched.filter((m) => inArea(m.row)).map((m) => found(m.row, m.match!));
        const elsewhere = matched.filter((m) => !inArea(m.row)).map((m) => ({ id: m.row.id as string, unitId: m.row.unit_id as string }));
        return { by: records.length ? by : null, records, elsewhere };
      }
      if (options.byName === false || !probe.fullName) return { by: null, records: [], elsewhere: [] };
      const seen = new Set<string>();
      const records: FoundPerson[] = [];
      const candidates = options.candidates
        ? [...new Set(options.candidates)].map((id) => byRecordId.get(id) as Row | undefined).filter((row): row is Row => !!row && inArea(row))
          .sort(inIndexOrder)
        : byName(normalised, area);
      for (const row of candidates) {
        if (seen.has(row.id as string)) continue;
        seen.add(row.id as string);
        const match = matchPerson(normalised, facts(row));
        if (match?.by === 'nameAndBirth') records.push(found(row, match));
      }
      records.sort((a, b) => matchRank(a.match) - matchRank(b.match));
      return { by: records.length ? 'nameAndBirth' : null, records, elsewhere: [] };
    },
  };
}

export type PersonFinder = ReturnType<typeof createPersonFinder>;
