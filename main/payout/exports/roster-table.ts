import { withoutDiacritics } from '../../../shared/text/fold';
// A roster export as one table, whatever file it becomes (Excel or PDF): title, columns, sections with their
// subtotals, the grand total, the total in words, the signature block.

import { formatVnd } from '../../../shared/format/money';
import { amountInWords } from '../../../shared/payout/amount-in-words';
import { formatPeriod } from '../../../shared/payout/periods';
import type { RosterChannel } from '../../../shared/payout/roster-line';
import { rosterChannelVi } from '../../../shared/payout/roster-labels';
import { communeWord } from '../../../shared/text/commune-word';
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

/**
 * A section (a village, a bank) with its subtotal, its lines read a chunk at a time when it is written: a month's
 * 100,000 lines are never all in memory, and the file being written is let out to disk between chunks.
 */
export interface TableSection {
  title: string;
  count: number;
  amount: number;
  rows(): AsyncIterable<TableCell[][]>;
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

const CHANNEL_LABELS: Record<Exclude<RosterChannel, 'cash'>, string> = {
  'own-account': 'Chuyển khoản',
  'authorised-account': 'Chuyển khoản (người được ủy quyền)',
  'post-office': 'Bưu điện',
};
/** Cash is named as everywhere else (roster-labels.ts): "tại xã", "tại phường", in the unit's own word. */
const channelLabel = (channel: RosterChannel, unitName: string) => (channel === 'cash' ? rosterChannelVi('cash', unitName) : CHANNEL_LABELS[channel]);

export const REGIME_SHORT: Record<string, string> = {
  'btxh-monthly': 'TCXH hằng tháng',
  'btxh-care': 'Hỗ trợ chăm sóc',
  'btxh-funeral': 'Mai táng phí',
  'social-pension': 'Hưu trí xã hội',
  'social-pension-funeral': 'Mai táng (HTXH)',
  'ncc-monthly': 'Ưu đãi NCC',
  'tncc-monthly': 'Thân nhân NCC',
};

/** How a table reads its lines: which of a roster's payable lines (their grouping columns, in the printed order), and each line whole by its row key. */
export interface LineSource {
  /**
   * The lines that are paid (not held back, with money to pay) in the channels given (null: all), by village then
   * name: the columns a section needs.
   */
  outline(channels: readonly RosterChannel[] | null, bankBin: string | null): Iterable<LineOutline>;
  /** Lines by the keys the outline gave, in any order. */
  lines(keys: readonly number[]): (LineRow & { key: number })[];
  /** The post-office list: each person's address (by beneficiary id), for the money brought home. */
  addresses?(beneficiaryIds: readonly string[]): ReadonlyMap<string, string | null>;
}

export type LineOutline = { key: number } & Pick<LineRow, 'amount' | 'village' | 'bankName' | 'bankBin'>;

const CHUNK = 2_000;

/** Lets the event loop run (the writer's output goes to disk) between two chunks. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Sections in the order their first line comes in the printed order, each with its lines in that order; the rows
 * are numbered through the whole table.
 */
function sections(source: LineSource, lines: { channels: readonly RosterChannel[] | null; bankBin?: string | null }, by: (l: LineOutline) => string,
  rows: (ls: LineRow[], first: number) => TableCell[][]): { sections: TableSection[]; count: number; amount: number } {
  const groups = new Map<string, { keys: number[]; amount: number }>();
  for (const l of source.outline(lines.channels, lines.bankBin ?? null)) {
    const k = by(l);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { keys: [], amount: 0 }));
    g.keys.push(l.key);
    g.amount += l.amount;
  }
  let n = 0;
  let total = 0;
  const out: TableSection[] = [];
  for (const [title, g] of groups) {
    const first = n;
    out.push({
      title, count: g.keys.length, amount: g.amount,
      async *rows() {
        for (let at = 0; at < g.keys.length; at += CHUNK) {
          if (at > 0) await breathe();
          const keys = g.keys.slice(at, at + CHUNK);
          const byKey = new Map(source.lines(keys).map((l) => [l.key, l]));
          yield rows(keys.map((k) => byKey.get(k)!), first + at + 1);
        }
      },
    });
    n += g.keys.length;
    total += g.amount;
  }
  return { sections: out, count: n, amount: total };
}

const village = (l: LineOutline) => l.village?.trim() || '(Không rõ thôn)';
// Banks take a transfer note in plain letters; it ends with a reference to the person (the end of their record's id)
// so a returned transfer can be traced to a line by the bank's staff as well.
const transferNote = (l: LineRow) => withoutDiacritics(`${REGIME_SHORT[l.regimeCode] ?? l.regimeCode} T${formatPeriod(l.period)} ${l.months > 1 ? `(${l.months} tháng) ` : ''}`)
  + l.beneficiaryId.replace(/-/g, '').slice(-10).toUpperCase();

/**
 * The layout of each export, its sections and totals; the lines are read as each section is written. A transfer
 * list for one bank (`bank`) holds only the accounts at that bank: each bank receives its own customers' lines.
 */
export function rosterTable(kind: ExportKind, source: LineSource, place: { communeName: string; communeCode: string; period: string },
  bank: { bin: string; name: string | null } | null = null): RosterTable {
  const month = formatPeriod(place.period);
  const unitWord = communeWord(place.communeName);
  const subtitles = [`Kỳ chi trả: tháng ${month} — Mã ${unitWord}: ${place.communeCode}`];
  if (kind === 'bank') {
    if (bank) subtitles.push(bank.name ? `Ngân hàng: ${bank.name} (mã ${bank.bin})` : `Ngân hàng mã ${bank.bin}`);
    const byBank = (l: LineOutline) => `${l.bankName ?? 'Ngân hàng'} (${l.bankBin ?? '—'})`;
    const made = sections(source, { channels: ['own-account', 'authorised-account'], bankBin: bank?.bin }, byBank, (ls, first) => ls.map((l, i) =>
      [first + i, l.id, l.holderName ?? l.fullName, l.accountNumber, l.bankBin, l.amount, transferNote(l), l.fullName]));
    return {
      sheetName: 'Chuyen khoan', title: `DANH SÁCH CHI TRẢ QUA TÀI KHOẢN THÁNG ${month}`, subtitles,
      columns: [
        { header: 'STT', width: 6, kind: 'number', align: 'center' },
        { header: 'Mã giao dịch', width: 40, kind: 'digits' },
        { header: 'Tên chủ tài khoản', width: 24, kind: 'text' },
        { header: 'Số tài khoản', width: 20, kind: 'digits' },
        { header: 'Mã ngân hàng (BIN)', width: 11, kind: 'digits', align: 'center' },
        { header: 'Số tiền (đồng)', width: 14, kind: 'amount', align: 'right' },
        { header: 'Nội dung chuyển khoản', width: 36, kind: 'text' },
        { header: 'Người hưởng', width: 22, kind: 'text' },
      ],
      amountColumn: 5, ...made, amountInWords: amountInWords(made.amount),
    };
  }
  if (kind === 'post-office') {
    // The addresses of a chunk's people, with the chunk.
    const made = sections(source, { channels: ['post-office'] }, village, (ls, first) => {
      const addresses = source.addresses?.(ls.map((l) => l.beneficiaryId));
      return ls.map((l, i) => [first + i, l.id, l.fullName, l.idNumber, addresses?.get(l.beneficiaryId) ?? l.village, l.months, l.amount, null]);
    });
    return {
      sheetName: 'Buu dien', title: `DANH SÁCH CHI TRẢ QUA BƯU ĐIỆN THÁNG ${month}`, subtitles,
      columns: [
        { header: 'STT', width: 6, kind: 'number', align: 'center' },
        { header: 'Mã giao dịch', width: 40, kind: 'digits' },
        { header: 'Họ và tên', width: 24, kind: 'text' },
        { header: 'Số CCCD', width: 15, kind: 'digits' },
        { header: 'Địa chỉ', width: 28, kind: 'text' },
        { header: 'Số tháng', width: 7, kind: 'number', align: 'center' },
        { header: 'Số tiền (đồng)', width: 14, kind: 'amount', align: 'right' },
        { header: 'Ký nhận', width: 18, kind: 'text' },
      ],
      amountColumn: 6, ...made, amountInWords: amountInWords(made.amount),
    };
  }
  const cashLike = (c: RosterChannel) => c === 'cash' || c === 'post-office';
  const made = sections(source, { channels: null }, village, (ls, first) => ls.map((l, i) => [first + i, l.fullName, l.idNumber, REGIME_SHORT[l.regimeCode] ?? l.regimeCode,
    l.months, l.amount, channelLabel(l.channel, place.communeName), cashLike(l.channel) ? null : 'Chuyển khoản']));
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
