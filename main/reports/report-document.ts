import { vietnamDay } from '../excel/export-office';
import type { ProgressReport } from './progress-report';
import { cashlessShare } from '../../shared/reports/progress-figures';

// A report as the plans ask for it, before it is written out: the issuing body and the national heading, the title
// and period, a table with a totals row, the place and date, the signature block. The workbook and the PDF writers
// both take this one shape.

export interface ReportColumn {
  header: string;
  /** Relative width (characters in the workbook). */
  width: number;
  numeric?: boolean;
  /** A share in percent, to one decimal (null: nothing to share). */
  percent?: boolean;
}

export type ReportCell = string | number | null;

export interface ReportDocument {
  /** "UBND TỈNH NINH BÌNH". */
  issuingBody: string;
  title: string;
  /** "Tháng 11/2026 (01/11/2026 – 30/11/2026)". */
  subtitle: string;
  columns: ReportColumn[];
  rows: ReportCell[][];
  totals: ReportCell[];
  /** "Ninh Bình, ngày 02 tháng 12 năm 2026". */
  dateLine: string;
  signatures: { left: string; right: string; rightName?: string | null; leftName?: string | null };
}

export const PROGRESS_COLUMNS: ReportColumn[] = [
  { header: 'STT', width: 5 }, { header: 'Xã/phường', width: 20 },
  { header: 'Số đối tượng', width: 9, numeric: true }, { header: 'NCC', width: 7, numeric: true }, { header: 'Thân nhân NCC', width: 8, numeric: true },
  { header: 'BTXH', width: 7, numeric: true }, { header: 'Trẻ em', width: 7, numeric: true }, { header: 'Hộ nghèo', width: 7, numeric: true },
  { header: 'Hộ cận nghèo', width: 7, numeric: true }, { header: 'Xác thực qua chip', width: 8, numeric: true },
  { header: 'Xác thực qua đối chiếu', width: 9, numeric: true }, { header: 'Sai lệch còn mở', width: 8, numeric: true },
  { header: 'Sai lệch đã xử lý', width: 8, numeric: true }, { header: 'TK chính chủ', width: 8, numeric: true },
  { header: 'TK ủy quyền', width: 8, numeric: true }, { header: 'Chưa có TK', width: 8, numeric: true },
  { header: 'Chi qua TK (lượt)', width: 8, numeric: true }, { header: 'Số tiền chi qua TK (đồng)', width: 14, numeric: true },
  { header: 'Chi tiền mặt (lượt)', width: 8, numeric: true },
  { header: 'Không dùng tiền mặt, % lượt (mục tiêu 100)', width: 9, percent: true }, { header: 'Không dùng tiền mặt, % số tiền', width: 9, percent: true },
  { header: 'Mới', width: 6, numeric: true }, { header: 'Thôi hưởng', width: 7, numeric: true }, { header: 'Từ trần', width: 6, numeric: true },
];

type Figures = ProgressReport['total'];

function figureCells(f: Figures): (number | null)[] {
  const share = cashlessShare(f);
  return [f.people, f.categories.ncc, f.categories.tncc, f.categories.btxh, f.categories.children, f.categories.poorHouseholds, f.categories.nearPoorHouseholds,
    f.verified.chip, f.verified.matching, f.mismatches.open, f.mismatches.resolved, f.accounts.own, f.accounts.authorised, f.accounts.none,
    f.paidCashless.count, f.paidCashless.amount, f.paidCash.count, share.byCount, share.byAmount, f.changes.added, f.changes.stopped, f.changes.deceased];
}

export function progressDocument(report: ProgressReport, date: Date, preparedBy: string | null): ReportDocument {
  const unitName = report.unit?.name ?? 'Đơn vị';
  const { day, month, year } = vietnamDay(date);
  const place = unitName.replace(/^(tỉnh|thành phố|xã|phường|thị trấn|đặc khu)\s+/iu, '');
  const dmy = (iso: string) => iso.split('-').reverse().join('/');
  return {
    issuingBody: `UBND ${unitName}`.toLocaleUpperCase('vi'),
    title: 'BÁO CÁO TIẾN ĐỘ AN SINH XÃ HỘI',
    subtitle: `${report.period.label} (từ ${dmy(report.period.from)} đến ${dmy(report.period.to)})`,
    columns: PROGRESS_COLUMNS,
    rows: report.communes.map((c, i) => [i + 1, c.name, ...figureCells(c.figures)]),
    totals: ['', 'Tổng cộng', ...figureCells(report.total)],
    dateLine: `${place}, ngày ${String(day).padStart(2, '0')} tháng ${String(month).padStart(2, '0')} năm ${year}`,
    signatures: { left: 'Người lập biểu', leftName: preparedBy, right: 'THỦ TRƯỞNG ĐƠN VỊ' },
  };
}

const VILLAGE_COLUMNS: ReportColumn[] = [
  { header: 'STT', width: 5 }, { header: 'Xã/phường', width: 20 }, { header: 'Thôn, tổ dân phố', width: 18 },
  { header: 'Chi qua TK (lượt)', width: 9, numeric: true }, { header: 'Số tiền chi qua TK (đồng)', width: 14, numeric: true },
  { header: 'Chi tiền mặt (lượt)', width: 9, numeric: true }, { header: 'Số tiền chi tiền mặt (đồng)', width: 14, numeric: true },
  { header: 'Không dùng tiền mặt, % lượt (mục tiêu 100)', width: 11, percent: true }, { header: 'Không dùng tiền mặt, % số tiền', width: 11, percent: true },
];

/** The cash-less share per village for the period (what was paid during it), against the 100 % target; null when nothing was paid. */
export function villageShareDocument(report: ProgressReport, date: Date, preparedBy: string | null): ReportDocument | null {
  if (report.villages.length === 0) return null;
  const names = new Map(report.communes.map((c) => [c.code, c.name]));
  const cells = (v: Pick<ProgressReport['villages'][number], 'paidCashless' | 'paidCash'>) => {
    const share = cashlessShare(v);
    return [v.paidCashless.count, v.paidCashless.amount, v.paidCash.count, v.paidCash.amount, share.byCount, share.byAmount];
  };
  const total = { paidCashless: report.total.paidCashless, paidCash: report.total.paidCash };
  return {
    ...progressDocument(report, date, preparedBy),
    title: 'TỶ LỆ CHI TRẢ KHÔNG DÙNG TIỀN MẶT THEO THÔN, TỔ DÂN PHỐ',
    columns: VILLAGE_COLUMNS,
    rows: report.villages.map((v, i) => [i + 1, names.get(v.commune) ?? v.commune, v.village, ...cells(v)]),
    totals: ['', 'Tổng cộng', '', ...cells(total)],
  };
}
