import { ListSheet, type ListColumn } from '../../excel/list-sheet';
import { amountCell, digitsCell, numberCell, textCell, type CellWrite } from '../../excel/export-cells';
import type { OfficeInfo } from '../../excel/export-office';
import type { RosterTable, TableCell, TableColumn } from './roster-table';

function cell(col: TableColumn, v: TableCell): CellWrite {
  if (v === null) return { value: null };
  if (col.kind === 'amount') return amountCell(Number(v));
  if (col.kind === 'number') return numberCell(Number(v));
  if (col.kind === 'digits') return digitsCell(String(v));
  return textCell(String(v));
}

/** The roster table as an A4 workbook in the offices' list layout (title, sections, subtotals, signatures). */
export async function writeRosterWorkbook(file: string, table: RosterTable, office: OfficeInfo): Promise<void> {
  const columns: ListColumn[] = table.columns.map((c) => ({ header: c.header, width: c.width, text: c.kind === 'digits', align: c.align }));
  const sheet = new ListSheet(file, { sheetName: table.sheetName, title: table.title, subtitles: table.subtitles, office, columns });
  const roman = (n: number) => String(n);
  for (const [i, s] of table.sections.entries()) {
    sheet.section(roman(i + 1), s.title);
    for await (const chunk of s.rows()) for (const r of chunk) sheet.row(r.map((v, c) => cell(table.columns[c], v)));
    sheet.totals(`Cộng ${s.title}`, { [table.amountColumn]: amountCell(s.amount) });
  }
  sheet.totals(`TỔNG CỘNG (${table.count} người)`, { [table.amountColumn]: amountCell(table.amount) });
  sheet.totals(`Bằng chữ: ${table.amountInWords}.`, {});
  await sheet.finish();
}
