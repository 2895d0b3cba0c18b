import path from 'node:path';
import type { CanonicalRecord, Problem } from './canonical-record';
import { readCsvSheets } from './csv-reader';
import { sniffFormat, type SpreadsheetFormat } from './file-guards';
import type { RawSheet } from './raw-cell';
import { SheetInterpreter, type InterpretOptions, type SheetSummary } from './sheet-interpreter';
import { readXlsSheets } from './xls-reader';
import { readXlsxSheets } from './xlsx-reader';

export interface WorkbookReading {
  format: SpreadsheetFormat;
  sheets: SheetSummary[];
  records: CanonicalRecord[];
  needsFixing: Problem[];
}

export interface WorkbookHandlers {
  record(record: CanonicalRecord): void;
  needsFixing(problem: Problem): void;
  /** Told the number of rows read so far, every ROWS_PER_PROGRESS rows (data or not). */
  progress?(rowsRead: number): void;
}

const ROWS_PER_PROGRESS = 1000;

export function rawSheets(filePath: string, format: SpreadsheetFormat): AsyncGenerator<RawSheet> {
  if (format === 'xlsx') return readXlsxSheets(filePath);
  if (format === 'xls') return readXlsSheets(filePath);
  return readCsvSheets(filePath, path.basename(filePath, path.extname(filePath)));
}

/**
 * Streams a workbook: each record and each needs-fixing problem goes to the handlers as its row is read,
 * so memory stays bounded whatever the number of rows. Throws AppError for a file it refuses.
 */
export async function streamWorkbook(filePath: string, handlers: WorkbookHandlers, options: InterpretOptions = {}): Promise<{ format: SpreadsheetFormat; sheets: SheetSummary[] }> {
  const format = await sniffFormat(filePath);
  const sheets: SheetSummary[] = [];
  let rowsRead = 0;
  for await (const sheet of rawSheets(filePath, format)) {
    if (sheet.hidden) {
      sheets.push(hiddenSheet(sheet.name));
      continue;
    }
    const interpreter = new SheetInterpreter(sheet.name, { record: handlers.record, needsFixing: handlers.needsFixing }, options);
    for await (const row of sheet.rows) {
      interpreter.push(row);
      if (++rowsRead % ROWS_PER_PROGRESS === 0) handlers.progress?.(rowsRead);
    }
    sheets.push(interpreter.finish());
  }
  return { format, sheets };
}

/** A hidden sheet's place in the summary: named, so that the preview says it was left. */
function hiddenSheet(name: string): SheetSummary {
  return { name, layout: null, dataRows: 0, headerRow: null, mapping: null, titles: [], rowKinds: {}, amountUnit: 1, hidden: true };
}

/** Reads a whole workbook into canonical records and the rows that need fixing. */
export async function readWorkbook(filePath: string, options: InterpretOptions = {}): Promise<WorkbookReading> {
  const records: CanonicalRecord[] = [];
  const needsFixing: Problem[] = [];
  const { format, sheets } = await streamWorkbook(filePath, { record: (r) => records.push(r), needsFixing: (p) => needsFixing.push(p) }, options);
  return { format, sheets, records, needsFixing };
}
