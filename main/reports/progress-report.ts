import type { AppDatabase } from '../core/database/open-database';
import { readMeta } from '../core/database/meta';
import { AppError } from '../core/errors';
import { officeCommunes, type OfficeCommune } from '../registry/office-communes';
import { addFigures, emptyFigures, isEmptyPeriod, type ProgressFigures } from '../../shared/reports/progress-figures';
import { parsePeriod, periodsUpTo, type ReportPeriod } from '../../shared/reports/report-period';
import { communesWithPeople, unitNameAndCode } from './report-queries';
import { paidByVillage, progressByCommune } from './progress-queries';

// The progress dashboard's figures — the screen, `ansinh report progress --format json` and its workbook and PDF all
// read this one report: per commune of the user's area and in total, for a week, a month or a quarter, with the
// same figures for the periods before it (progress over time).

export interface ProgressReport {
  period: { code: string; kind: ReportPeriod['kind']; label: string; from: string; to: string };
  unit: { code: string; name: string } | null;
  communes: { code: string; name: string; figures: ProgressFigures }[];
  total: ProgressFigures;
  /** What was paid during the period per village (commune by its code): the cash-less share against the 100 % target. */
  villages: { commune: string; village: string; paidCashless: { count: number; amount: number }; paidCash: { count: number; amount: number } }[];
  /** The same totals for this period and the ones before it, oldest first. */
  series: { period: string; label: string; people: number; verified: number; withAccount: number; paidCashlessCount: number; paidCashlessAmount: number; mismatchesOpen: number }[];
}

const SERIES_LENGTH = 6;

export function readPeriod(code: string): ReportPeriod {
  const period = parsePeriod(code);
  if (!period) {
    throw new AppError('invalid-period', `Kỳ báo cáo “${code}” không hợp lệ: viết 2026-W48 (tuần), 2026-11 (tháng) hoặc 2026-Q4 (quý).`,
      'Invalid period: use 2026-W48, 2026-11 or 2026-Q4.');
  }
  return period;
}

export function progressReport(db: AppDatabase, scope: readonly string[] | null, code: string, now = Date.now()): ProgressReport {
  const period = readPeriod(code);
  if (period.startMs > now) {
    throw new AppError('report-future-period', `Kỳ ${period.label} chưa bắt đầu; chưa có gì để báo cáo.`, 'The period has not begun.');
  }
  const communes = reportCommunes(db, scope);
  const ids = communes.map((c) => c.id);
  const figures = progressByCommune(db.sqlite, ids, period);
  const total = emptyFigures();
  for (const f of figures.values()) addFigures(total, f);
  if (isEmptyPeriod(total)) {
    throw new AppError('report-no-data', `Kỳ ${period.label} chưa có dữ liệu ở địa bàn này (chưa có đối tượng nào trên danh sách đến hết ngày ${dmy(period.to)}); không lập báo cáo.`,
      'No data for this period in this area.');
  }
  const series = periodsUpTo(period, SERIES_LENGTH).map((p) => {
    const t = p.code === period.code ? total : [...progressByCommune(db.sqlite, ids, p).values()].reduce((a, f) => addFigures(a, f), emptyFigures());
    return {
      period: p.code, label: p.label, people: t.people, verified: t.verified.chip + t.verified.matching, withAccount: t.accounts.own + t.accounts.authorised,
      paidCashlessCount: t.paidCashless.count, paidCashlessAmount: t.paidCashless.amount, mismatchesOpen: t.mismatches.open,
    };
  });
  const codeOf = new Map(communes.map((c) => [c.id, c.code]));
  const villages = paidByVillage(db.sqlite, ids, period).map((v) => ({ commune: codeOf.get(v.unitId) ?? v.unitId, village: v.village,
    paidCashless: v.paidCashless, paidCash: v.paidCash }));
  const office = readMeta(db, 'office.unitId');
  return {
    period: { code: period.code, kind: period.kind, label: period.label, from: period.from, to: period.to },
    unit: office ? unitNameAndCode(db, office) : null,
    communes: communes.map((c) => ({ code: c.code, name: c.name, figures: figures.get(c.id) ?? emptyFigures() })),
    total,
    villages,
    series,
  };
}

/** The office's communes in the user's units; a database without an office: the communes that hold people. */
function reportCommunes(db: AppDatabase, scope: readonly string[] | null): OfficeCommune[] {
  const all = officeCommunes(db) ?? communesWithPeople(db);
  return scope ? all.filter((c) => scope.includes(c.id)) : all;
}

const dmy = (iso: string) => iso.split('-').reverse().join('/');
