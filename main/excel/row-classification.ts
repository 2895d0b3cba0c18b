import { foldVietnamese } from '../../shared/text/fold';
import { villageOfSection } from './village-from-address';

// What a row of a government-format list is. Only `data` rows become records.
export type RowKind = 'title' | 'header' | 'column-numbers' | 'section' | 'totals' | 'signature' | 'blank' | 'data';

/** "(1) (2) (3)…" or 1 2 3… under the header: at least three small increasing numbers and nothing else. */
export function isColumnNumberRow(texts: string[]): boolean {
  const filled = texts.map((t) => t.trim()).filter(Boolean);
  if (filled.length < 3) return false;
  let last = -Infinity;
  for (const t of filled) {
    const m = /^\(?\s*(\d{1,3})\s*\)?$/.exec(t) ?? /^\(?\s*([A-Z])\s*\)?$/.exec(t);
    if (!m) return false;
    const n = /\d/.test(m[1]) ? Number(m[1]) : m[1].charCodeAt(0) - 64;
    if (n <= last) return false;
    last = n;
  }
  return true;
}

/** "Tổng cộng", "Cộng: 52 đối tượng", "Tổng số: …" (with their tones: "Công" is a given name). */
export function isTotalsText(text: string): boolean {
  return /^(tổng cộng|tổng số|tổng|cộng)(\s|:|$)/u.test(text.trim().normalize('NFC').toLocaleLowerCase('vi'));
}

const SIGNATURE = /nguoi lap|lap bieu|ke toan|thu truong|chu tich|(^| )tm( |$)|uy ban nhan dan|xac nhan|giam doc|truong phong|can bo|ky ten|ky ghi ro|ngay \S* ?thang \S* ?nam|^ngay +thang +nam/;

/** "Người lập biểu", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "An Lão, ngày … tháng … năm …". */
export function isSignatureText(text: string): boolean {
  return SIGNATURE.test(foldVietnamese(text));
}

const VILLAGE_WORDS = /^(thon|xom|ap|ban|lang|khom|buon|to dan pho|tdp|khu pho|khu|to|doi|cum)( |$)/;
const NUMBERING = /^(([ivxlc]+|[a-z]|\d{1,2})[.):\-]?)\s+/i;

/** "I. Thôn Đông" → "Thôn Đông"; "I" + "Thôn Đông" in two cells gives the same. */
export function sectionTitle(texts: string[]): string | null {
  const filled = texts.map((t) => t.trim()).filter(Boolean);
  if (filled.length === 0 || filled.length > 2) return null;
  let joined = filled.join(' ');
  if (filled.length === 2 && !/^([ivxlc]+|[a-z]|\d{1,2})[.):\-]?$/i.test(filled[0])) return null;
  joined = joined.replace(NUMBERING, '').trim();
  return joined || null;
}

/** A section names a village when it starts with thôn, xóm, ấp, bản, tổ dân phố…; otherwise a group. */
export function sectionVillage(title: string): string | null {
  return villageOfSection(title) ?? (VILLAGE_WORDS.test(foldVietnamese(title)) ? title : null);
}

export function hasNumbering(text: string): boolean {
  return /^([ivxlc]+|[a-z]|\d{1,2})[.):\-]?(\s|$)/i.test(text.trim());
}
