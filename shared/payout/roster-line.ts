// A line of a month's roster as every door shows it, the reasons a line is held back, and the totals.

export const CHANNELS = ['own-account', 'authorised-account', 'post-office', 'cash'] as const;
export type RosterChannel = (typeof CHANNELS)[number];
export const CASHLESS: ReadonlySet<RosterChannel> = new Set(['own-account', 'authorised-account']);

export const BLOCK_CODES = ['identity-not-verified', 'duplicate-open', 'no-usable-account', 'stopped', 'deceased', 'moved',
  'no-coefficient', 'no-level', 'recovery'] as const;
export type BlockCode = (typeof BLOCK_CODES)[number];

export interface Block {
  code: BlockCode;
  message: string;
}

export interface LineFacts {
  /** The person's ID number was verified (chip, population database or by hand). */
  identityVerified: boolean;
  duplicateOpen: boolean;
  /** An active monthly account (own or authorised) to pay into. */
  usableAccount: boolean;
  status: 'active' | 'stopped' | 'deceased' | 'moved';
  /** dd/mm/yyyy of the status, for the message. */
  statusDate: string | null;
  problem: 'no-level' | 'no-coefficient' | null;
  amount: number;
}

/** Why a line may not be paid as it stands; each is released only by a person, with a reason. */
export function blocksOf(f: LineFacts): Block[] {
  const blocks: Block[] = [];
  if (!f.identityVerified) blocks.push({ code: 'identity-not-verified', message: 'Chưa xác thực định danh (số CCCD chưa được đối chiếu với thẻ hoặc CSDL dân cư)' });
  if (f.duplicateOpen) blocks.push({ code: 'duplicate-open', message: 'Có hồ sơ nghi trùng người đang chờ xử lý' });
  if (!f.usableAccount && f.amount > 0) blocks.push({ code: 'no-usable-account', message: 'Chưa có tài khoản dùng được: đề nghị chi qua bưu điện hoặc tiền mặt tại xã' });
  const on = f.statusDate ? ` ngày ${f.statusDate}` : ' (chưa có ngày)';
  if (f.status === 'deceased') blocks.push({ code: 'deceased', message: `Đã mất${on}: chỉ chi phần còn được hưởng, cho người thừa kế hoặc người lo mai táng` });
  if (f.status === 'stopped') blocks.push({ code: 'stopped', message: `Đã dừng hưởng${on}` });
  if (f.status === 'moved') blocks.push({ code: 'moved', message: `Đã chuyển đi${on}` });
  if (f.problem === 'no-coefficient') blocks.push({ code: 'no-coefficient', message: 'Chưa xác định được nhóm đối tượng, hệ số hoặc ngày sinh để tính mức' });
  if (f.problem === 'no-level') blocks.push({ code: 'no-level', message: 'Chưa có mức chuẩn áp dụng cho tháng này' });
  if (f.amount < 0) blocks.push({ code: 'recovery', message: 'Đã chi thừa: cần thu hồi, không chi' });
  return blocks;
}

/**
 * Lines counted together: those of one village and channel that are held back (counted, never summed) or not.
 * A month has 100,000 lines; the database groups them and the totals are made from a few dozen groups.
 */
export interface TotalsGroup {
  village: string | null;
  channel: RosterChannel;
  held: boolean;
  /** Every line of the group. */
  lines: number;
  /** The lines with money to pay (amount > 0): a line that recovers money is not a payment. */
  payingLines: number;
  /** The sum of the paying lines' amounts. */
  payingAmount: number;
}

export interface ChannelTotal {
  lines: number;
  amount: number;
}

export interface CashlessShare {
  /** Null when no line is to be paid (all held, or none): no share to give, rather than a reassuring 100 %. */
  byCount: number | null;
  byAmount: number | null;
}

export interface RosterTotals {
  lines: number;
  amount: number;
  byChannel: Record<RosterChannel, ChannelTotal>;
  blocked: number;
  cashlessShare: CashlessShare;
}

/** Shares as fractions rounded to 4 places (0.8571); null when there is nothing to pay. */
function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

/** Totals of the lines to pay: held lines are counted, never summed; lines that recover money stay out. */
export function rosterTotals(groups: readonly TotalsGroup[]): RosterTotals {
  const byChannel = Object.fromEntries(CHANNELS.map((c) => [c, { lines: 0, amount: 0 }])) as Record<RosterChannel, ChannelTotal>;
  let blocked = 0;
  let count = 0;
  let amount = 0;
  let cashlessCount = 0;
  let cashlessAmount = 0;
  for (const g of groups) {
    if (g.held) {
      blocked += g.lines;
      continue;
    }
    count += g.payingLines;
    amount += g.payingAmount;
    byChannel[g.channel].lines += g.payingLines;
    byChannel[g.channel].amount += g.payingAmount;
    if (CASHLESS.has(g.channel)) {
      cashlessCount += g.payingLines;
      cashlessAmount += g.payingAmount;
    }
  }
  return { lines: count, amount, byChannel, blocked, cashlessShare: { byCount: share(cashlessCount, count), byAmount: share(cashlessAmount, amount) } };
}

export interface VillageShare extends CashlessShare {
  village: string;
  lines: number;
  amount: number;
}

const UNKNOWN_VILLAGE = '(không rõ thôn)';

/** The cash-less share per village, against the 100% target (villages in the order of first appearance). */
export function cashlessByVillage(groups: readonly TotalsGroup[]): VillageShare[] {
  const byVillage = new Map<string, TotalsGroup[]>();
  for (const g of groups) {
    const v = g.village?.trim() || UNKNOWN_VILLAGE;
    let list = byVillage.get(v);
    if (!list) byVillage.set(v, (list = []));
    list.push(g);
  }
  return [...byVillage].map(([village, gs]) => {
    const t = rosterTotals(gs);
    return { village, lines: t.lines, amount: t.amount, ...t.cashlessShare };
  });
}
