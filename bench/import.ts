// `npm run bench:import`: generates a government-format workbook (TCVN3 names, two-row header, sections),
// imports it into a fresh database, and in the same run reads the same file with exceljs's streaming reader
// and nothing else. Prints one JSON line: {"rows","seconds","rowsPerSecond","peakRssMb","ratio","changeLogMb"}
// (changeLogMb: the text the import's change-log entries hold: values, ids, times).
// BENCH_ROWS sets the row count (default 100000).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../main/core/database/open-database';
import { migrationsDir } from '../main/core/app-paths';
import { writeMeta } from '../main/core/database/meta';
import { runCommand } from '../main/core/write-path';
import { createImportService } from '../main/excel/import-service';
import { bareReadXlsx } from '../main/excel/xlsx-reader';
import { adminUnitTable } from '../main/registry/synced-tables';
import { writeGovernmentWorkbook } from '../tests/fixtures/excel/government-xlsx';
import { benchKey } from './bench-key';

const rows = Number(process.env.BENCH_ROWS ?? 100_000);

// Generation runs in a child process so that the peak memory measured is the import's alone.
if (process.argv[2] === '--generate') {
  await writeGovernmentWorkbook(process.argv[3], { rows, text: 'tcvn3' });
  process.exit(0);
}
/**
 * The kernel's own peak resident size (Linux): the sampler cannot run while the import's transaction holds the
 * event loop, so it would miss a peak inside it.
 */
function highWaterRss(): number {
  if (!existsSync('/proc/self/status')) return 0;
  const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  return kb ? Number(kb) * 1024 : 0;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'ansinh-bench-import-'));
let peakRss = 0;
const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage.rss()); }, 50);

try {
  const file = path.join(dir, 'list.xlsx');
  execFileSync(process.execPath, [...process.execArgv, process.argv[1], '--generate', file], { stdio: 'inherit', env: { ...process.env, BENCH_ROWS: String(rows) } });

  const db = openDatabase({ path: path.join(dir, 'bench.db'), migrationsFolder: migrationsDir(), create: true, key: benchKey() });
  runCommand(db, { userId: null, origin: 'system' }, 'seed', (w) => {
    writeMeta(db, 'office.unitId', w.insert(adminUnitTable, { code: 'B', effectiveFrom: '2025-07-01', name: 'Xã Bench', level: 'commune' }));
  });
  const service = createImportService(db);

  const bareStart = performance.now();
  await bareReadXlsx(file);
  const bareSeconds = (performance.now() - bareStart) / 1000;

  const start = performance.now();
  const report = await service.commit({ userId: null, origin: 'cli' }, file);
  const seconds = (performance.now() - start) / 1000;
  // Taken before the change log is measured: that query reads the whole file through the memory map, whose pages
  // the kernel counts as resident (≈1 GB at 500,000 rows), although it is no memory the import used.
  peakRss = Math.max(peakRss, process.memoryUsage.rss(), highWaterRss());
  const changeLogBytes = db.sqlite.prepare(`SELECT sum(coalesce(length(new_value), 0) + coalesce(length(old_value), 0) + length(device_id) + length(hlc)
    + length(command_id) + length(entity) + length(entity_id) + coalesce(length(field), 0) + coalesce(length(base_change), 0)) FROM change_log`).pluck().get() as number;
  db.close();
  if (report.imported + report.updated + report.unchanged === 0) throw new Error('nothing imported');

  console.log(JSON.stringify({
    rows,
    seconds: Number(seconds.toFixed(2)),
    rowsPerSecond: Math.round(rows / seconds),
    peakRssMb: Math.round(peakRss / 1024 / 1024),
    ratio: Number((seconds / bareSeconds).toFixed(2)),
    changeLogMb: Number((changeLogBytes / 1024 / 1024).toFixed(1)),
  }));
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
