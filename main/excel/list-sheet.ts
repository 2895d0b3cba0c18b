import ExcelJS from 'exceljs';
import type { CellWrite } from './export-cells';
import { safeText, TEXT_FORMAT } from './export-cells';
import { dateLine, issuingBody, officePlace, type OfficeInfo } from './export-office';

// A list the way Vietnamese offices print them, written row by row to disk (exceljs's streaming writer):
// issuing body and national motto, title, a one- or two-row header, the row of column numbers, data rows
// (with section rows), totals, the signature block; A4 landscape, header rows repeated on every page,
// fitted to the page width.

export interface ListColumn {
  header: string;
  /** Columns that share a `group` sit under one merged parent header ("Năm sinh" over "Nam" | "Nữ"). */
  group?: string;
  width: number;
  /** ID and account columns: the whole column is text, so numbers typed in later keep their zeros. */
  text?: boolean;
  align?: 'left' | 'center' | 'right';
}

export interface ListSheetOptions {
  sheetName: string;
  title: string;
  /** Lines under the title (the office's place is always added first). */
  subtitles?: string[];
  office: OfficeInfo;
  columns: ListColumn[];
}

const FONT = 'Times New Roman';
const THIN: Partial<ExcelJS.Border> = { style: 'thin' };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };

export class ListSheet {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly sheet: ExcelJS.Worksheet;
  private readonly columns: ListColumn[];
  private readonly office: OfficeInfo;
  private rowNumber = 0;
  /** Row numbers of the header and column-number rows, repeated on every printed page. */
  readonly headerRows: { first: number; last: number };
  private readonly styles = new Map<string, Partial<ExcelJS.Style>>();

  constructor(file: string, options: ListSheetOptions) {
    this.columns = options.columns;
    this.office = options.office;
    const twoRowHeader = options.columns.some((c) => c.group);
    const subtitles = [officePlace(options.office), ...(options.subtitles ?? [])];
    const headerFirst = 5 + subtitles.length + 1;
    const headerLast = headerFirst + (twoRowHeader ? 1 : 0) + 1;
    this.headerRows = { first: headerFirst, last: headerLast };
    // Shared strings: cells of type "s", the form every spreadsheet program reads as plain text.
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
    this.workbook.creator = 'An Sinh Desk';
    this.sheet = this.workbook.addWorksheet(options.sheetName, {
      pageSetup: {
        paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
        horizontalCentered: true, margins: MARGINS, printTitlesRow: `${headerFirst}:${headerLast}`,
      },
      headerFooter: { oddFooter: '&CTrang &P/&N' },
      views: [{ state: 'frozen', ySplit: headerLast, xSplit: 0 }],
    });
    this.sheet.columns = options.columns.map((c) => ({ width: c.width, style: c.text ? { numFmt: TEXT_FORMAT } : {} }));
    this.writeTitle(options.title, subtitles);
    this.writeHeader(twoRowHeader);
  }

  get width(): number {
    return this.columns.length;
  }

  /** A data row: one cell per column (missing = empty), boxed. */
  row(cells: CellWrite[]): void {
    const row = this.next();
    this.columns.forEach((col, c) => {
      const w = cells[c];
      const cell = row.getCell(c + 1);
      if (w && w.value !== null && w.value !== undefined) cell.value = w.value;
      cell.style = this.style(`d${c}|${w?.numFmt ?? ''}`, () => ({
        font: { name: FONT, size: 12 },
        border: BOX,
        alignment: { vertical: 'middle', horizontal: col.align ?? 'left', wrapText: !col.text },
        numFmt: w?.numFmt ?? (col.text ? TEXT_FORMAT : undefined),
      }));
    });
    row.commit();
  }

  /** "I" | "Thôn Đông": the rows under it belong to that village or group. */
  section(numbering: string, title: string): void {
    const cells: CellWrite[] = [{ value: numbering }, { value: safeText(title) }];
    this.boldRow(cells);
  }

  /** A totals row: `label` in the name column, sums in the columns given (0-based index → value). */
  totals(label: string, sums: Record<number, CellWrite>): void {
    const cells: CellWrite[] = [{ value: null }, { value: label }];
    for (const [c, w] of Object.entries(sums)) cells[Number(c)] = w;
    this.boldRow(cells);
  }

  /** Signature block, then the file is finished. */
  async finish(): Promise<void> {
    const n = this.width;
    const { leftEnd, rightStart } = halves(n);
    const line = (left: string | null, right: string | null, font: Partial<ExcelJS.Font>) => {
      const row = this.next();
      const at = this.rowNumber;
      if (left) this.put(row, 1, left, font, 'center');
      if (right) this.put(row, rightStart, right, font, 'center');
      if (left && leftEnd > 1) this.sheet.mergeCells(at, 1, at, leftEnd);
      if (right && n > rightStart) this.sheet.mergeCells(at, rightStart, at, n);
      row.commit();
    };
    this.next().commit();
    line(null, dateLine(this.office), { italic: true });
    line('Người lập biểu', 'TM. ỦY BAN NHÂN DÂN', { bold: true });
    line(null, 'CHỦ TỊCH', { bold: true });
    line('(Ký, ghi rõ họ tên)', '(Ký tên, đóng dấu)', { italic: true });
    for (let i = 0; i < 3; i++) this.next().commit();
    line(this.office.preparedBy ?? null, this.office.signedBy ?? null, { bold: true });
    await this.sheet.commit();
    await this.workbook.commit();
  }

  private writeTitle(title: string, subtitles: string[]): void {
    const n = this.width;
    const { leftEnd, rightStart } = halves(n);
    let row = this.next();
    this.put(row, 1, issuingBody(this.office), { bold: true }, 'center');
    this.put(row, rightStart, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true }, 'center');
    this.sheet.mergeCells(1, 1, 1, leftEnd);
    this.sheet.mergeCells(1, rightStart, 1, n);
    row.commit();
    row = this.next();
    this.put(row, rightStart, 'Độc lập - Tự do - Hạnh phúc', { bold: true, underline: true }, 'center');
    this.sheet.mergeCells(2, rightStart, 2, n);
    row.commit();
    this.next().commit();
    row = this.next();
    this.put(row, 1, safeText(title), { bold: true, size: 14 }, 'center');
    this.sheet.mergeCells(this.rowNumber, 1, this.rowNumber, n);
    row.commit();
    for (const s of subtitles) {
      row = this.next();
      this.put(row, 1, safeText(s), { italic: true }, 'center');
      this.sheet.mergeCells(this.rowNumber, 1, this.rowNumber, n);
      row.commit();
    }
    this.next().commit();
  }

  private writeHeader(twoRows: boolean): void {
    const headerStyle: Partial<ExcelJS.Style> = {
      font: { name: FONT, size: 12, bold: true }, border: BOX,
      alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
    };
    const top = this.next();
    const topAt = this.rowNumber;
    const sub = twoRows ? this.next() : null;
    this.columns.forEach((col, c) => {
      const topCell = top.getCell(c + 1);
      topCell.style = headerStyle;
      if (sub) sub.getCell(c + 1).style = headerStyle;
      if (!col.group || !sub) {
        topCell.value = col.header;
        if (sub) this.sheet.mergeCells(topAt, c + 1, topAt + 1, c + 1);
        return;
      }
      sub.getCell(c + 1).value = col.header;
      if (this.columns[c - 1]?.group === col.group) return;
      topCell.value = col.group;
      let end = c;
      while (this.columns[end + 1]?.group === col.group) end++;
      if (end > c) this.sheet.mergeCells(topAt, c + 1, topAt, end + 1);
    });
    top.commit();
    sub?.commit();
    const numbers = this.next();
    this.columns.forEach((_, c) => {
      const cell = numbers.getCell(c + 1);
      cell.value = `(${c + 1})`;
      cell.style = { font: { name: FONT, size: 10, italic: true }, border: BOX, alignment: { horizontal: 'center' } };
    });
    numbers.commit();
  }

  private boldRow(cells: CellWrite[]): void {
    const row = this.next();
    this.columns.forEach((col, c) => {
      const w = cells[c];
      const cell = row.getCell(c + 1);
      if (w && w.value !== null && w.value !== undefined) cell.value = w.value;
      cell.style = this.style(`b${c}|${w?.numFmt ?? ''}`, () => ({
        font: { name: FONT, size: 12, bold: true },
        border: BOX,
        alignment: { vertical: 'middle', horizontal: c === 0 ? 'center' : col.align ?? 'left' },
        numFmt: w?.numFmt ?? (col.text ? TEXT_FORMAT : undefined),
      }));
    });
    row.commit();
  }

  private put(row: ExcelJS.Row, col: number, text: string, font: Partial<ExcelJS.Font>, horizontal: 'left' | 'center'): void {
    const cell = row.getCell(col);
    cell.value = text;
    cell.style = { font: { name: FONT, size: 12, ...font }, alignment: { horizontal, vertical: 'middle' } };
  }

  private next(): ExcelJS.Row {
    return this.sheet.getRow(++this.rowNumber);
  }

  private style(key: string, make: () => Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
    let s = this.styles.get(key);
    if (!s) {
      s = make();
      if (s.numFmt === undefined) delete s.numFmt;
      this.styles.set(key, s);
    }
    return s;
  }
}

/** The left block (issuing body, preparer) and the right block (motto, date, signer) of a page this wide. */
function halves(n: number): { leftEnd: number; rightStart: number } {
  const leftEnd = Math.min(3, n);
  return { leftEnd, rightStart: Math.min(n, Math.max(leftEnd + 1, Math.ceil(n / 2))) };
}
