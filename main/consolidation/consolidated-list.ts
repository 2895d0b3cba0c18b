import { rmSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { recordAudit } from '../core/audit';
import type { AppDatabase } from '../core/database/open-database';
import { AppError } from '../core/errors';
import type { Actor } from '../core/write-path';
import { amountCell, birthCell, digitsCell, numberCell, sexText, textCell, type CellWrite } from '../excel/export-cells';
import { vietnamDay } from '../excel/export-office';
import { canonicalRecords, type CanonicalRecord } from '../registry/canonical-records';
import type { OfficeCommune } from '../registry/office-communes';
import { communeTotals, type CommuneTotals } from './consolidation-queries';

// The consolidated list as the province asks for it: one workbook with a summary sheet and one sheet per commune,
// or one list with a commune column (a section per commune), each in the official layout (issuing body and national
// heading, title, totals, date line and signature block); or the canonical JSON, each record with its commune.

export type ConsolidatedLayout = 'per-commune' | 'one-list';

export interface ConsolidatedOptions {
  /** "Tỉnh Ninh Bình": the office above the communes that sends the list. */
  officeName: string;
  date: Date;
  preparedBy: string | null;
}

const FONT = 'Times New Roman';
const THIN: Partial<ExcelJS.Border> = { style: 'thin' };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

interface Column { header: string; width: number; numFmt?: string }

const PERSON_COLUMNS: Column[] = [
  { header: 'STT', width: 6 }, { header: 'Họ và tên', width: 26 }, { header: 'Ngày sinh', width: 12 }, { header: 'Giới tính', width: 8 },
  { header: 'Số CCCD', width: 15, numFmt: '@' }, { header: 'Thôn, xóm', width: 18 }, { header: 'Đối tượng', width: 28 },
  { header: 'Mức trợ cấp/tháng (đồng)', width: 14, numFmt: '#,##0' }, { header: 'Số tài khoản', width: 18, numFmt: '@' }, { header: 'Ngân hàng', width: 16 },
];
const SUMMARY_COLUMNS: Column[] = [
  { header: 'STT', width: 6 }, { header: 'Xã/phường', width: 26 }, { header: 'Mã', width: 8 }, { header: 'Số đối tượng', width: 12, numFmt: '#,##0' },
  { header: 'NCC', width: 9, numFmt: '#,##0' }, { header: 'Thân nhân NCC', width: 10, numFmt: '#,##0' }, { header: 'BTXH', width: 9, numFmt: '#,##0' },
  { header: 'Khác', width: 8, numFmt: '#,##0' }, { header: 'Tổng trợ cấp/tháng (đồng)', width: 18, numFmt: '#,##0' },
];

/** One sheet of the workbook in the official layout, written row by row (streaming). */
class OfficialSheet {
  private row = 0;
  constructor(private readonly sheet: ExcelJS.Worksheet, private readonly columns: Column[], private readonly options: ConsolidatedOptions, title: string, subtitle: string) {
    sheet.columns = columns.map((c) => ({ width: c.width }));
    const n = columns.length;
    const half = Math.max(2, Math.floor(n / 2));
    this.line([[1, half, `UBND ${options.officeName}`.toLocaleUpperCase('vi'), { bold: true }], [half + 1, n, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true }]]);
    this.line([[half + 1, n, 'Độc lập - Tự do - Hạnh phúc', { bold: true }]]);
    this.line([]);
    this.line([[1, n, title, { bold: true, size: 14 }]]);
    this.line([[1, n, subtitle, { italic: true }]]);
    this.line([]);
    const header = sheet.getRow(++this.row);
    columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = c.header;
      cell.style = { font: { name: FONT, size: 12, bold: true }, border: BOX, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
    });
    header.commit();
  }

  data(cells: CellWrite[], bold = false): void {
    const row = this.sheet.getRow(++this.row);
    this.columns.forEach((c, i) => {
      const w = cells[i];
      const cell = row.getCell(i + 1);
      if (w && w.value !== null && w.value !== undefined) cell.value = w.value;
      cell.style = { font: { name: FONT, size: 12, bold }, border: BOX, numFmt: w?.numFmt ?? c.numFmt, alignment: { vertical: 'middle', wrapText: c.numFmt !== '@' } };
    });
    row.commit();
  }

  finish(): void {
    const n = this.columns.length;
    const half = Math.max(2, Math.floor(n / 2));
    const { day, month, year } = vietnamDay(this.options.date);
    const place = this.options.officeName.replace(/^(tỉnh|thành phố|xã|phường|thị trấn|đặc khu)\s+/iu, '');
    this.line([]);
    this.line([[half + 1, n, `${place}, ngày ${String(day).padStart(2, '0')} tháng ${String(month).padStart(2, '0')} năm ${year}`, { italic: true }]]);
    this.line([[1, half, 'Người lập biểu', { bold: true }], [half + 1, n, 'THỦ TRƯỞNG ĐƠN VỊ', { bold: true }]]);
    this.line([[1, half, '(Ký, ghi rõ họ tên)', { italic: true }], [half + 1, n, '(Ký tên, đóng dấu)', { italic: true }]]);
    for (let i = 0; i < 3; i++) this.line([]);
    if (this.options.preparedBy) this.line([[1, half, this.options.preparedBy, { bold: true }]]);
    this.sheet.commit();
  }

  private line(parts: [number, number, string, Partial<ExcelJS.Font>][]): void {
    const at = ++this.row;
    const row = this.sheet.getRow(at);
    for (const [from, to, text, font] of parts) {
      const cell = row.getCell(from);
      cell.value = text;
      cell.style = { font: { name: FONT, size: 12, ...font }, alignment: { horizontal: 'center', vertical: 'middle' } };
      if (to > from) this.sheet.mergeCells(at, from, at, to);
    }
    row.commit();
  }
}

function personCells(n: number, r: CanonicalRecord): CellWrite[] {
  return [numberCell(n), textCell(r.fullName), birthCell(r.birth), textCell(sexText(r.sex)), digitsCell(r.idNumber), textCell(r.village),
    textCell(r.categoryLabel), amountCell(r.monthlyAmount), digitsCell(r.accountNumber), textCell(r.bankName)];
}

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique in the workbook. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28).trim() || 'Xa';
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${base.slice(0, 26)} ${i}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}


/** Writes the consolidated list of these communes; answers how many people it holds. Recorded in the audit trail. */
export async function exportConsolidatedList(db: AppDatabase, actor: Actor, communes: readonly OfficeCommune[], format: 'xlsx' | 'json', layout: ConsolidatedLayout,
  file: string, options: ConsolidatedOptions): Promise<{ count: number; communes: number }> {
  let count = 0;
  // Communes that hold no one yet get no sheet and no section.
  communes = communes.filter((c) => communeTotals(db, c.id).people > 0);
  try {
    if (format === 'json') {
      const out: (CanonicalRecord & { commune: { code: string; name: string } })[] = [];
      for (const c of communes) for (const r of canonicalRecords(db.sqlite, [c.id], { verification: true })) out.push({ ...r, commune: { code: c.code, name: c.name } });
      count = out.length;
      writeFileSync(file, JSON.stringify(out, null, 1) + '\n', { mode: 0o600 });
    } else {
      count = await writeWorkbook(db, communes, layout, file, options);
    }
  } catch (e) {
    rmSync(file, { force: true });
    if (e instanceof AppError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? 'lỗi ghi';
    throw new AppError('export-write-failed', `Không ghi được tệp xuất (${code}).`, `Could not write the export (${code}).`);
  }
  recordAudit(db, actor, { action: 'export', detail: { what: 'consolidated-list', format, layout, count, units: communes.map((c) => c.id) } });
  return { count, communes: communes.length };
}

async function writeWorkbook(db: AppDatabase, communes: readonly OfficeCommune[], layout: ConsolidatedLayout, file: string, options: ConsolidatedOptions): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  wb.creator = 'An Sinh Desk';
  const pageSetup: Partial<ExcelJS.PageSetup> = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  const title = 'DANH SÁCH TỔNG HỢP ĐỐI TƯỢNG HƯỞNG TRỢ CẤP HÀNG THÁNG';
  let count = 0;
  if (layout === 'one-list') {
    const columns = [...PERSON_COLUMNS.slice(0, 2), { header: 'Xã/phường', width: 20 }, ...PERSON_COLUMNS.slice(2)];
    const sheet = new OfficialSheet(wb.addWorksheet('Danh sách', { pageSetup }), columns, options, title, `${options.officeName}: ${communes.length} xã/phường`);
    let amount = 0;
    communes.forEach((c, i) => {
      let first = true;
      for (const r of canonicalRecords(db.sqlite, [c.id])) {
        if (first) sheet.data([{ value: roman(i + 1) }, { value: c.name }], true);
        first = false;
        const cells = personCells(++count, r);
        sheet.data([...cells.slice(0, 2), textCell(c.name), ...cells.slice(2)]);
        amount += r.monthlyAmount ?? 0;
      }
    });
    sheet.data([{ value: null }, { value: `Cộng: ${count} đối tượng` }, { value: null }, { value: null }, { value: null }, { value: null }, { value: null }, { value: null }, amountCell(amount)], true);
    sheet.finish();
    await wb.commit();
    return count;
  }
  // Per commune: the summary first (its figures are counted as the commune sheets are written, so it is filled in
  // from a first pass that reads only the totals).
  const totals = communes.map((c) => communeTotals(db, c.id));
  const summary = new OfficialSheet(wb.addWorksheet('Tổng hợp', { pageSetup }), SUMMARY_COLUMNS, options, title, `${options.officeName}: ${communes.length} xã/phường`);
  const all: CommuneTotals = { people: 0, ncc: 0, tncc: 0, btxh: 0, other: 0, amount: 0 };
  communes.forEach((c, i) => {
    const t = totals[i];
    for (const k of Object.keys(all) as (keyof CommuneTotals)[]) all[k] += t[k];
    summary.data([numberCell(i + 1), textCell(c.name), textCell(c.code), numberCell(t.people), numberCell(t.ncc), numberCell(t.tncc), numberCell(t.btxh), numberCell(t.other), amountCell(t.amount)]);
  });
  summary.data([{ value: null }, { value: 'Tổng cộng' }, { value: null }, numberCell(all.people), numberCell(all.ncc), numberCell(all.tncc), numberCell(all.btxh), numberCell(all.other), amountCell(all.amount)], true);
  summary.finish();
  const taken = new Set(['tổng hợp']);
  communes.forEach((c) => {
    const sheet = new OfficialSheet(wb.addWorksheet(sheetName(c.name, taken), { pageSetup }), PERSON_COLUMNS, options, `DANH SÁCH ĐỐI TƯỢNG HƯỞNG TRỢ CẤP HÀNG THÁNG – ${c.name.toLocaleUpperCase('vi')}`, `Mã đơn vị hành chính: ${c.code}`);
    let n = 0;
    let amount = 0;
    for (const r of canonicalRecords(db.sqlite, [c.id])) {
      sheet.data(personCells(++n, r));
      amount += r.monthlyAmount ?? 0;
    }
    count += n;
    sheet.data([{ value: null }, { value: `Cộng: ${n} đối tượng` }, { value: null }, { value: null }, { value: null }, { value: null }, { value: null }, amountCell(amount)], true);
    sheet.finish();
  });
  await wb.commit();
  return count;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
function roman(n: number): string {
  if (n <= 10) return ROMAN[n - 1];
  const tens = ['', 'X', 'XX', 'XXX', 'XL', 'L', 'LX', 'LXX', 'LXXX', 'XC', 'C'];
  return n <= 110 ? tens[Math.floor(n / 10)] + (n % 10 ? ROMAN[(n % 10) - 1] : '') : String(n);
}
