import type { AppDatabase } from '../core/database/open-database';
import { AppError } from '../core/errors';
import { runCommand, type Actor } from '../core/write-path';
import { formatPeriod } from '../../shared/payout/periods';
import { isRealDay } from '../../shared/payout/typed-values';
import type { RosterRow } from './payout-queries';
import { lineState, MANUAL_SOURCE_PREFIX } from './roster-view';
import { resultsOfLines, rosterLinesByIds } from './roster-view-queries';
import { payoutResultTable } from './synced-tables';

export interface ConfirmPaidInput {
  period: string;
  keys: string[];
  paidOn: string;
  note: string;
}

export interface ConfirmPaidReport {
  paid: number;
  skipped: { key: string; message: string }[];
}

/**
 * Cash handed over at the commune (or by the post office) against the signed list: no payer file comes back for
 * these lines, so the commune records each one as paid itself. Only lines sent for cash or the post office, never
 * a line held back, and never twice.
 */
export function confirmPaid(db: AppDatabase, actor: Actor, roster: RosterRow, input: ConfirmPaidInput): ConfirmPaidReport {
  if (roster.status === 'draft') {
    throw new AppError('roster-not-approved', `Bảng kê tháng ${formatPeriod(roster.period)} chưa được duyệt: chưa chi được.`, 'The roster is not approved yet.');
  }
  if (!isRealDay(input.paidOn) || input.paidOn > new Date().toISOString().slice(0, 10)) {
    throw new AppError('bad-date', 'Ngày chi không đúng (không phải ngày có thật, hoặc sau hôm nay).', 'The payment date is not a real day, or is in the future.');
  }
  const keys = [...new Set(input.keys)];
  const byKey = new Map(rosterLinesByIds(db.sqlite, roster.id, keys).map((l) => [l.id, l]));
  const results = resultsOfLines(db.sqlite, [...byKey.keys()]);
  const skipped: ConfirmPaidReport['skipped'] = [];
  const paying: { lineId: string; amount: number }[] = [];
  for (const key of keys) {
    const line = byKey.get(key);
    if (!line) {
      skipped.push({ key, message: 'Không có dòng này trong bảng kê.' });
      continue;
    }
    const state = lineState(roster, line, results.get(line.id) ?? []);
    if (state === 'paid') skipped.push({ key, message: `${line.fullName}: đã ghi chi rồi, không ghi lần hai.` });
    else if (state !== 'sent') skipped.push({ key, message: `${line.fullName}: dòng bị chặn hoặc đã chuyển kỳ sau, không chi trong kỳ này.` });
    else if (line.channel !== 'cash' && line.channel !== 'post-office') skipped.push({ key, message: `${line.fullName}: chi qua tài khoản; kết quả lấy từ tệp của ngân hàng.` });
    else paying.push({ lineId: line.id, amount: line.amount });
  }
  if (input.keys.length === 1 && skipped.length === 1) throw new AppError('not-payable', skipped[0].message, 'That line cannot be confirmed as paid.');
  if (paying.length > 0) {
    runCommand(db, actor, 'roster-confirm-paid', (w) => {
      const reason = input.note || 'Chi tại xã theo danh sách có ký nhận';
      for (const p of paying) {
        w.insert(payoutResultTable, { lineId: p.lineId, period: roster.period, outcome: 'paid', reason, amount: p.amount,
          source: `${MANUAL_SOURCE_PREFIX}${input.paidOn}`, decision: null });
      }
      w.summary = { period: roster.period, paidOn: input.paidOn, lines: paying.length, amount: paying.reduce((s, p) => s + p.amount, 0) };
    });
  }
  return { paid: paying.length, skipped };
}
