import { AppError } from '../core/errors';
import { sniffFormat, type SpreadsheetFormat } from '../excel/file-guards';
import { ColumnEncodingVote, toUnicode } from '../excel/legacy-text/legacy-detection';
import { isEmptyCell, type RawCell } from '../excel/raw-cell';
import { rawSheets } from '../excel/read-workbook';
import { numberAsDigits, parseBirth, parseSex } from '../excel/value-parsing';
import { foldVietnamese } from '../../shared/text/fold';
import type { MatchField, MatchValues } from './police-results-comparison';

// Reading a results workbook from the police, whatever its layout: (a) our list with "Kết quả đối chiếu" and
// "Thông tin sai khác" appended; (b) our list beside the population database's own values ("Thông tin trong
// CSDLQG về dân cư": họ tên, ngày sinh, …). Columns are recognised by their headers (any order, wording variants,
// a one- or two-row header, legacy TCVN3/VNI text), never by position.

export type ResultLayout = 'appended' | 'population-values';
export type StatedOutcome = 'match' | 'mismatch' | 'notfound' | null;

export interface ResultRow {
  sheet: string;
  row: number;
  rowKey: string | null;
  ours: MatchValues & { oldIdNumber?: string | null };
  theirs: MatchValues;
  outcome: StatedOutcome;
  /** The free text of "Thông tin sai khác", and the fields it names (with their values when it gives them). */
  differenceText: string | null;
  namedFields: MatchField[];
}

export interface ResultReading {
  format: SpreadsheetFormat;
  layout: ResultLayout;
  /** The batch number printed in the title (or carried by the row keys), when there is one. */
  batch: string | null;
  rows: ResultRow[];
}

type ColumnRole =
  | { side: 'ours'; field: MatchField | 'oldIdNumber' | 'rowKey' }
  | { side: 'theirs'; field: MatchField }
  | { side: 'result'; field: 'outcome' | 'difference' };

const MAX_ROWS = 200_000;
const HEADER_SEARCH_ROWS = 40;
export const BATCH_PATTERN = /\b(\d{2,6}-\d{8}-\d{2})\b/;

const THEIRS_MARK = /csdlqg|csdl qg|csdl quoc gia|co so du lieu quoc gia|du lieu (quoc gia )?(ve )?dan cu|theo csdl/;

/** Which of a person's fields a header names (folded text). */
function fieldOfLabel(f: string): MatchField | 'oldIdNumber' | 'rowKey' | null {
  if (/\bma (dong|doi chieu|ban ghi|so dong|tham chieu)\b/.test(f)) return 'rowKey';
  if (/cmnd|chung minh/.test(f)) return 'oldIdNumber';
  if (/dinh danh|cccd|can cuoc|so ddcn/.test(f)) return 'idNumber';
  if (/ngay sinh|nam sinh|ngay thang nam sinh/.test(f)) return 'birth';
  if (/gioi tinh/.test(f)) return 'sex';
  if (/que quan|nguyen quan/.test(f)) return 'hometown';
  if (/thuong tru|noi o|dia chi|cu tru/.test(f)) return 'permanentAddress';
  if (/\bho\b.*\bten\b|^ten\b|ho ten/.test(f)) return 'fullName';
  return null;
}

function roleOf(label: string, group: string): ColumnRole | null {
  const f = foldVietnamese(label);
  const g = foldVietnamese(group);
  if (/ket qua/.test(f)) return { side: 'result', field: 'outcome' };
  if (/sai khac|sai lech|khong khop|noi dung (sai|khac)|thong tin khac/.test(f)) return { side: 'result', field: 'difference' };
  const field = fieldOfLabel(f);
  if (!field) return null;
  if (THEIRS_MARK.test(g) || THEIRS_MARK.test(f)) return field === 'rowKey' || field === 'oldIdNumber' ? null : { side: 'theirs', field };
  return { side: 'ours', field };
}

/**
 * The result column's words as the police write them. A negated "match" ("Không đúng", "Chưa khớp", "Không hợp lệ",
 * "Xác thực không thành công") and a partial one ("Khớp một phần") are differences, never matches.
 */
export function statedOutcome(text: string): StatedOutcome {
  const f = foldVietnamese(text);
  if (f === '') return null;
  if (/khong (co )?(thong tin|tim thay|ton tai|du lieu)|khong co trong|chua co (thong tin|du lieu|trong)|^khong co$/.test(f)) return 'notfound';
  if (/sai|lech|khac|(khong|chua) (dung|khop|trung|hop le|chinh xac|xac thuc|thanh cong)|mot phan|that bai/.test(f)) return 'mismatch';
  if (/^dang /.test(f)) return null; // "Đang xác thực": not answered yet
  if (/trung khop|khop|dung|trung|hop le|chinh xac|da xac thuc|thanh cong/.test(f)) return 'match';
  return null;
}

/** "Ngày sinh: 12/03/1950; Quê quán: …" → the fields named, with their values where given. */
export function readDifferenceText(text: string): { fields: MatchField[]; values: MatchValues } {
  const fields: MatchField[] = [];
  const values: MatchValues = {};
  // "Ngày sinh: 12/03/1950, Quê quán: …" splits before each label; "Sai ngày sinh, sai giới tính" at each comma.
  const segments = text.includes(':') ? text.split(/[;\n]|,\s*(?=[^,:]*:)/) : text.split(/[,;\n]/);
  for (const segment of segments) {
    const [label, ...rest] = segment.split(':');
    const f = foldVietnamese(label);
    const field = /cmnd/.test(f) ? null : fieldOfLabel(f.replace(/\b(sai|khac|lech|trong csdlqg|theo csdlqg)\b/g, ' ').trim());
    if (!field || field === 'rowKey' || field === 'oldIdNumber') continue;
    if (!fields.includes(field)) fields.push(field);
    const value = rest.join(':').trim();
    if (value) values[field] = normalisedValue(field, { value });
  }
  return { fields, values };
}

function cellText(cell: RawCell | undefined, encoding: ReturnType<ColumnEncodingVote['decide']>): string {
  if (!cell || isEmptyCell(cell)) return '';
  if (typeof cell.value === 'string') return cell.decoded ? cell.value.normalize('NFC').trim() : toUnicode(cell.value, cell.font, encoding);
  if (typeof cell.value === 'number') return numberAsDigits(cell.value) ?? String(cell.value);
  if (cell.value instanceof Date) return cell.value.toISOString().slice(0, 10);
  return String(cell.value);
}

function normalisedValue(field: MatchField, cell: RawCell, text = typeof cell.value === 'string' ? cell.value : ''): string | null {
  if (cell.value === null || cell.value === undefined || (typeof cell.value === 'string' && cell.value.trim() === '')) return null;
  switch (field) {
    case 'birth': return parseBirth(cell).value ?? (text || null);
    case 'sex': return parseSex(text).value ?? (text || null);
    case 'idNumber': {
      const digits = typeof cell.value === 'number' ? numberAsDigits(cell.value) : text.replace(/[\s.]/g, '');
      return digits || null;
    }
    default: return text || null;
  }
}

interface Header {
  index: number;
  /** Rows the header takes (1 or 2). */
  rows: number;
  roles: Map<number, ColumnRole>;
  layout: ResultLayout;
}

function findHeader(texts: string[][]): Header | null {
  for (let i = 0; i < Math.min(texts.length, HEADER_SEARCH_ROWS); i++) {
    for (const twoRows of [true, false]) {
      const top = texts[i] ?? [];
      const sub = twoRows ? texts[i + 1] ?? [] : [];
      // A two-row header has a group label ("Thông tin trong CSDLQG về dân cư") over labels in the row below.
      if (twoRows && !top.some((t, c) => t && sub[c] && (THEIRS_MARK.test(foldVietnamese(t)) || /^thong tin/.test(foldVietnamese(t))))) continue;
      const roles = new Map<number, ColumnRole>();
      let group = '';
      const width = Math.max(top.length, sub.length);
      for (let c = 0; c < width; c++) {
        const t = top[c] ?? '';
        const s = sub[c] ?? '';
        let role: ColumnRole | null;
        if (t && s) { group = t; role = roleOf(s, group); }
        else if (t) { group = ''; role = roleOf(t, ''); }
        else if (s) role = roleOf(s, group);
        else role = null;
        if (role) roles.set(c, role);
      }
      const has = (side: string, field?: string) => [...roles.values()].some((r) => r.side === side && (!field || r.field === field));
      if (!has('ours', 'fullName') && !has('theirs', 'fullName')) continue;
      const layout: ResultLayout | null = has('theirs') ? 'population-values' : has('result', 'outcome') ? 'appended' : null;
      if (!layout) continue;
      // A two-row reading must use its second row; otherwise the one-row reading is the header.
      if (twoRows && !sub.some((s, c) => s && roles.has(c))) continue;
      return { index: i, rows: twoRows ? 2 : 1, roles, layout };
    }
  }
  return null;
}

/** Reads every sheet that has a results header; throws AppError when none has. */
export async function readPoliceResults(filePath: string): Promise<ResultReading> {
  const format = await sniffFormat(filePath);
  const out: ResultRow[] = [];
  let layout: ResultLayout | null = null;
  let batch: string | null = null;
  let total = 0;
  for await (const sheet of rawSheets(filePath, format)) {
    const rows: { rowNumber: number; cells: (RawCell | undefined)[] }[] = [];
    for await (const row of sheet.rows) {
      if (++total > MAX_ROWS) throw new AppError('match-results-too-large', `Tệp kết quả có hơn ${MAX_ROWS.toLocaleString('vi-VN')} dòng; hãy tách tệp.`, 'The results file is too large.');
      rows.push(row);
    }
    // Legacy encodings are decided per column, from fonts and characters (as the import does).
    const votes: ColumnEncodingVote[] = [];
    for (const r of rows) r.cells.forEach((cell, c) => {
      if (cell && typeof cell.value === 'string' && !cell.decoded) (votes[c] ??= new ColumnEncodingVote()).add(cell.value, cell.font);
    });
    const encodings = votes.map((v) => v?.decide() ?? 'unicode');
    const texts = rows.map((r) => r.cells.map((cell, c) => cellText(cell, encodings[c] ?? 'unicode')));
    const header = findHeader(texts);
    if (!header) continue;
    if (layout && layout !== header.layout) {
      throw new AppError('match-results-mixed', 'Tệp có các trang kết quả theo hai mẫu khác nhau; hãy tách thành hai tệp.', 'Sheets in two different layouts.');
    }
    layout = header.layout;
    const title = texts.slice(0, header.index).flat().join(' ');
    batch ??= BATCH_PATTERN.exec(title)?.[1] ?? null;
    for (let i = header.index + header.rows; i < rows.length; i++) {
      const r = readRow(sheet.name, rows[i].rowNumber, rows[i].cells, texts[i], header);
      if (r) out.push(r);
    }
  }
  if (!layout) {
    throw new AppError('match-results-unrecognised',
      'Không nhận ra tệp kết quả đối chiếu: cần cột "Họ và tên" và cột "Kết quả đối chiếu" hoặc nhóm cột "Thông tin trong CSDLQG về dân cư".',
      'Not a matching results workbook: no name column with a results column or the population database\'s values.');
  }
  batch ??= batchOfRowKeys(out);
  return { format, layout, batch, rows: out };
}

function batchOfRowKeys(rows: ResultRow[]): string | null {
  for (const r of rows) {
    const m = r.rowKey ? /^(.*)-\d{4}$/.exec(r.rowKey) : null;
    if (m && BATCH_PATTERN.test(m[1])) return m[1];
  }
  return null;
}

function readRow(sheet: string, rowNumber: number, cells: (RawCell | undefined)[], texts: string[], header: Header): ResultRow | null {
  const r: ResultRow = { sheet, row: rowNumber, rowKey: null, ours: {}, theirs: {}, outcome: null, differenceText: null, namedFields: [] };
  let any = false;
  for (const [c, role] of header.roles) {
    const text = texts[c] ?? '';
    if (!text) continue;
    const cell: RawCell = { ...(cells[c] ?? { value: null }), value: typeof cells[c]?.value === 'string' ? text : cells[c]?.value ?? null };
    if (role.side === 'result') {
      if (role.field === 'outcome') r.outcome = statedOutcome(text);
      else r.differenceText = text;
      continue;
    }
    if (role.field === 'rowKey') { r.rowKey = text.trim(); continue; }
    if (role.field === 'oldIdNumber') { r.ours.oldIdNumber = text.replace(/\D/g, '') || null; continue; }
    const value = normalisedValue(role.field, cell, text);
    if (role.side === 'ours') { r.ours[role.field] = value; any = true; }
    else r.theirs[role.field] = value;
  }
  // Totals and signature lines ("Cộng: 120 người") have no name; a row with no name of ours and none of theirs is skipped.
  // The row of column numbers and the signature block are no people: a person has a name with letters and
  // something more to tie them by (a row key, an ID, a birth).
  const name = r.ours.fullName ?? r.theirs.fullName;
  if (!any && !r.theirs.fullName) return null;
  if (!name || !/\p{L}/u.test(name)) return null;
  if (!r.rowKey && !r.ours.idNumber && !r.ours.oldIdNumber && !r.ours.birth && !r.theirs.idNumber && !r.theirs.birth) return null;
  if (r.differenceText) {
    const named = readDifferenceText(r.differenceText);
    r.namedFields = named.fields;
    for (const [f, v] of Object.entries(named.values) as [MatchField, string | null][]) if (r.theirs[f] == null) r.theirs[f] = v;
  }
  return r;
}
