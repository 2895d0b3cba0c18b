import { withoutDiacritics } from '../../../shared/text/fold';
// A roster export as one table, whatever file it becomes (Excel or PDF): title, columns, sections with their
// subtotals, the grand total, the total in words, the signature block.

import { formatVnd } from '../../../shared/format/money';
import { amountInWords } from '../../../shared/payout/amount-in-words';
import { formatPeriod } from '../../../shared/payout/periods';
import type { RosterChannel } from '../../../shared/payout/roster-line';
import type { LineRow } from '../payout-queries';

export type ExportKind = 'bank' | 'post-office' | 'printable';

export interface TableColumn {
  header: string;
  /** Excel width (characters); the PDF shares the page in proportion. */
  width: number;
  kind: 'text' | 'digits' | 'amount' | 'number';
  align?: 'left' | 'center' | 'right';
}

export type TableCell = string | number | null;

export interface TableSection {
  title: string;
  rows: TableCell[][];
  amount: number;
}

export interface RosterTable {
  sheetName: string;
  title: string;
  subtitles: string[];
  columns: TableColumn[];
  /** Index of the amount column (subtotals go there). */
  amountColumn: number;
  sections: TableSection[];
  count: number;
  amount: number;
  amountInWords: string;
}

const CHANNEL_LABELS: Record<RosterChannel, string> = {
  'own-account': 'Chuyển khoản',
  'authorised-account': 'Chuyển khoản (người được ủy quyền)',
  'post-office': 'Bưu điện',
  cash: 'Tiền mặt tại xã',
};

export const REGIME_SHORT: Record<string, string> = {
  'btxh-monthly': 'TCXH hằng tháng',
  'btxh-care': 'Hỗ trợ chăm sóc',
  'btxh-funeral': 'Mai táng phí',
  'social-pension': 'Hưu trí xã hội',
  'social-pension-funeral': 'Mai táng (HTXH)',
  'ncc-monthly': 'Ưu đãi NCC',
  'tncc-monthly': 'Thân nhân NCC',
};

/** The lines that are paid: not held back, with money to pay. */
export const payable = (l: LineRow) => l.held === 0 && l.amount > 0;

function group(lines: LineRow[], by: (l: LineRow) => string): Map<string, LineRow[]> {
  const out = new Map<string, LineRow[]>();
  for (const l of lines) {
    const k = by(l);
    let g = out.get(k);
    if (!g) out.set(k, (g = []));
    g.push(l);
  }
  return out;
}

function sections(groups: Map<string, LineRow[]>, row: (l: LineRow, n: number) => TableCell[]): { sections: TableSection[]; count: number; amount: number } {
  let n = 0;
  let total = 0;
  const out: TableSection[] = [];
  for (const [title, ls] of groups) {
    const amount = ls.reduce((s, l) => s + l.amount, 0);
    out.push({ title, amount, rows: ls.map((l) => row(l, ++n)) });
    total += amount;
  }
  return { sections: out, count: n, amount: total };
}

const village = (l: LineRow) => l.village?.trim() || '(Không rõ thôn)';
// Banks take a transfer note in plain letters; it ends with a reference to the person (the end of their record's id)
// so a returned transfer can be traced to a line by the bank's staff as well.
const transferNote = (l: LineRow) => withoutDiacritics(`${REGIME_SHORT[l.regimeCode] ?? l.regimeCode} T${formatPeriod(l.period)} ${l.months > 1 ? `(${l.months} tháng) ` : ''}`)
  + l.beneficiaryId.replace(/-/g, '').slice(-10).toUpperCase();

/** The layout of each export, from the roster's lines (already in village, name order). */
export function rosterTable(kind: ExportKind, lines: LineRow[], place: { communeName: string; communeCode: string; period: string;
  /** The post-office list: each person's address (by beneficiary id), for the money brought home. */
  addresses?: ReadonlyMap<string, string | null> }): RosterTable {
  const month = formatPeriod(place.period);
  const subtitles = [`Kỳ chi trả: tháng ${month} — Mã xã: ${place.communeCode}`];
  if (kind === 'bank') {
    const ls = lines.filter((l) => payable(l) && (l.channel === 'own-account' || l.channel === 'authorised-account'));
    const byBank = group(ls, (l) => `${l.bankName ?? 'Ngân hàng'} (${l.bankBin ?? '—'})`);
    const made = sections(byBank, (l, n) => [n, l.id, l.holderName ?? l.fullName, l.accountNumber, l.bankBin, l.amount, transferNote(l), l.fullName]);
    return {
      sheetName: 'Chuyen khoan', title: `DANH SÁCH CHI TRẢ QUA TÀI KHOẢN THÁNG ${month}`, subtitles,
      columns: [
        { header: 'STT', width: 6, kind: 'number', align: 'center' },
        { header: 'Mã giao dịch', width: 30, kind: 'digits' },
        { header: 'Tên chủ tài khoản', width: 26, kind: 'text' },
        { header: 'Số tài khoản', width: 20, kind: 'digits' },
        { header: 'Mã ngân hàng (BIN)', width: 11, kind: 'digits', align: 'center' },
        { header: 'Số tiền (đồng)', width: 14, kind: 'amount', align: 'right' },
        { header: 'Nội dung chuyển khoản', width: 34, kind: 'text' },
        { header: 'Người hưởng', width: 24, kind: 'text' },
      ],
      amountColumn: 5, ...made, amountInWords: amountInWords(made.amount),
    };
  }
  if (kind === 'post-office') {
    const ls = lines.filter((l) => payable(l) && l.channel === 'post-office');
    const address = (l: LineRow) => place.addresses?.get(l.beneficiaryId) ?? l.village;
    const made = sections(group(ls, village), (l, n) => [n, l.id, l.fullName, l.idNumber, address(l), l.months, l.amount, null]);
    return {
      sheetName: 'Buu dien', title: `DANH SÁCH CHI TRẢ QUA BƯU ĐIỆN THÁNG ${month}`, subtitles,
      columns: [
        { header: 'STT', width: 6, kind: 'number', align: 'center' },
        { header: 'Mã giao dịch', width: 30, kind: 'digits' },
        { header: 'Họ và tên', width: 26, kind: 'text' },
        { header: 'Số CCCD', width: 15, kind: 'digits' },
        { header: 'Địa chỉ', width: 32, kind: 'text' },
        { header: 'Số tháng', width: 7, kind: 'number', align: 'center' },
        { header: 'Số tiền (đồng)', width: 14, kind: 'amount', align: 'right' },
        { header: 'Ký nhận', width: 18, kind: 'text' },
      ],
      amountColumn: 6, ...made, amountInWords: amountInWords(made.amount),
    };
  }
  const ls = lines.filter(payable);
  const cashLike = (c: RosterChannel) => c === 'cash' || c === 'post-office';
  const made = sections(group(ls, village), (l, n) => [n, l.fullName, l.idNumber, REGIME_SHORT[l.regimeCode] ?? l.regimeCode, l.months, l.amount,
    CHANNEL_LABELS[l.channel], cashLike(l.channel) ? null : 'Chuyển khoản']);
  return {
    sheetName: 'Danh sach chi tra', title: `DANH SÁCH CHI TRẢ TRỢ CẤP THÁNG ${month}`, subtitles,
    columns: [
      { header: 'STT', width: 6, kind: 'number', align: 'center' },
      { header: 'Họ và tên', width: 26, kind: 'text' },
      { header: 'Số CCCD', width: 15, kind: 'digits' },
      { header: 'Chế độ', width: 18, kind: 'text' },
      { header: 'Số tháng', width: 7, kind: 'number', align: 'center' },
      { header: 'Số tiền (đồng)', width: 14, kind: 'amount', align: 'right' },
      { header: 'Hình thức chi trả', width: 20, kind: 'text' },
      { header: 'Ký nhận', width: 16, kind: 'text' },
    ],
    amountColumn: 5, ...made, amountInWords: amountInWords(made.amount),
  };
}

/** An amount as the PDF prints it (the workbook keeps numbers, formatted by Excel). */
export const printedAmount = (n: number) => formatVnd(n).replace(/\u00a0₫$/, '');
