// npm run bench:dedup — builds a 1,000,000-beneficiary database (through the write path, as an import would) with
// a known set of people listed twice (bench/dedup-people.ts), runs duplicate detection over the database as the
// app does (main/identity/duplicates-detection.ts), and prints one JSON line:
// {"seconds","peakRssMb","precision","recall","baselinePrecision","baselineRecall"} — precision and recall against
// the planted pairs, and the same for a baseline that pairs records with the exact same ID or the exact same
// (name, birth date) as written. BENCH_PEOPLE for a smaller run; the database is kept in BENCH_DIR between runs.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { openDatabase, type AppDatabase } from '../main/core/database/open-database';
import { migrationsDir } from '../main/core/app-paths';
import { runCommand } from '../main/core/write-path';
import { adminUnitTable, beneficiaryTable } from '../main/registry/synced-tables';
import { detectDuplicates } from '../main/identity/duplicates-detection';
import { seededRandom } from '../main/demo/seeded-random';
import { createPeople, type BenchPerson, type Variant } from './dedup-people';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 1_000_000);
const DUPLICATE_SHARE = 0.02;
const UNITS = 100;
const dir = process.env.BENCH_DIR ?? join(tmpdir(), 'ansinh-bench');
const path = join(dir, `dedup-${PEOPLE}.db`);

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 50);

/** The planted pairs, as "id|id" with the smaller id first; the ids are the bench's own (p0000001…). */
function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

const idOf = (i: number) => `p${String(i).padStart(7, '0')}`;

function build(): { db: AppDatabase; truth: Set<string>; variants: Map<string, Variant[]> } {
  mkdirSync(dir, { recursive: true });
  const fresh = !existsSync(path);
  const db = openDatabase({ path, migrationsFolder: migrationsDir(), create: true });
  const rng = seededRandom(2026);
  const people = createPeople(rng, UNITS);
  const truth = new Set<string>();
  const variants = new Map<string, Variant[]>();
  const originals = Math.round(PEOPLE * (1 - DUPLICATE_SHARE));
  const actor = { userId: null, origin: 'cli' as const };
  const unitIds = fresh
    ? runCommand(db, actor, 'bench-setup', (w) =>
      Array.from({ length: UNITS }, (_, i) => w.insert(adminUnitTable, { code: String(20_000 + i), effectiveFrom: '2025-07-01', name: `Xã ${i}`, level: 'commune' }))).result
    : [];
  // The data is generated again on every run (it is deterministic): the truth comes with it; rows are written once.
  const batch = 50_000;
  let written = 0;
  let pending: { id: string; p: BenchPerson }[] = [];
  const flush = () => {
    if (!fresh || pending.length === 0) {
      pending = [];
      return;
    }
    const rows = pending;
    runCommand(db, actor, 'import', (w) => {
      for (const { id, p } of rows) {
        w.insert(beneficiaryTable, {
          id, unitId: unitIds[p.unit], village: p.village, fullName: p.fullName, birth: p.birth, sex: p.sex, idNumber: p.idNumber,
          oldIdNumber: p.oldIdNumber, hometown: p.hometown, categoryGroup: 'BTXH', categoryLabel: 'Người cao tuổi',
        });
      }
    }, { bulk: true });
    written += rows.length;
    process.stderr.write(`\rtạo dữ liệu ${written}/${PEOPLE}`);
    pending = [];
  };
  // Which originals are listed again is drawn first (from its own sequence), so only those are kept in memory.
  const pick = seededRandom(2027);
  const copyOf = Array.from({ length: PEOPLE - originals }, () => pick.int(0, originals - 1));
  const wanted = new Set(copyOf);
  const kept = new Map<number, BenchPerson>();
  for (let i = 0; i < originals; i++) {
    const p = people.person();
    if (wanted.has(i)) kept.set(i, p);
    pending.push({ id: idOf(i), p });
    if (pending.length === batch) flush();
  }
  for (let i = originals; i < PEOPLE; i++) {
    const of = copyOf[i - originals];
    const { copy, variants: v } = people.duplicate(kept.get(of)!);
    truth.add(pairKey(idOf(of), idOf(i)));
    variants.set(pairKey(idOf(of), idOf(i)), v);
    pending.push({ id: idOf(i), p: copy });
    if (pending.length === batch) flush();
  }
  flush();
  if (fresh) {
    process.stderr.write('\n');
    db.sqlite.exec('ANALYZE');
  }
  // A person copied twice makes the two copies a pair too.
  const copiesOf = new Map<string, string[]>();
  for (const key of truth) {
    const [a, b] = key.split('|');
    const original = Number(a.slice(1)) < originals ? a : b;
    copiesOf.set(original, [...(copiesOf.get(original) ?? []), original === a ? b : a]);
  }
  for (const copies of copiesOf.values()) {
    for (let x = 0; x < copies.length; x++) for (let y = x + 1; y < copies.length; y++) truth.add(pairKey(copies[x], copies[y]));
  }
  return { db, truth, variants };
}

/** Exact same ID (new or old), or exact same full name and birth as written. */
function baseline(db: AppDatabase): Set<string> {
  const found = new Set<string>();
  const groups = db.sqlite.prepare(`
    SELECT group_concat(id, '|') FROM beneficiaries WHERE deleted = 0 AND id_number IS NOT NULL GROUP BY id_number HAVING count(*) > 1
    UNION ALL SELECT group_concat(id, '|') FROM beneficiaries WHERE deleted = 0 AND old_id_number IS NOT NULL GROUP BY old_id_number HAVING count(*) > 1
    UNION ALL SELECT group_concat(id, '|') FROM beneficiaries WHERE deleted = 0 AND birth IS NOT NULL GROUP BY full_name, birth HAVING count(*) > 1`).pluck();
  for (const g of groups.iterate() as Iterable<string>) {
    const ids = g.split('|');
    for (let x = 0; x < ids.length; x++) for (let y = x + 1; y < ids.length; y++) found.add(pairKey(ids[x], ids[y]));
  }
  return found;
}

function score(found: Set<string>, truth: Set<string>): { precision: number; recall: number; missed: string[]; wrong: string[] } {
  let hits = 0;
  const wrong: string[] = [];
  for (const k of found) if (truth.has(k)) hits++; else wrong.push(k);
  const missed = [...truth].filter((k) => !found.has(k));
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  return { precision: round(found.size ? hits / found.size : 1), recall: round(truth.size ? hits / truth.size : 1), missed, wrong };
}

const { db, truth, variants } = build();
const start = performance.now();
const detection = detectDuplicates(db.sqlite, { unitIds: null });
const seconds = (performance.now() - start) / 1000;
const found = new Set(detection.pairs.map((p) => pairKey(p.beneficiaryId, p.otherId)));
const ours = score(found, truth);
const base = score(baseline(db), truth);
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);

if (process.env.BENCH_DEBUG) {
  const name = db.sqlite.prepare('SELECT full_name, birth, sex, id_number, old_id_number, village, hometown, unit_id FROM beneficiaries WHERE id = ?');
  const show = (k: string) => k.split('|').map((id) => Object.values(name.get(id) as object).join(' · ')).join('  ⟷  ');
  const byVariant = new Map<string, number>();
  for (const k of ours.missed) for (const v of variants.get(k) ?? ['copy-of-copy']) byVariant.set(v, (byVariant.get(v) ?? 0) + 1);
  process.stderr.write(`missed by variant: ${JSON.stringify(Object.fromEntries(byVariant))}\n`);
  for (const k of ours.missed.slice(0, 15)) process.stderr.write(`missed ${JSON.stringify(variants.get(k))}: ${show(k)}\n`);
  const explained = new Map(detection.pairs.map((p) => [pairKey(p.beneficiaryId, p.otherId), `${p.score} ${p.explanation}`]));
  for (const k of ours.wrong.slice(0, 15)) process.stderr.write(`wrong (${explained.get(k)}): ${show(k)}\n`);
  process.stderr.write(`people ${detection.people}, pairs ${detection.pairs.length}, truth ${truth.size}, skipped blocks ${detection.skippedBlocks}\n`);
}

console.log(JSON.stringify({
  seconds: Math.round(seconds * 100) / 100,
  peakRssMb: Math.round(peakRss / 1024 / 1024),
  precision: ours.precision,
  recall: ours.recall,
  baselinePrecision: base.precision,
  baselineRecall: base.recall,
}));
db.close();
