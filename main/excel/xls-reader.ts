import { readFile } from 'node:fs/promises';
import * as XLSX from '@e965/xlsx';
import { AppError } from '../core/errors';
import { MAX_COLUMNS, type RawCell, type RawRow, type RawSheet } from './raw-cell';
import { MergeFill } from './merged-cells';
import { looksLikeDateFormat } from './value-parsing';

// Excel 97-2003 (.xls, BIFF) through SheetJS: exceljs cannot read it. A .xls holds at most 65,536 rows,
// so reading the file whole is bounded; the size guard runs before this.

export async function* readXlsSheets(filePath: string): AsyncGenerator<RawSheet> {
  const bytes = await readFile(filePath);
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(bytes, { type: 'buffer', dense: true, cellFormula: true, cellNF: true, cellDates: false, cellStyles: false });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(message)) {
      throw new AppError('workbook-password', 'Tệp Excel có mật khẩu; hãy mở bằng Excel, bỏ mật khẩu rồi nhập lại.', 'The workbook is password-protected.');
    }
    throw new AppError('workbook-unreadable', 'Tệp Excel bị hỏng hoặc không đọc được; hãy mở bằng Excel và lưu lại.', 'The .xls file is corrupt or truncated.');
  }
  for (const [i, name] of workbook.SheetNames.entries()) {
    const sheet = workbook.Sheets[name];
    yield { name, rows: rowsOf(sheet), hidden: (workbook.Workbook?.Sheets?.[i]?.Hidden ?? 0) !== 0 };
  }
}

async function* rowsOf(sheet: XLSX.WorkSheet): AsyncGenerator<RawRow> {
  const dense = (sheet as unknown as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'] ?? [];
  const fill = new MergeFill((sheet['!merges'] ?? []).filter((m) => m.e.r > m.s.r)
    .map((m) => ({ top: m.s.r + 1, bottom: m.e.r + 1, left: m.s.c + 1, right: m.e.c + 1 })));
  for (let r = 0; r < dense.length; r++) {
    const source = dense[r];
    if (!source) continue;
    const cells: (RawCell | undefined)[] = [];
    const width = Math.min(source.length, MAX_COLUMNS);
    for (let c = 0; c < width; c++) {
      const cell = source[c];
      if (cell) cells[c] = toRawCell(cell);
    }
    yield fill.apply({ rowNumber: r + 1, cells });
  }
}

function toRawCell(cell: XLSX.CellObject): RawCell {
  const numFmt = typeof cell.z === 'string' ? cell.z : null;
  const formula = typeof cell.f === 'string' && cell.f !== '';
  switch (cell.t) {
    case 's': return { value: String(cell.v ?? ''), numFmt, formula };
    case 'n': {
      const v = cell.v as number | undefined;
      if (v === undefined) return { value: null, numFmt, formula };
      // Date cells in BIFF are numbers with a date format; they become the date they show.
      if (looksLikeDateFormat(numFmt) && v > 0) return { value: serialToDate(v), numFmt, formula };
      return { value: v, numFmt, formula };
    }
    case 'd': return { value: cell.v instanceof Date ? cell.v : new Date(String(cell.v)), numFmt, formula };
    case 'b': return { value: Boolean(cell.v), numFmt, formula };
    default: return { value: null, numFmt, formula };
  }
}

function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86_400_000));
}
