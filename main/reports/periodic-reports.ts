import { recordAudit } from '../core/audit';
import type { AppDatabase } from '../core/database/open-database';
import { AppError } from '../core/errors';
import type { Actor } from '../core/write-path';
import { vietnamDay } from '../excel/export-office';
import { canonicalRecords } from '../registry/canonical-records';
import { progressReport, readPeriod } from './progress-report';
import { progressDocument, type ReportDocument } from './report-document';
import { progressSheets, writeReportFile, type ReportSheet } from './progress-export';
import { communeIdsByCode } from './report-queries';

// The periodic reports the plans ask for, generated from the data: the weekly data-entry report, the monthly and the
// quarterly report (the progress figures under their own title, for a period of their kind), and the list of people
// with meritorious service by group (in the manner of form B08/QT-LĐTBXH: a section per group, totals, signatures).

export type PeriodicReport = 'weekly' | 'monthly' | 'quarterly' | 'ncc-b08';

const TITLES: Record<Exclude<PeriodicReport, 'ncc-b08'>, { kind: 'week' | 'month' | 'quarter'; title: string; example: string }> = {
  weekly: { kind: 'week', title: 'BÁO CÁO KẾT QUẢ CẬP NHẬT DỮ LIỆU AN SINH XÃ HỘI HÀNG TUẦN', example: '2026-W48' },
  monthly: { kind: 'month', title: 'BÁO CÁO THÁNG VỀ CÔNG TÁC AN SINH XÃ HỘI', example: '2026-11' },
  quarterly: { kind: 'quarter', title: 'BÁO CÁO QUÝ VỀ CÔNG TÁC AN SINH XÃ HỘI', example: '2026-Q4' },
};
const KIND_NAMES = { week: 'tuần', month: 'tháng', quarter: 'quý' };

export async function writePeriodicReport(db: AppDatabase, actor: Actor, scope: readonly string[] | null, report: PeriodicReport, periodCode: string,
  format: 'xlsx' | 'pdf', file: string, options: { date: Date; preparedBy: string | null }): Promise<{ fileName: string }> {
  let sheets: ReportSheet[];
  let code: string;
  if (report === 'ncc-b08') {
    const period = readPeriod(periodCode);
    code = period.code;
    const progress = progressReport(db, scope, period.code);
    const doc: ReportDocument = { ...progressDocument(progress, options.date, options.preparedBy), title: 'DANH SÁCH NGƯỜI CÓ CÔNG VỚI CÁCH MẠNG THEO NHÓM ĐỐI TƯỢNG (mẫu B08/QT-LĐTBXH)' };
    const ids = communeIdsByCode(db, progress.communes.map((c) => c.code));
    doc.columns = [{ header: 'STT', width: 5 }, { header: 'Họ và tên', width: 22 }, { header: 'Năm sinh', width: 8 }, { header: 'Giới tính', width: 7 },
      { header: 'Xã/phường', width: 16 }, { header: 'Thôn, xóm', width: 14 }, { header: 'Quê quán', width: 18 }, { header: 'Diện đối tượng', width: 22 },
      { header: 'Mức trợ cấp/tháng (đồng)', width: 12, numeric: true }, { header: 'Ghi chú', width: 10 }];
    const groups = new Map<string, (string | number | null)[][]>();
    let amount = 0;
    let n = 0;
    for (const c of progress.communes) {
      for (const r of canonicalRecords(db.sqlite, [ids.get(c.code)!])) {
        if (r.categoryGroup !== 'NCC' && r.categoryGroup !== 'TNCC') continue;
        const label = r.categoryLabel || (r.categoryGroup === 'NCC' ? 'Người có công' : 'Thân nhân người có công');
        const rows = groups.get(label) ?? groups.set(label, []).get(label)!;
        rows.push([0, r.fullName, r.birth?.slice(0, 4) ?? '', r.sex === 'M' ? 'Nam' : r.sex === 'F' ? 'Nữ' : '', c.name, r.village, r.hometown, label, r.monthlyAmount, null]);
        amount += r.monthlyAmount ?? 0;
      }
    }
    doc.rows = [];
    [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'vi')).forEach(([label, rows], g) => {
      doc.rows.push([ROMAN[g] ?? String(g + 1), `${label} (${rows.length} người)`, null, null, null, null, null, null, rows.reduce((s, r) => s + Number(r[8] ?? 0), 0), null]);
      for (const r of rows) doc.rows.push([++n, ...r.slice(1)]);
    });
    doc.totals = ['', `Tổng cộng: ${n} người`, null, null, null, null, null, null, amount, null];
    sheets = [{ name: 'Báo cáo', doc }];
    recordAudit(db, actor, { action: 'export', detail: { what: 'ncc-b08', format, count: n, units: [...ids.values()] } });
  } else {
    const spec = TITLES[report];
    const period = readPeriod(periodCode);
    if (period.kind !== spec.kind) {
      throw new AppError('invalid-period', `Báo cáo ${KIND_NAMES[spec.kind]} cần kỳ là một ${KIND_NAMES[spec.kind]}, ví dụ ${spec.example}; “${periodCode}” là một ${KIND_NAMES[period.kind]}.`,
        `The ${report} report needs a period like ${spec.example}.`);
    }
    code = period.code;
    sheets = progressSheets(progressReport(db, scope, period.code), options, { name: 'Báo cáo', title: spec.title });
  }
  await writeReportFile(file, format, sheets);
  const { day, month, year } = vietnamDay(options.date);
  const names: Record<PeriodicReport, string> = { weekly: 'Bao_cao_tuan', monthly: 'Bao_cao_thang', quarterly: 'Bao_cao_quy', 'ncc-b08': 'DS_NCC_B08' };
  return { fileName: `${names[report]}_${code}_${String(day).padStart(2, '0')}-${String(month).padStart(2, '0')}-${year}.${format}` };
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX'];
