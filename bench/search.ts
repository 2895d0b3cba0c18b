// npm run bench:search — builds a 1,000,000-beneficiary database and measures type-ahead search through the
// registry service the UI calls: diacritic-free name queries of 2 to 12 characters, and parts of ID numbers as
// people read them out (the last 4, 5 or 6 digits, sometimes the first 6, of a CCCD or an old CMND), against a bare
// SQLite lookup of the FTS index in the same run. Prints one JSON line: {"p50Ms","p95Ms","ratioP95ToBare"} over all
// queries, with the ID queries' own p95 ("idP95Ms") beside them.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { openDatabase, type AppDatabase } from '../main/core/database/open-database';
import { migrationsDir } from '../main/core/app-paths';
import { runCommand } from '../main/core/write-path';
import { adminUnitTable, beneficiaryTable } from '../main/registry/synced-tables';
import { createRegistryService } from '../main/registry/registry-service';
import { demoPerson } from '../main/demo/demo-people';
import { seededRandom } from '../main/demo/seeded-random';
import { foldVietnamese } from '../shared/text/fold';
import { benchKey } from './bench-key';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 1_000_000);
const QUERIES = 200;
const ID_QUERIES = 60;
const dir = process.env.BENCH_DIR ?? join(tmpdir(), 'ansinh-bench');
const path = join(dir, `search-${PEOPLE}${benchKey() ? '-encrypted' : ''}.db`);

function build(): AppDatabase {
  mkdirSync(dir, { recursive: true });
  const fresh = !existsSync(path);
  const db = openDatabase({ path, migrationsFolder: migrationsDir(), create: true, key: benchKey() });
  if (!fresh) return db;
  const rng = seededRandom(7);
  const actor = { userId: null, origin: 'cli' as const };
  const unitIds = runCommand(db, actor, 'bench-setup', (w) =>
    Array.from({ length: 40 }, (_, i) => w.insert(adminUnitTable, { code: String(10_000 + i), effectiveFrom: '2025-07-01', name: `Xã ${i}`, level: 'commune' }))).result;
  const batch = 50_000;
  for (let done = 0; done < PEOPLE; done += batch) {
    runCommand(db, actor, 'import', (w) => {
      for (let i = 0; i < Math.min(batch, PEOPLE - done); i++) {
        const { account: _a, ...p } = demoPerson(rng, 'Xã');
        w.insert(beneficiaryTable, { ...p, unitId: unitIds[(done + i) % unitIds.length] });
      }
    });
    process.stderr.write(`\rtạo dữ liệu ${Math.min(done + batch, PEOPLE)}/${PEOPLE}`);
  }
  process.stderr.write('\n');
  db.sqlite.exec('ANALYZE');
  return db;
}

/** Realistic type-ahead prefixes of real names: "ng", "nguyen v", "tran thi h", 2 to 12 characters. */
function queries(db: AppDatabase): string[] {
  const rng = seededRandom(11);
  const names = db.sqlite.prepare('SELECT full_name FROM beneficiaries WHERE rowid % 997 = 0 LIMIT 2000').pluck().all() as string[];
  return Array.from({ length: QUERIES }, () => {
    const folded = foldVietnamese(rng.pick(names));
    return folded.slice(0, rng.int(2, Math.min(12, folded.length))).trim();
  });
}

/** "1234" (last 4 digits), "01234", "001234", sometimes the first 6 digits of an ID; old CMNDs too. */
function idQueries(db: AppDatabase): string[] {
  const rng = seededRandom(13);
  const ids = db.sqlite.prepare('SELECT coalesce(id_number, old_id_number) FROM beneficiaries WHERE rowid % 991 = 0 LIMIT 2000').pluck().all() as string[];
  return Array.from({ length: ID_QUERIES }, () => {
    const id = rng.pick(ids);
    return rng.next() < 0.15 ? id.slice(0, 6) : id.slice(-rng.int(4, 6));
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const db = build();
const registry = createRegistryService(db);
const qs = queries(db);
const idQs = idQueries(db);
const bare = db.sqlite.prepare('SELECT rowid FROM beneficiaries_fts WHERE beneficiaries_fts MATCH ? LIMIT 50').pluck();
const list = (query: string) => registry.list({ unitIds: null }, { query, village: null, categoryGroup: null, status: null, offset: 0, limit: 50 });
const serviceMs: number[] = [];
const idMs: number[] = [];
const bareMs: number[] = [];
for (const q of [...qs.slice(0, 20), ...idQs.slice(0, 5)]) list(q); // warm-up
for (const q of qs) {
  let t = performance.now();
  list(q);
  serviceMs.push(performance.now() - t);
  t = performance.now();
  const tokens = q.split(' ');
  bare.all(tokens.map((token, i) => `"${token}"${i === tokens.length - 1 ? '*' : ''}`).join(' '));
  bareMs.push(performance.now() - t);
}
for (const q of idQs) {
  const t = performance.now();
  list(q);
  idMs.push(performance.now() - t);
}
const allMs = [...serviceMs, ...idMs].sort((a, b) => a - b);
idMs.sort((a, b) => a - b);
bareMs.sort((a, b) => a - b);
const round = (n: number) => Math.round(n * 100) / 100;
console.log(JSON.stringify({
  p50Ms: round(percentile(allMs, 50)), p95Ms: round(percentile(allMs, 95)), ratioP95ToBare: round(percentile(allMs, 95) / percentile(bareMs, 95)),
  idP95Ms: round(percentile(idMs, 95)),
}));
db.close();
