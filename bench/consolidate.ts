// `npm run bench:consolidate`: generates 60 commune workbooks of 1,500 people each for a province office (Ninh Bình):
// mixed layouts (Unicode, TCVN3 with a two-row header, VNI, CSV), 2 % of people also on a second commune's list,
// three communes titled by their pre-2025 names; consolidates them as `ansinh consolidate` does (each list its own
// import command, in the import worker) and prints one JSON line:
// {"files","rows","seconds","peakRssMb","listedElsewhereFound","listedElsewherePlanted","bareReadSeconds","ratio"}:
// bareReadSeconds, the baseline measured in the same run after the consolidation, is every file read and nothing
// else (exceljs's streaming reader for a workbook, the bytes split into lines and cells for a CSV); ratio, the
// consolidation over it.
// BENCH_COMMUNES / BENCH_PEOPLE for a smaller run; BENCH_IN_THREAD=1 commits even large lists in this thread.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../main/core/database/open-database';
import { migrationsDir } from '../main/core/app-paths';
import { writeMeta } from '../main/core/database/meta';
import { createImportService } from '../main/excel/import-service';
import { createImportCommits } from '../main/excel/commit-worker/import-commits';
import { createDuplicatesService } from '../main/identity/duplicates-service';
import { ensureAdminUnitReference } from '../main/registry/admin-unit-reference';
import { createConsolidation } from '../main/consolidation/consolidation-service';
import { bareReadXlsx } from '../main/excel/xlsx-reader';
import { listPerson, writeCommuneList, type CommuneList, type ListLayout, type ListPerson } from './consolidate-workbooks';
import { benchKey } from './bench-key';

const COMMUNES = Number(process.env.BENCH_COMMUNES ?? 60);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 1500);
const PROVINCE = 'vn:37@2025-07-01';
const LAYOUTS: ListLayout[] = ['unicode', 'tcvn3', 'vni', 'csv'];

interface Plan {
  communes: { id: string; name: string; oldName: string | null }[];
  planted: number;
}

/** The province's communes to list (three titled by an old commune merged whole into them), and who is listed twice. */
function choose(db: ReturnType<typeof openDatabase>): Plan['communes'] {
  const current = db.sqlite.prepare(`SELECT id, name FROM admin_units WHERE parent_id = ? AND level = 'commune' AND effective_to IS NULL ORDER BY code`).all(PROVINCE) as { id: string; name: string }[];
  // Old communes whose only successor is one of these, and not split.
  const merged = db.sqlite.prepare(`SELECT s.to_unit_id AS toId, f.name FROM admin_unit_successions s JOIN admin_units f ON f.id = s.from_unit_id
    WHERE f.level = 'commune' AND s.split = 0 AND (SELECT count(*) FROM admin_unit_successions o WHERE o.from_unit_id = s.from_unit_id) = 1
      AND f.name <> (SELECT name FROM admin_units WHERE id = s.to_unit_id)`).all() as { toId: string; name: string }[];
  const oldOf = new Map<string, string>();
  for (const m of merged) if (!oldOf.has(m.toId)) oldOf.set(m.toId, m.name);
  // Names borne by one old commune only in the province, so that the title is not ambiguous.
  const picked = current.slice(0, COMMUNES);
  let renamed = 0;
  return picked.map((c) => {
    const old = oldOf.get(c.id);
    const oldName = renamed < 3 && old && picked.filter((p) => p.name === old).length === 0 ? old : null;
    if (oldName) renamed += 1;
    return { ...c, oldName };
  });
}

function lists(communes: Plan['communes']): { lists: CommuneList[]; planted: number } {
  const twice = Math.round(PEOPLE * 0.02);
  let planted = 0;
  const out = communes.map((c, i) => {
    const own: ListPerson[] = [];
    for (let k = 0; k < PEOPLE - twice; k++) own.push(listPerson(i * PEOPLE + k));
    return { titleName: c.oldName ?? c.name, period: 'Tháng 11 năm 2026', people: own, layout: LAYOUTS[i % LAYOUTS.length] };
  });
  // 2 %: people of the previous commune's list also on this one.
  out.forEach((l, i) => {
    const prev = out[(i + out.length - 1) % out.length];
    for (let k = 0; k < twice; k++) l.people.push(prev.people[k]);
    planted += twice;
  });
  return { lists: out, planted };
}

if (process.argv[2] === '--generate') {
  const { dir, plan } = JSON.parse(readFileSync(process.argv[3], 'utf8')) as { dir: string; plan: Plan['communes'] };
  const { lists: all, planted } = lists(plan);
  for (const [i, l] of all.entries()) await writeCommuneList(path.join(dir, `ds_${String(i + 1).padStart(2, '0')}.${l.layout === 'csv' ? 'csv' : 'xlsx'}`), l);
  writeFileSync(path.join(dir, 'planted.json'), JSON.stringify({ planted }));
  process.exit(0);
}

function highWaterRss(): number {
  if (!existsSync('/proc/self/status')) return 0;
  const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  return kb ? Number(kb) * 1024 : 0;
}

/** BENCH_DEBUG=1: where the memory goes (run with node --expose-gc --import tsx to see how much is garbage). */
function debugMemory(when: string): void {
  if (!process.env.BENCH_DEBUG) return;
  const status = existsSync('/proc/self/status') ? readFileSync('/proc/self/status', 'utf8').split('\n').filter((l) => /^(RssAnon|RssFile|VmHWM)/.test(l)).join(' ') : '';
  console.error(when, JSON.stringify(process.memoryUsage()), status.replace(/\s+/g, ' '));
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    console.error('  after a full collection', JSON.stringify(process.memoryUsage()));
  }
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'ansinh-bench-consolidate-'));
try {
  const db = openDatabase({ path: path.join(dir, 'province.db'), migrationsFolder: migrationsDir(), create: true, key: benchKey() });
  ensureAdminUnitReference(db);
  writeMeta(db, 'office.unitId', PROVINCE);
  writeMeta(db, 'office.unitIds', JSON.stringify([PROVINCE]));
  const plan = choose(db);
  const listsDir = path.join(dir, 'lists');
  execFileSync('mkdir', [listsDir]);
  writeFileSync(path.join(dir, 'plan.json'), JSON.stringify({ dir: listsDir, plan }));
  // Generation runs in a child process so that the peak memory measured is the consolidation's alone.
  execFileSync(process.execPath, [...process.execArgv, process.argv[1], '--generate', path.join(dir, 'plan.json')], { stdio: 'inherit', env: process.env });
  const { planted } = JSON.parse(readFileSync(path.join(listsDir, 'planted.json'), 'utf8')) as { planted: number };
  const files = readdirSync(listsDir).filter((f) => /\.(xlsx|csv)$/.test(f)).sort().map((f) => ({ path: path.join(listsDir, f), fileName: f, unitId: null }));

  const imports = createImportService(db);
  const commits = createImportCommits(db);
  const duplicates = createDuplicatesService(db);
  const inThread = process.env.BENCH_IN_THREAD === '1';
  const consolidation = createConsolidation(db, {
    imports,
    commitInWorker: inThread ? undefined : (actor, file, options) => commits.commit(actor, file, options),
    written: (file) => commits.progress(file)?.written ?? null,
    detect: (actor, scope) => {
      debugMemory('before detection');
      return duplicates.detect(actor, scope);
    },
  });
  let peakRss = 0;
  const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage.rss()); }, 50);
  debugMemory('before consolidation');
  const start = performance.now();
  const report = await consolidation.commit({ userId: null, origin: 'cli' }, files, null);
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage.rss(), highWaterRss());
  // Found: a planted person (same ID on two communes' lists) whose two records are queued as one open pair.
  const found = db.sqlite.prepare(`SELECT count(*) FROM duplicate_pairs d JOIN beneficiaries a ON a.id = d.beneficiary_id JOIN beneficiaries b ON b.id = d.other_id
    WHERE d.status = 'open' AND a.id_number = b.id_number AND a.unit_id <> b.unit_id`).pluck().get() as number;
  await commits.close();
  db.close();
  const bareStart = performance.now();
  for (const f of files) {
    if (f.path.endsWith('.csv')) readFileSync(f.path, 'utf8').split(/\r?\n/).forEach((line) => line.split(','));
    else await bareReadXlsx(f.path);
  }
  const bareReadSeconds = (performance.now() - bareStart) / 1000;
  if (report.unrecognised.length || process.env.BENCH_DEBUG) console.error(JSON.stringify(report, null, 1));
  console.log(JSON.stringify({
    files: report.totals.files, rows: report.totals.rows, seconds: Number(seconds.toFixed(2)), peakRssMb: Math.round(peakRss / 1024 / 1024),
    listedElsewhereFound: Math.min(found, report.totals.listedElsewhere), listedElsewherePlanted: planted,
    bareReadSeconds: Number(bareReadSeconds.toFixed(2)), ratio: Number((seconds / bareReadSeconds).toFixed(2)),
  }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
