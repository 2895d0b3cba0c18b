// A cell as a reader hands it over: its value with the type the spreadsheet gave it, and the font
// name that tells which legacy encoding its text is in.

export type CellValue = string | number | boolean | Date | null;

export interface RawCell {
  value: CellValue;
  font?: string | null;
  /** Number format ("dd/mm/yyyy", "#,##0"…), used to recognise date serials. */
  numFmt?: string | null;
  /** The value is the cached result of a formula (undefined result = formula never calculated). */
  formula?: boolean;
  /** Text already decoded to Unicode by the reader (rich text runs with their own fonts). */
  decoded?: boolean;
}

export interface RawRow {
  /** 1-based row number as shown in Excel. */
  rowNumber: number;
  /** 0-based column index → cell. */
  cells: (RawCell | undefined)[];
  /**
   * Cells of this row inside a range merged down from a row above: the value the merge shows, its top cell's. Only
   * data rows take them (a header's own merges are read from the empty cells, as before).
   */
  merged?: (RawCell | undefined)[];
}

export interface RawSheet {
  name: string;
  rows: AsyncIterable<RawRow>;
  /** Hidden in the workbook (Excel's "Hide"): an old month or a template, never imported. */
  hidden?: boolean;
}

/** Columns considered per row; a list has a dozen or two. Anything further right is ignored (bounded memory). */
export const MAX_COLUMNS = 256;

export function isEmptyCell(cell: RawCell | undefined): boolean {
  if (!cell || cell.value === null || cell.value === undefined) return true;
  return typeof cell.value === 'string' && cell.value.trim() === '';
}
