import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';

// Reading an exported list back the way a person's spreadsheet program would: every cell with its type and format.

export async function openWorkbook(file: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.worksheets).toHaveLength(1);
  return wb.worksheets[0];
}

/** Row number of the first row whose cell in `col` (1-based) has exactly this text. */
export function rowWith(ws: ExcelJS.Worksheet, col: number, text: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(col).value === text) return r;
  throw new Error(`no row with "${text}" in column ${col}`);
}

/** Texts of a row, cells 1…n (merged followers read as their master's value, as exceljs reports them). */
export function rowTexts(ws: ExcelJS.Worksheet, r: number, n: number): unknown[] {
  return Array.from({ length: n }, (_, c) => ws.getRow(r).getCell(c + 1).value);
}

/** Every string cell of the sheet (masters only). */
export function stringCells(ws: ExcelJS.Worksheet): { address: string; text: string }[] {
  const out: { address: string; text: string }[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => {
    if (cell.type === ExcelJS.ValueType.String) out.push({ address: cell.address, text: cell.value as string });
  }));
  return out;
}

/** The raw sheet XML and defined names: proof that no cell holds a formula and that print titles are set. */
export function rawParts(file: string): { sheet: string; workbook: string } {
  const zip = unzipSync(new Uint8Array(readFileSync(file)));
  return { sheet: strFromU8(zip['xl/worksheets/sheet1.xml']), workbook: strFromU8(zip['xl/workbook.xml']) };
}

/** Checks the print setup every list shares: A4 landscape, fitted to the width, header rows on every page. */
export function expectPrintSetup(ws: ExcelJS.Worksheet, file: string, headerRows: string): void {
  expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: headerRows });
  expect(ws.pageSetup.margins).toMatchObject({ left: 0.4, right: 0.4, top: 0.6, bottom: 0.6 });
  const [from, to] = headerRows.split(':');
  expect(rawParts(file).workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;${ws.name}&apos;!$${from}:$${to}</definedName>`);
}

/** No formula anywhere, and no text cell that a spreadsheet could take for one. */
export function expectNoFormula(ws: ExcelJS.Worksheet, file: string): void {
  expect(rawParts(file).sheet).not.toMatch(/<f[ >]/);
  for (const { address, text } of stringCells(ws)) expect([address, /^[=+\-@\t\r]/.test(text)]).toEqual([address, false]);
}
