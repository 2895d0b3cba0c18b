import type { SqliteConnection } from '../core/database/open-database';
import { withoutMemoryMap } from '../core/database/without-memory-map';
import { foldedNameWords } from '../../shared/text/name-match';
import { birthOf, duplicateVerdict, type DuplicateVerdict, type ListedPerson } from '../registry/person-matching-rules';
import type { PersonArea } from '../registry/person-matching';

// Finds people listed twice among the records of an area, reading them from the database once.
// Blocking: each record gets a few keys (its ID, its old ID, its folded name words in any order + birth year,
// family + given name + year, given name + full date, family name + full date); records sharing a key are
// compared under the one rule (duplicateVerdict). Keys are hashed into one Float64Array as hash·2^bits + row,
// sorted natively: a million records need tens of megabytes, not a map of strings.

export interface DetectedPair extends DuplicateVerdict {
  /** The two records' ids, beneficiaryId < otherId. */
  beneficiaryId: string;
  otherId: string;
}

export interface Detection {
  people: number;
  pairs: DetectedPair[];
  /** Blocks too large to compare pair by pair (a very common name and year): skipped, counted. */
  skippedBlocks: number;
}

/** Larger blocks are a name and year shared by hundreds of people: comparing all their pairs says nothing useful. */
const MAX_BLOCK = 400;

interface People {
  rowids: number[];
  units: number[];
  villages: (string | null)[];
  names: string[];
  births: (string | null)[];
  sexes: (string | null)[];
  idNumbers: (string | null)[];
  oldIdNumbers: (string | null)[];
  hometowns: (string | null)[];
  unitIds: string[];
}

const PAGE = 20_000;

function readPeople(sqlite: SqliteConnection, area: PersonArea): People {
  const scope = area.unitIds ? 'AND unit_id IN (SELECT value FROM json_each(?))' : '';
  // Pages in rowid order: all() of a page is several times cheaper per row than iterate().
  const page = sqlite.prepare(`SELECT rowid, unit_id, village, full_name, birth, sex, id_number, old_id_number, hometown
    FROM beneficiaries WHERE rowid > ? AND deleted = 0 ${scope} ORDER BY rowid LIMIT ${PAGE}`).raw();
  const p: People = { rowids: [], units: [], villages: [], names: [], births: [], sexes: [], idNumbers: [], oldIdNumbers: [], hometowns: [], unitIds: [] };
  const unitIndex = new Map<string, number>();
  const scopeArg = area.unitIds ? [JSON.stringify(area.unitIds)] : [];
  let after = 0;
  for (;;) {
    const rows = page.all(after, ...scopeArg) as unknown[][];
    for (const r of rows) {
      const unit = r[1] as string;
      let u = unitIndex.get(unit);
      if (u === undefined) {
        unitIndex.set(unit, (u = p.unitIds.length));
        p.unitIds.push(unit);
      }
      p.rowids.push(r[0] as number);
      p.units.push(u);
      p.villages.push(r[2] as string | null);
      p.names.push(r[3] as string);
      p.births.push(r[4] as string | null);
      p.sexes.push(r[5] as string | null);
      p.idNumbers.push(r[6] as string | null);
      p.oldIdNumbers.push(r[7] as string | null);
      p.hometowns.push(r[8] as string | null);
    }
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1][0] as number;
  }
  return p;
}

/** FNV-1a, 32 bits. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The blocking keys of one record. */
export function blockingKeys(fullName: string, birth: string | null, idNumber: string | null, oldIdNumber: string | null): string[] {
  const keys: string[] = [];
  const id = idNumber?.replace(/\D/g, '');
  const old = oldIdNumber?.replace(/\D/g, '') || (id?.length === 9 ? id : '');
  if (id && id.length !== 9) keys.push(`i${id}`);
  if (old) keys.push(`o${old}`);
  const b = birthOf(birth);
  const words = foldedNameWords(fullName);
  if (!b || words.length === 0) return keys;
  const first = words[0];
  const last = words[words.length - 1];
  keys.push(`n${[...words].sort().join(' ')}|${b.year}`);
  if (words.length > 1) keys.push(`f${first} ${last}|${b.year}`);
  if (b.month !== null) {
    const date = `${b.year}-${b.month}-${b.day}`;
    keys.push(`g${last}|${date}`, `h${first}|${date}`);
    // A list written mm/dd: the same day with month and day swapped.
    if (b.day! <= 12 && b.day !== b.month) keys.push(`g${last}|${b.year}-${b.day}-${b.month}`);
  }
  return keys;
}

export function detectDuplicates(sqlite: SqliteConnection, area: PersonArea): Detection {
  const p = withoutMemoryMap(sqlite, () => readPeople(sqlite, area));
  const n = p.names.length;
  const rowBits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  const hashBits = Math.min(32, 53 - rowBits);
  const rowScale = 2 ** rowBits;
  let entries = new Float64Array(n * 4 + 16);
  let count = 0;
  for (let i = 0; i < n; i++) {
    for (const key of blockingKeys(p.names[i], p.births[i], p.idNumbers[i], p.oldIdNumbers[i])) {
      if (count === entries.length) {
        const grown = new Float64Array(entries.length * 2);
        grown.set(entries);
        entries = grown;
      }
      entries[count++] = (hash(key) >>> (32 - hashBits)) * rowScale + i;
    }
  }
  const sorted = entries.subarray(0, count).sort();

  // Cheap checks before the rule: most pairs of a block are two people with two different ID numbers, another
  // sex, or another date of birth. What passes them is judged by duplicateVerdict itself.
  const sex = new Int8Array(n);
  const date = new Int32Array(n); // yyyymmdd; yyyy0000 for a year only; 0 unknown
  for (let i = 0; i < n; i++) {
    const s = p.sexes[i];
    sex[i] = s === 'M' ? 1 : s === 'F' ? 2 : 0;
    const b = birthOf(p.births[i]);
    date[i] = b ? b.year * 10_000 + (b.month ?? 0) * 100 + (b.day ?? 0) : 0;
  }
  const newId = (i: number) => { const v = p.idNumbers[i]; return v && v.length !== 9 ? v : null; };
  const oldId = (i: number) => p.oldIdNumbers[i] ?? (p.idNumbers[i]?.length === 9 ? p.idNumbers[i] : null);
  const plainlyTwo = (a: number, b: number): boolean => {
    const [ia, ib] = [newId(a), newId(b)];
    if (ia && ia === ib) return false; // the same ID twice is always a pair, whatever else differs
    const [oa, ob] = [oldId(a), oldId(b)];
    if (oa && oa === ob) return false;
    if (ia && ib) return true;
    if (sex[a] && sex[b] && sex[a] !== sex[b]) return true;
    const [da, db] = [date[a], date[b]];
    if (da % 10_000 && db % 10_000 && da !== db) {
      const swapped = Math.floor(db / 10_000) * 10_000 + (db % 100) * 100 + Math.floor((db % 10_000) / 100);
      if (da !== swapped) return true;
    }
    return false;
  };

  const listed = (i: number): ListedPerson => ({
    fullName: p.names[i], birth: p.births[i], sex: p.sexes[i], idNumber: p.idNumbers[i], oldIdNumber: p.oldIdNumbers[i],
    unitId: p.unitIds[p.units[i]], village: p.villages[i], hometown: p.hometowns[i],
  });
  const found = new Map<number, { a: number; b: number; verdict: DuplicateVerdict }>();
  let skippedBlocks = 0;
  const block: number[] = [];
  const flush = () => {
    if (block.length > MAX_BLOCK) skippedBlocks += 1;
    else {
      for (let x = 0; x < block.length; x++) {
        for (let y = x + 1; y < block.length; y++) {
          const [a, b] = block[x] < block[y] ? [block[x], block[y]] : [block[y], block[x]];
          if (a === b) continue;
          const pair = a * rowScale + b;
          if (found.has(pair) || plainlyTwo(a, b)) continue; // a pair sharing several keys is compared again only while it is no pair
          const verdict = duplicateVerdict(listed(a), listed(b));
          if (verdict) found.set(pair, { a, b, verdict });
        }
      }
    }
    block.length = 0;
  };
  let current = -1;
  for (let k = 0; k < count; k++) {
    const v = sorted[k];
    const h = Math.floor(v / rowScale);
    if (h !== current) {
      if (block.length > 1) flush();
      block.length = 0;
      current = h;
    }
    block.push(v - h * rowScale);
  }
  if (block.length > 1) flush();

  const idOf = sqlite.prepare('SELECT id FROM beneficiaries WHERE rowid = ?').pluck();
  const pairs: DetectedPair[] = [];
  for (const { a, b, verdict } of found.values()) {
    const [x, y] = [idOf.get(p.rowids[a]) as string, idOf.get(p.rowids[b]) as string];
    pairs.push({ ...verdict, beneficiaryId: x < y ? x : y, otherId: x < y ? y : x });
  }
  return { people: n, pairs, skippedBlocks };
}
