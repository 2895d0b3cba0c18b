// A payer's result file (bank, post office, treasury), read as rows of cells: where its header is, which
// period and commune it says it is for, and what each row reports.

import { foldVietnamese } from '../text/fold';

export type PayerOutcome = 'paid' | 'failed' | 'returned';

export interface PayerRow {
  /** 1-based row number in the sheet, for messages. */
  row: number;
  key: string | null;
  accountNumber: string | null;
  amount: number | null;
  outcome: PayerOutcome | null;
  /** The result as the payer wrote it (for the message when it is not understood). */
  outcomeText: string;
  reason: string | null;
}

export interface PayerFile {
  /** `YYYY-MM` when the file names its period (a "Kỳ" column or a "tháng 12/2026" line above the header). */
  periods: string[];
  communeCodes: string[];
  rows: PayerRow[];
}

// Each payer names its columns its own way (a bank's batch-transfer result, the post office's cash list, the
// treasury's): the headings below are matched folded, from their start, so "Số tiền (VNĐ)" or "Trạng thái GD" count.
const COLUMNS: [keyof Omit<PayerRow, 'row' | 'outcomeText'> | 'period' | 'commune', RegExp][] = [
  ['key', /^(ma giao dich|ma gd|ma dong|ma chi tra|ma tham chieu|so tham chieu|so ref|ref|transaction id|reference|key)( |$)/],
  ['accountNumber', /^(so tai khoan|so tk|stk|tai khoan|tk (nguoi )?(nhan|huong|thu huong)|account( number| no)?)( |$)/],
  ['amount', /^(so tien|thanh tien|so tien da chi|so tien thuc chi|amount)( |$)/],
  ['outcome', /^(ket qua|trang thai|tinh trang|status|result)( |$)/],
  ['reason', /^(ly do|ghi chu|mo ta|noi dung loi|dien giai|reason|note|error|description)( |$)/],
  ['period', /^(ky|ky chi tra|period)$/],
  ['commune', /^(ma xa|commune code)$/],
];

/** What a payer's result text means: "Thành công", "TC", "Đã hạch toán", "Thất bại", "KTC", "Hoàn trả", "Chưa chi"… */
export function outcomeOf(text: string): PayerOutcome | null {
  const t = foldVietnamese(text);
  if (t === '') return null;
  if (/(tra lai|hoan tra|da hoan|thoai hoan|chuyen tra|returned|refund|bi tra)/.test(t)) return 'returned';
  if (/(that bai|khong thanh cong|(^| )(ktc|loi|huy|da huy|fail|failed|error|rejected)( |$)|tu choi|khong hop le|chua chi|khong chi duoc|khong nhan)/.test(t)) return 'failed';
  if (/^(thanh cong|tc|da chi|da chi tra|da chuyen|da tra|da nhan|da hach toan|hach toan thanh cong|da ghi co|ghi co thanh cong|hoan thanh|paid|success|successful|completed|ok)$/.test(t)) return 'paid';
  return null;
}

function periodIn(text: string): string | null {
  const m = /(\d{4})-(0[1-9]|1[0-2])\b/.exec(text) ?? /\b(0?[1-9]|1[0-2])\s*\/\s*(\d{4})\b/.exec(text);
  if (!m) return null;
  return m[1].length === 4 ? `${m[1]}-${m[2]}` : `${m[2]}-${m[1].padStart(2, '0')}`;
}

/**
 * An amount as payers write it: 1250000, "1.250.000", "1,250,000", "1 250 000 đ", "1.250.000,00" or "1,250,000.00"
 * (VND has no cents: a zero decimal part is dropped; any other is no amount we sent).
 */
export function amountOf(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return Math.round(v);
  if (typeof v !== 'string') return null;
  let t = v.replace(/[\s\u00a0₫]|VNĐ|VND|đồng|đ$/gi, '');
  const cents = /^(-?[\d.,]*\d)[.,](\d{1,2})$/.exec(t);
  if (cents && !/^\d{3}$/.test(cents[2])) {
    if (Number(cents[2]) !== 0) return null;
    t = cents[1];
  }
  if (!/^-?\d{1,3}([.,]\d{3})*$|^-?\d+$/.test(t)) return null;
  return Number(t.replace(/[.,]/g, ''));
}

const hasDigit = (t: string | null) => t !== null && /\d/.test(t);

const textOf = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

/** Reads the header and the rows; a file without a header naming the key or the account and the result is not a result file. */
export function readPayerFile(cells: unknown[][]): PayerFile | null {
  const headerAt = cells.findIndex((r) => {
    const names = r.map((c) => foldVietnamese(textOf(c)));
    return names.some((n) => COLUMNS[1][1].test(n) || COLUMNS[0][1].test(n)) && names.some((n) => COLUMNS[3][1].test(n));
  });
  if (headerAt < 0) return null;
  const index = new Map<string, number>();
  cells[headerAt].forEach((c, i) => {
    const name = foldVietnamese(textOf(c));
    for (const [field, re] of COLUMNS) if (re.test(name) && !index.has(field)) index.set(field, i);
  });
  const periods = new Set<string>();
  const communes = new Set<string>();
  for (const r of cells.slice(0, headerAt)) {
    for (const c of r) {
      const t = textOf(c);
      const p = /thang|ky/.test(foldVietnamese(t)) ? periodIn(t) : null;
      if (p) periods.add(p);
      // Our banner's "Mã xã: 13558", or "Mã phường", "Mã đặc khu", "Mã ĐVHC", as a payer may write it back.
      const code = /\bma (xa|phuong|dac khu|thi tran|dvhc|don vi hanh chinh)\s*:?\s*(\d{5})\b/.exec(foldVietnamese(t));
      if (code) communes.add(code[2]);
    }
  }
  const get = (r: unknown[], f: string) => (index.has(f) ? r[index.get(f)!] : undefined);
  const rows: PayerRow[] = [];
  cells.slice(headerAt + 1).forEach((r, i) => {
    if (!r || r.every((c) => textOf(c) === '')) return;
    const key = textOf(get(r, 'key')) || null;
    const account = textOf(get(r, 'accountNumber')).replace(/[\s.\-]/g, '') || null;
    if (!hasDigit(key) && !hasDigit(account)) return; // "Tổng cộng", subtotal or signature lines
    const p = textOf(get(r, 'period'));
    if (p) {
      const parsed = periodIn(p);
      if (parsed) periods.add(parsed);
    }
    const commune = textOf(get(r, 'commune'));
    if (commune) communes.add(commune);
    rows.push({ row: headerAt + 2 + i, key, accountNumber: account, amount: amountOf(get(r, 'amount')), outcome: outcomeOf(textOf(get(r, 'outcome'))),
      outcomeText: textOf(get(r, 'outcome')), reason: textOf(get(r, 'reason')) || null });
  });
  return { periods: [...periods], communeCodes: [...communes], rows };
}
