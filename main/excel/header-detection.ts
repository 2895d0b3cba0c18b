import { foldVietnamese } from '../../shared/text/fold';
import type { ColumnField } from './canonical-record';

/** A heading that names the account as a mobile-money subscription or a wallet (its words folded). */
export const WALLET_ACCOUNT = /(^| )(so thue bao|thue bao|so tai khoan|tai khoan|so tk|tk|so dien thoai|dien thoai|so dt|sdt|so vi|vi) (mobile money|mm|vi dien tu|momo|viettel money|vnpt money|mobifone money)( |$)|^so vi( dien tu)?$|^vi dien tu$/;

// Headers are found, not assumed: offices word them differently, abbreviate them ("ĐKTT", "S.T.K", "NS") and put
// columns in any order. Rules are tried in order on the header's key (see `headerKey`); the first that matches wins.
const HEADER_RULES: readonly [ColumnField | 'ignored', RegExp][] = [
  ['rowNumber', /^(stt|so tt|tt|so thu tu|thu tu)$/],
  // The account of a list paid through mobile money or a wallet, under its own heading (before "Số điện thoại" is
  // ignored): "Số thuê bao Mobile Money", "Số điện thoại (Mobile Money)", "Số ví MoMo", "Ví điện tử".
  ['accountNumber', WALLET_ACCOUNT],
  ['ignored', /ngay cap|noi cap|ngay het han|chu tai khoan|chu tk|ten tk|nguoi nhan thay|nguoi giam ho|uy quyen|chu ho|quan he|ma ngan hang|ma nh( |$)|so dien thoai|sdt|dien thoai|ky nhan|ma so bhxh|ma bhxh|so so bhxh|ngay huong|thoi diem huong|^ma (so )?doi tuong|^ma dt$|^(ma|so) ho so/],
  ['fullName', /^ho (va |chu dem va )?ten|^ho chu dem|^ten doi tuong|^ho ten|^ten nguoi|^ten$|^ho va ten$/],
  // "Số CMND cũ": a column of its own for the old 9-digit ID, next to the CCCD column.
  ['oldIdNumber', /(cmnd|chung minh( nhan dan)?|so cm) cu( |$)|cmnd 9 so/],
  ['idNumber', /cccd|cmnd|can cuoc|dinh danh|ddcn|chung minh|so cc\b|so cm\b|^cc$|^cm$|^so id$|^ma dd|giay to tuy than|^so gttt$/],
  ['birth', /(ngay|nam) (thang )?(nam )?sinh|^sinh ngay|^nam sinh|^ngay sinh|^ngay thang nam sinh|^sinh nam|^ns$|^ntns$|^n sinh$|^nam sinh|^sinh$/],
  ['sex', /^gioi( tinh)?( nam nu)?$|^nam nu$|^gioi tinh|^gt$|^nam hoac nu$/],
  // Before the account rule: "Nơi mở TK" names the bank, not the number.
  ['bankName', /^(ten )?(ngan hang|nh)( |$)(?!.*so tk)|noi mo|mo tai|ngan hang mo|ngan hang noi|^chi nhanh|^tai ngan hang/],
  ['accountNumber', /(^| )(stk|so tk|tk)( |$)|so tai khoan|tai khoan so|^tai khoan( |$)/],
  ['bankName', /ngan hang/],
  ['hometown', /que quan|nguyen quan/],
  // Before the address rule: "Thôn, xóm nơi cư trú" is the village.
  ['village', /^(thon|xom|ap|ban|lang|khom|buon|to dan pho|tdp|khu pho|kp|to|khu|cum|thon xom|thon to)( |$)|^dia ban( thon)?$/],
  ['permanentAddress', /dia chi|thuong tru|noi o|cho o|cu tru|(^| )(dktt|hktt|dkhktt|dctt)( |$)|^ho khau/],
  ['ethnicity', /^dan toc/],
  ['monthlyAmount', /so tien|muc (tro cap|huong|chi|tc|tcxh|tc hang thang)|tro cap|thanh tien|tien huong|muc hang thang|^muc$|^kinh phi|^tien tro cap/],
  ['categoryLabel', /doi tuong|dien (huong|doi tuong|chinh sach)|^dien$|loai|nhom|che do/],
  ['note', /ghi chu/],
];

/**
 * The text a header is matched on: folded (no tones, đ→d, lowercase, punctuation as spaces), then runs of
 * single letters joined back into the abbreviation they spell ("Đ.K.T.T" → "dktt", "Số T.K" → "so tk").
 */
export function headerKey(text: string): string {
  const words = foldVietnamese(text).split(' ').filter(Boolean);
  const out: string[] = [];
  let run = '';
  for (const w of words) {
    if (w.length === 1 && /\p{L}/u.test(w)) { run += w; continue; }
    if (run) { out.push(run); run = ''; }
    out.push(w);
  }
  if (run) out.push(run);
  return out.join(' ');
}

export function fieldOfHeader(text: string): ColumnField | 'ignored' | null {
  const key = headerKey(text);
  if (!key) return null;
  for (const [field, pattern] of HEADER_RULES) if (pattern.test(key)) return field;
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
  /** Each column's title as the file writes it ("Năm sinh › Nam" under a merged header), for the clerk to see. */
  titles: string[];
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

/** One header cell's field; "Nam" and "Nữ" on their own are the columns that mark the sex. */
function fieldOfTitle(text: string): ColumnField | 'ignored' | null {
  if (isMaleLabel(text)) return 'sexMale';
  if (isFemaleLabel(text)) return 'sexFemale';
  return fieldOfHeader(text);
}

// Lists that split the name write the family and middle names in one column and the given name in the next, or
// each part in its own ("Họ" | "Chữ đệm" | "Tên"; "tên lót" in the south); some split the birth date into day,
// month and year columns.
const FAMILY_PART = /^ho( va)?( (chu|ten))? dem$|^ho$|^ho chu dem$|^ho va chu dem$/;
const MIDDLE_PART = /^((chu|ten) )?(dem|lot)$/;
const GIVEN_NAME = /^ten( goi)?$/;
const BIRTH_PART: Record<string, 'birthDay' | 'birthMonth' | 'birthYear'> = {
  ngay: 'birthDay', thang: 'birthMonth', nam: 'birthYear', 'ngay sinh': 'birthDay', 'thang sinh': 'birthMonth', 'nam sinh': 'birthYear',
};

/**
 * "Họ đệm" | "Tên" side by side: the first is the family part of the name, the second the given name; a "Chữ đệm"
 * between a "Họ" and a "Tên" is the middle name.
 */
function splitName(keys: readonly string[], mapping: ColumnMapping): void {
  const family = keys.findIndex((k) => FAMILY_PART.test(k));
  const given = keys.findIndex((k, c) => c > family && GIVEN_NAME.test(k));
  if (family < 0 || given < 0) return;
  mapping.fullName = family;
  mapping.givenName = given;
  const middle = keys.findIndex((k, c) => c > family && c < given && MIDDLE_PART.test(k));
  if (middle >= 0) mapping.middleName = middle;
}

/** "Ngày sinh" | "Tháng sinh" | "Năm sinh" (or "Ngày" | "Tháng" | "Năm" under "Ngày sinh"): a month column says the split. */
function splitBirth(keys: readonly (string | null)[], mapping: ColumnMapping): void {
  const month = keys.findIndex((k) => k !== null && BIRTH_PART[k] === 'birthMonth');
  if (month < 0) return;
  // The day just before the month, the year just after (never a "Năm sinh" far off in another group).
  const part = (c: number, want: string) => (keys[c] != null && BIRTH_PART[keys[c]!] === want ? c : undefined);
  const day = part(month - 1, 'birthDay');
  const year = part(month + 1, 'birthYear');
  if (year === undefined) return;
  for (const f of ['birth', 'birthMale', 'birthFemale', 'sexMale'] as const) {
    if (mapping[f] !== undefined && [day, month, year].includes(mapping[f])) delete mapping[f];
  }
  mapping.birthMonth = month;
  mapping.birthYear = year;
  if (day !== undefined) mapping.birthDay = day;
}

const YEAR_HEADING = /^(nam sinh|sinh nam)$/;

/**
 * "Ngày sinh" beside "Năm sinh": lists fill the date where they know it and the year always; the year column is the
 * birth of a row whose date is empty.
 */
function yearBesideDate(keys: readonly string[], mapping: ColumnMapping): void {
  if (mapping.birth === undefined || mapping.birthYear !== undefined || mapping.birthMonth !== undefined) return;
  if (YEAR_HEADING.test(keys[mapping.birth] ?? '')) return;
  const year = keys.findIndex((k, c) => c !== mapping.birth && YEAR_HEADING.test(k));
  if (year >= 0) mapping.birthYear = year;
}

/** A row is a header when it names the person and at least two other kinds of column. */
export function mapHeaderRow(texts: string[]): ColumnMapping | null {
  const mapping: ColumnMapping = {};
  for (let c = 0; c < texts.length; c++) {
    const f = fieldOfTitle(texts[c] ?? '');
    if (f && f !== 'ignored' && mapping[f] === undefined) mapping[f] = c;
  }
  const keys = Array.from(texts, (t) => headerKey(t ?? ''));
  splitName(keys, mapping);
  splitBirth(keys, mapping);
  yearBesideDate(keys, mapping);
  const kinds = Object.keys(mapping).filter((k) => k !== 'rowNumber').length;
  return mapping.fullName !== undefined && kinds >= 3 ? mapping : null;
}

/** The title of each column of a two-row header: the merged parent carried over the columns under it. */
function parentsOf(top: string[], sub: string[]): string[] {
  const width = Math.max(top.length, sub.length);
  const parents: string[] = [];
  let parent = '';
  for (let c = 0; c < width; c++) {
    const own = (top[c] ?? '').trim();
    const child = (sub[c] ?? '').trim();
    // A merged parent header shows only in its first column: carry it right while children continue.
    if (own) parent = own;
    else if (!child) parent = '';
    parents.push(own || parent);
  }
  return parents;
}

/**
 * Detects a header at `top` (texts of that row) with an optional sub-header row `sub` below it
 * ("Năm sinh" merged over "Nam" | "Nữ", "Tài khoản" over "Số TK" | "Ngân hàng", "CCCD" over "Số" | "Ngày cấp").
 */
export function detectHeader(top: string[], sub: string[] | null): HeaderDetection | null {
  const single = mapHeaderRow(top);
  if (!single) return null;
  if (!sub || !isSubHeader(top, sub, single)) {
    // Array.from: a row read from a sheet may have holes where cells are missing.
    return { mapping: single, headerRows: 1, signature: Array.from(top, (t) => foldVietnamese(t ?? '')), titles: Array.from(top, (t) => (t ?? '').trim().replace(/\s+/g, ' ')) };
  }
  const parents = parentsOf(top, sub);
  const mapping: ColumnMapping = {};
  const signature: string[] = [];
  const titles: string[] = [];
  for (let c = 0; c < parents.length; c++) {
    const upper = parents[c];
    const child = (sub[c] ?? '').trim();
    signature.push(`${foldVietnamese(upper)}>${foldVietnamese(child)}`);
    titles.push([upper, child].filter(Boolean).join(' › ').replace(/\s+/g, ' '));
    const upperField = fieldOfHeader(upper);
    let field: ColumnField | 'ignored' | null = null;
    if (child && (isMaleLabel(child) || isFemaleLabel(child))) {
      if (upperField === 'birth') field = isMaleLabel(child) ? 'birthMale' : 'birthFemale';
      else field = isMaleLabel(child) ? 'sexMale' : 'sexFemale';
    } else if (child) {
      const own = fieldOfHeader(child);
      field = upperField === 'ignored' ? 'ignored' : own ?? fieldOfHeader(`${upper} ${child}`) ?? upperField;
    } else {
      field = upperField;
    }
    if (field && field !== 'ignored' && mapping[field] === undefined) mapping[field] = c;
  }
  // Children of the name and of the birth date: "Họ đệm" | "Tên", "Ngày" | "Tháng" | "Năm".
  const childKeys = parents.map((p, c) => {
    const child = headerKey(sub[c] ?? '');
    const under = fieldOfHeader(p);
    return (under === 'fullName' || under === 'birth') && child ? child : null;
  });
  splitName(childKeys.map((k) => k ?? ''), mapping);
  // Or "Họ và tên đệm" | "Tên" in the top row itself (each merged down), the sub-header row being for other columns.
  const topOnlyKeys = parents.map((p, c) => ((sub[c] ?? '').trim() ? '' : headerKey(p)));
  if (mapping.givenName === undefined) splitName(topOnlyKeys, mapping);
  splitBirth(childKeys, mapping);
  yearBesideDate(topOnlyKeys, mapping);
  return { mapping, headerRows: 2, signature, titles };
}

function isSubHeader(top: string[], sub: string[], mapping: ColumnMapping): boolean {
  const nonEmpty = sub.map((t, c) => [t?.trim() ?? '', c] as const).filter(([t]) => t !== '');
  if (nonEmpty.length === 0) return false;
  // Under the (vertically merged) name header a sub-header row is empty, or splits the name ("Họ đệm" | "Tên");
  // a data row has the name there.
  const underName = headerKey(sub[mapping.fullName ?? -1] ?? '');
  if (mapping.fullName !== undefined && underName !== '' && !FAMILY_PART.test(underName) && !GIVEN_NAME.test(underName)) return false;
  if (nonEmpty.every(([t]) => /^\(?\s*\d{1,3}\s*\)?$/.test(t))) return false;
  const parents = parentsOf(top, sub);
  return nonEmpty.every(([t, c]) => isMaleLabel(t) || isFemaleLabel(t) || fieldOfHeader(t) !== null
    || !(top[c] ?? '').trim() || /^(so|ma|ten|noi|ngay|nam|thang|muc)$/.test(headerKey(t)) || fieldOfHeader(`${parents[c]} ${t}`) !== null);
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
