import { vietnamDay } from '../excel/export-office';
import type { ProgressReport } from './progress-report';

// A report as the plans ask for it, before it is written out: the issuing body and the national heading, the title
// and period, a table with a totals row, the place and date, the signature block. The workbook and the PDF writers
// both take this one shape.

export interface ReportColumn {
  header: string;
  /** Relative width (characters in the workbook). */
  width: number;
  numeric?: boolean;
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
  { header: 'Mới', width: 6, numeric: true }, { header: 'Thôi hưởng', width: 7, numeric: true }, { header: 'Từ trần', width: 6, numeric: true },
];

type Figures = ProgressReport['total'];

function figureCells(f: Figures): number[] {
  return [f.people, f.categories.ncc, f.categories.tncc, f.categories.btxh, f.categories.children, f.categories.poorHouseholds, f.categories.nearPoorHouseholds,
    f.verified.chip, f.verified.matching, f.mismatches.open, f.mismatches.resolved, f.accounts.own, f.accounts.authorised, f.accounts.none,
    f.paidCashless.count, f.paidCashless.amount, f.changes.added, f.changes.stopped, f.changes.deceased];
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
