import ExcelJS from 'exceljs';
import { decodeTcvn3Capitals, decodeTcvn3Text } from './legacy-text/tcvn3';
import { decodeVni } from './legacy-text/vni';
import { encodingOfFont } from './legacy-text/legacy-detection';
import { MAX_COLUMNS, type CellValue, type RawCell, type RawRow, type RawSheet } from './raw-cell';
import { MergeFill, readVerticalMerges } from './merged-cells';

// .xlsx through exceljs's streaming reader: one row at a time, never the whole workbook in memory.

export async function* readXlsxSheets(filePath: string): AsyncGenerator<RawSheet> {
  const merges = await readVerticalMerges(filePath);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(filePath, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  } as ExcelJS.stream.xlsx.WorkbookStreamReaderOptions);
  for await (const worksheet of reader as unknown as AsyncIterable<AsyncIterable<ExcelJS.Row> & { name?: string; id?: number; state?: string }>) {
    const name = worksheet.name ?? `Sheet${worksheet.id ?? ''}`;
    const fill = new MergeFill(merges.get(Number(worksheet.id)) ?? []);
    const rows = (async function* (): AsyncGenerator<RawRow> {
      for await (const row of worksheet) yield fill.apply(toRawRow(row));
    })();
    yield { name, rows, hidden: worksheet.state === 'hidden' || worksheet.state === 'veryHidden' };
    // Drain anything the consumer did not read so the next sheet can be parsed.
    for await (const _ of rows) { /* skip */ }
  }
}

function toRawRow(row: ExcelJS.Row): RawRow {
  const cells: (RawCell | undefined)[] = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    if (col > MAX_COLUMNS) return;
    cells[col - 1] = toRawCell(cell);
  });
  return { rowNumber: row.number, cells };
}

function toRawCell(cell: ExcelJS.Cell): RawCell {
  const font = cell.font?.name ?? null;
  const numFmt = cell.numFmt ?? null;
  const v = cell.value as unknown;
  if (v === null || v === undefined) return { value: null, font, numFmt };
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return { value: v, font, numFmt };
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) {
      const result = o.result as unknown;
      const value = result === undefined || (typeof result === 'object' && result !== null && !(result instanceof Date)) ? null : (result as CellValue);
      return { value, font, numFmt, formula: true };
    }
    if (Array.isArray(o.richText)) {
      // Each run carries its own font, so each is decoded by it.
      const runs = o.richText as { text: string; font?: { name?: string } }[];
      const legacy = runs.some((run) => encodingOfFont(run.font?.name ?? font) !== 'unicode' && encodingOfFont(run.font?.name ?? font) !== null);
      if (!legacy) return { value: runs.map((r) => r.text).join(''), font, numFmt };
      return { value: runs.map((run) => decodeByFont(run.text, run.font?.name ?? font)).join(''), font: null, numFmt, decoded: true };
    }
    if (typeof o.text === 'string') return { value: o.text, font, numFmt };
    if ('error' in o) return { value: null, font, numFmt };
  }
  return { value: String(v), font, numFmt };
}

function decodeByFont(text: string, font: string | null): string {
  if (/[^\u0000-\u00ff]/.test(text)) return text;
  switch (encodingOfFont(font)) {
    case 'tcvn3': return decodeTcvn3Text(text);
    case 'tcvn3-capitals': return decodeTcvn3Capitals(text);
    case 'vni': return decodeVni(text);
    default: return text;
  }
}

/** The bare streaming read the benchmark compares against: every cell visited, nothing interpreted. */
export async function bareReadXlsx(filePath: string): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(filePath, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit' } as ExcelJS.stream.xlsx.WorkbookStreamReaderOptions);
  let cells = 0;
  for await (const worksheet of reader as unknown as AsyncIterable<AsyncIterable<ExcelJS.Row>>) {
    for await (const row of worksheet) row.eachCell({ includeEmpty: false }, () => { cells += 1; });
  }
  return cells;
}
