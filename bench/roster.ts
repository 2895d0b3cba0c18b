// `npm run bench:roster`: generates 100,000 beneficiaries across regimes and channels (in a child process, so
// that the memory measured is the month's alone), creates the period's roster, approves it, and writes the
// transfer list and the printable roster in both formats. Prints one JSON line:
// {"generateSeconds","excelSeconds","pdfSeconds","totalSeconds","peakRssMb"} — generateSeconds is the roster's
// creation (every line computed and written through the write path), totalSeconds the whole month, cpuSeconds the
// processor time the month took (user and system: on a shared machine it varies less than the elapsed time).
// The baseline, measured in the same run after the month (roster-baseline.ts): bareExcelSeconds and barePdfSeconds,
// the printable roster's lines written with no layout of ours; excelRatio and pdfRatio, the printable roster's
// export over it.
// BENCH_PEOPLE sets the count (default 100000).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../main/core/database/open-database';
import { migrationsDir } from '../main/core/app-paths';
import { runCommand } from '../main/core/write-path';
import { seedDemo } from '../main/demo/seed-demo';
import { beneficiaryTable, paymentAccountTable } from '../main/registry/synced-tables';
import { currentUnitId } from '../main/registry/admin-unit-reference';
import { createPayoutService } from '../main/payout/payout-service';
import { approveRoster } from '../main/payout/roster-decisions';
import { seededRandom } from '../main/demo/seeded-random';
import { keepHeapSteady } from '../main/core/steady-heap';
import { barePdf, bareXlsx } from './roster-baseline';

const people = Number(process.env.BENCH_PEOPLE ?? 100_000);
const PERIOD = '2026-12';
const CATEGORIES: [string, string, number | null][] = [
  ['BTXH', 'Người cao tuổi (80 tuổi trở lên)', 500_000],
  ['BTXH', 'Người khuyết tật nặng', 750_000],
  ['BTXH', 'Người khuyết tật đặc biệt nặng', 1_000_000],
  ['BTXH', 'Trẻ em mồ côi', 750_000],
  ['NCC', 'Bệnh binh', 2_789_000],
  ['NCC', 'Thương binh', 3_120_000],
  ['TNCC', 'Thân nhân liệt sĩ', 2_789_000],
];
const VILLAGES = ['Thôn Bắc', 'Thôn Nam', 'Thôn Đông', 'Thôn Tây', 'Xóm Chùa', 'Xóm Mới', 'Thôn Trung', 'Thôn Hạ'];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Ngọc', 'Quang'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dung', 'Hạnh', 'Hòa', 'Lan', 'Mai', 'Nam', 'Phúc', 'Quân', 'Tuấn', 'Vân', 'Yến'];

function generate(file: string): void {
  const db = openDatabase({ path: file, migrationsFolder: migrationsDir(), create: true });
  seedDemo(db, { people: 0 });
  const unitId = currentUnitId('13558');
  const rng = seededRandom(15);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng.next() * xs.length)];
  runCommand(db, { userId: null, origin: 'system' }, 'bench-seed', (w) => {
    for (let i = 0; i < people; i++) {
      const [group, label, amount] = pick(CATEGORIES);
      const birthYear = label === 'Trẻ em mồ côi' ? 2012 + Math.floor(rng.next() * 12) : 1930 + Math.floor(rng.next() * 60);
      const fullName = `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
      const idNumber = `035${String(birthYear % 100).padStart(2, '0')}${String(i).padStart(7, '0')}`.slice(0, 12);
      const channel = rng.next();
      const id = w.insert(beneficiaryTable, {
        unitId, fullName, village: pick(VILLAGES), birth: `${birthYear}-${String(1 + Math.floor(rng.next() * 12)).padStart(2, '0')}-15`, idNumber,
        categoryGroup: group, categoryLabel: label, monthlyAmount: amount, status: rng.next() < 0.97 ? 'active' : 'deceased', statusDate: '2026-10-05',
        verified: rng.next() < 0.9 ? '{"idNumber":"chip"}' : '{}', paymentChannel: channel < 0.75 ? 'bank' : channel < 0.88 ? 'authorised' : 'cash',
      });
      if (channel < 0.88) {
        w.insert(paymentAccountTable, { beneficiaryId: id, kind: channel < 0.7 ? 'bank' : 'e-wallet', owner: channel < 0.75 ? 'self' : 'authorised',
          bankBin: pick(['970405', '970415', '970418', '970436']), bankName: pick(['Agribank', 'VietinBank', 'BIDV', 'Vietcombank']),
          number: String(1_000_000_000_000 + i), holderName: fullName.toUpperCase() });
      }
    }
  }, { bulk: true });
  db.close();
}

if (process.argv[2] === '--generate') {
  generate(process.argv[3]);
  process.exit(0);
}

function highWaterRss(): number {
  if (!existsSync('/proc/self/status')) return 0;
  const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  return kb ? Number(kb) * 1024 : 0;
}

// The month runs here as in the app's services process, with the same heap settings.
keepHeapSteady();
const dir = mkdtempSync(path.join(os.tmpdir(), 'ansinh-bench-roster-'));
try {
  const file = path.join(dir, 'office.db');
  const t0 = performance.now();
  execFileSync(process.execPath, ['--import', 'tsx', process.argv[1], '--generate', file], { stdio: 'inherit' });
  process.stderr.write(`${people} beneficiaries generated in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);

  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage.rss()); }, 50);
  const db = openDatabase({ path: file, migrationsFolder: migrationsDir() });
  const payout = createPayoutService(db);
  const clerk = { userId: null, origin: 'system' as const };
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  payout.create(clerk, { unitIds: null }, PERIOD);
  approveRoster(db, clerk, payout.officeUnit(), PERIOD, true);
  const created = performance.now();
  await payout.export(clerk, PERIOD, 'bank', 'xlsx', path.join(dir, 'bank.xlsx'));
  const printableExcelStart = performance.now();
  await payout.export(clerk, PERIOD, 'printable', 'xlsx', path.join(dir, 'printable.xlsx'));
  const excel = performance.now();
  await payout.export(clerk, PERIOD, 'bank', 'pdf', path.join(dir, 'bank.pdf'));
  const printablePdfStart = performance.now();
  await payout.export(clerk, PERIOD, 'printable', 'pdf', path.join(dir, 'printable.pdf'));
  const pdf = performance.now();
  const cpu = process.cpuUsage(cpuStart);
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage.rss(), highWaterRss());
  // The baseline (roster-baseline.ts), after the month so that its memory is not counted in the month's peak.
  const bareStart = performance.now();
  await bareXlsx(db.sqlite, PERIOD, path.join(dir, 'bare.xlsx'));
  const bareExcel = performance.now();
  await barePdf(db.sqlite, PERIOD, path.join(dir, 'bare.pdf'));
  const barePdfEnd = performance.now();
  const lines = db.sqlite.prepare('SELECT count(*) FROM roster_lines').pluck().get();
  process.stderr.write(`${lines} roster lines\n`);
  db.close();
  const s = (a: number, b: number) => Math.round((b - a) / 10) / 100;
  process.stdout.write(`${JSON.stringify({ generateSeconds: s(start, created), excelSeconds: s(created, excel), pdfSeconds: s(excel, pdf),
    totalSeconds: s(start, pdf), cpuSeconds: Math.round((cpu.user + cpu.system) / 10_000) / 100, peakRssMb: Math.round(peakRss / 1024 / 1024),
    bareExcelSeconds: s(bareStart, bareExcel), barePdfSeconds: s(bareExcel, barePdfEnd),
    excelRatio: Math.round(((excel - printableExcelStart) / (bareExcel - bareStart)) * 100) / 100,
    pdfRatio: Math.round(((pdf - printablePdfStart) / (barePdfEnd - bareExcel)) * 100) / 100 })}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
