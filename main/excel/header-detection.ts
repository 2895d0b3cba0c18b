import { foldVietnamese } from '../../shared/text/fold';
import type { ColumnField } from './canonical-record';

// Headers are found, not assumed: offices word them differently and put columns in any order.
// Rules are tried in order on the folded text (no tones, đ→d, lowercase); the first that matches wins.
const HEADER_RULES: readonly [ColumnField | 'ignored', RegExp][] = [
  ['rowNumber', /^(stt|so tt|tt|so thu tu|thu tu)$/],
  ['ignored', /ngay cap|noi cap|ngay het han|chu tai khoan|nguoi nhan thay|nguoi giam ho|uy quyen|chu ho|quan he/],
  ['fullName', /^ho (va |chu dem va )?ten|^ho chu dem|^ten doi tuong|^ho ten|^ten nguoi/],
  // "Số CMND cũ": a column of its own for the old 9-digit ID, next to the CCCD column.
  ['oldIdNumber', /(cmnd|chung minh( nhan dan)?|so cm) cu( |$)/],
  ['idNumber', /cccd|cmnd|can cuoc|dinh danh|chung minh|so cc\b|so cm\b/],
  ['birth', /(ngay|nam) (thang )?(nam )?sinh|^sinh ngay|^nam sinh|^ngay sinh|^ngay thang nam sinh|^sinh nam/],
  ['sex', /^gioi( tinh)?( nam nu)?$|^nam nu$|^gioi tinh/],
  ['accountNumber', /(^| )stk( |$)|so tk|so tai khoan|tai khoan so|^tai khoan( ngan hang)?$|^tk( ngan hang)?$/],
  ['bankName', /ngan hang|noi mo (tai khoan|tk)|mo tai/],
  ['hometown', /que quan|nguyen quan/],
  ['permanentAddress', /dia chi|thuong tru|noi o|cho o|cu tru/],
  ['village', /^(thon|xom|ap|ban|lang|khom|buon|to dan pho|tdp|khu pho|to)( |$)/],
  ['monthlyAmount', /so tien|muc (tro cap|huong|chi)|tro cap|thanh tien|tien huong|muc hang thang/],
  ['categoryLabel', /doi tuong|dien (huong|doi tuong|chinh sach)|loai|nhom|che do/],
  ['note', /ghi chu/],
];

export function fieldOfHeader(text: string): ColumnField | 'ignored' | null {
  const folded = foldVietnamese(text);
  if (!folded) return null;
  for (const [field, pattern] of HEADER_RULES) if (pattern.test(folded)) return field;
  return null;
}

export function isMaleLabel(text: string): boolean {
  return /^nam$/.test(foldVietnamese(text));
}

export function isFemaleLabel(text: string): boolean {
  return /^nu$/.test(foldVietnamese(text));
}

export type ColumnMapping = Partial<Record<ColumnField, number>>;

export interface HeaderDetection {
  mapping: ColumnMapping;
  /** Rows (0-based positions in the candidate rows) used by the header: one, or two with a sub-header row. */
  headerRows: number;
  /** Header texts per column, folded, top and sub joined by ">": the layout's fingerprint. */
  signature: string[];
}

/**
 * Cheap necessary condition for a name header ("Họ và tên", "Tên đối tượng"…): its folded text starts with
 * "ho" or "ten". Lets a data row skip folding every cell to check whether it repeats the header.
 */
export function mayBeNameHeader(text: string): boolean {
  const m = /^[^\p{L}\p{N}]*([hHtT])/u.exec(text);
  if (!m) return false;
  const head = foldVietnamese(text.slice(0, m.index + m[0].length + 6));
  return /^(ho|ten)( |$)/.test(head);
}

/** A row is a header when it names the person and at least two other kinds of column. */
export function mapHeaderRow(texts: string[]): ColumnMapping | null {
  const mapping: ColumnMapping = {};
  for (let c = 0; c < texts.length; c++) {
    const f = fieldOfHeader(texts[c] ?? '');
    if (f && f !== 'ignored' && mapping[f] === undefined) mapping[f] = c;
  }
  const kinds = Object.keys(mapping).filter((k) => k !== 'rowNumber').length;
  return mapping.fullName !== undefined && kinds >= 3 ? mapping : null;
}

/**
 * Detects a header at `top` (texts of that row) with an optional sub-header row `sub` below it
 * ("Năm sinh" merged over "Nam" | "Nữ", "Tài khoản" over "Số TK" | "Ngân hàng").
 */
export function detectHeader(top: string[], sub: string[] | null): HeaderDetection | null {
  const single = mapHeaderRow(top);
  if (!single) return null;
  if (!sub || !isSubHeader(top, sub, single)) {
    return { mapping: single, headerRows: 1, signature: top.map((t) => foldVietnamese(t ?? '')) };
  }
  const width = Math.max(top.length, sub.length);
  const mapping: ColumnMapping = {};
  const signature: string[] = [];
  let parent = '';
  for (let c = 0; c < width; c++) {
    const own = (top[c] ?? '').trim();
    const child = (sub[c] ?? '').trim();
    // A merged parent header shows only in its first column: carry it right while children continue.
    if (own) parent = own;
    else if (!child) parent = '';
    const upper = own || parent;
    signature.push(`${foldVietnamese(upper)}>${foldVietnamese(child)}`);
    const upperField = fieldOfHeader(upper);
    let field: ColumnField | 'ignored' | null = null;
    if (child && (isMaleLabel(child) || isFemaleLabel(child))) {
      if (upperField === 'birth') field = isMaleLabel(child) ? 'birthMale' : 'birthFemale';
      else if (upperField === 'sex') field = isMaleLabel(child) ? 'sexMale' : 'sexFemale';
    } else if (child) {
      field = fieldOfHeader(child) ?? fieldOfHeader(`${upper} ${child}`) ?? upperField;
    } else {
      field = upperField;
    }
    if (field && field !== 'ignored' && mapping[field] === undefined) mapping[field] = c;
  }
  return { mapping, headerRows: 2, signature };
}

function isSubHeader(top: string[], sub: string[], mapping: ColumnMapping): boolean {
  const nonEmpty = sub.map((t, c) => [t?.trim() ?? '', c] as const).filter(([t]) => t !== '');
  if (nonEmpty.length === 0) return false;
  // Under the (vertically merged) name header a sub-header row is empty; a data row has the name there.
  if (mapping.fullName !== undefined && (sub[mapping.fullName] ?? '').trim() !== '') return false;
  if (nonEmpty.every(([t]) => /^\(?\s*\d{1,3}\s*\)?$/.test(t))) return false;
  return nonEmpty.every(([t, c]) => isMaleLabel(t) || isFemaleLabel(t) || fieldOfHeader(t) !== null || !(top[c] ?? '').trim());
}

/** FNV-1a over the signature: a short, stable name for a layout, used to remember a corrected mapping. */
export function layoutId(signature: string[]): string {
  let h = 0x811c9dc5;
  const text = signature.join('|').replace(/\|+$/, '');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `L${h.toString(16).padStart(8, '0')}`;
}
