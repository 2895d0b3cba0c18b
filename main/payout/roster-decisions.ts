import type { AppDatabase } from '../core/database/open-database';
import { AppError } from '../core/errors';
import { runCommand, type Actor } from '../core/write-path';
import { formatPeriod } from '../../shared/payout/periods';
import type { Block } from '../../shared/payout/roster-line';
import { heldLineCount, rosterFor, rosterLine } from './payout-queries';
import { rosterIdOf, type Release } from './roster-create';
import { payoutResultTable, rosterLineTable, rosterTable } from './synced-tables';

const noRoster = (period: string) => new AppError('no-roster', `Chưa có bảng kê tháng ${formatPeriod(period)}: tạo bảng kê trước.`, `No roster for ${period}.`);

function draftRoster(db: AppDatabase, unitId: string, period: string) {
  const roster = rosterFor(db.sqlite, unitId, period);
  if (!roster) throw noRoster(period);
  if (roster.status !== 'draft') {
    throw new AppError('roster-not-draft', `Bảng kê tháng ${formatPeriod(period)} đã ${roster.status === 'locked' ? 'khoá' : 'duyệt'}: không sửa được; điều chỉnh sẽ vào kỳ sau.`,
      `The ${period} roster is ${roster.status}.`);
  }
  return roster;
}

/** Releases one block of draft lines (one, or a selection), with the reason (and, for lines without an account, post office or cash). */
export function releaseBlock(db: AppDatabase, actor: Actor, unitId: string, input: { period: string; keys: string[]; code: string; reason: string; channel: 'post-office' | 'cash' | null }): { released: number } {
  const roster = draftRoster(db, unitId, input.period);
  if (input.code === 'no-usable-account' && !input.channel) {
    throw new AppError('channel-needed', 'Chọn chi qua bưu điện hay tiền mặt tại xã cho người chưa có tài khoản.', 'Choose post office or cash.');
  }
  if (input.code === 'recovery') {
    throw new AppError('recovery-not-released', 'Dòng thu hồi không chi được; khoản thu hồi còn lại đến khi được nộp lại.', 'A recovery line is never paid.');
  }
  return runCommand(db, actor, 'roster-release', (w) => {
    let released = 0;
    for (const key of new Set(input.keys)) {
      const line = rosterLine(db.sqlite, key);
      if (!line || line.rosterId !== roster.id) throw new AppError('no-line', `Không tìm thấy dòng ${key} trong bảng kê.`, 'No such line in this roster.');
      const blocks = JSON.parse(line.blocks) as Block[];
      const block = blocks.find((b) => b.code === input.code);
      if (!block) {
        if (input.keys.length === 1) throw new AppError('not-blocked', 'Dòng này không bị chặn vì lý do đó.', 'The line is not held for that reason.');
        continue;
      }
      const rest = blocks.filter((b) => b.code !== input.code);
      const release: Release = { code: block.code, message: block.message, reason: input.reason, by: actor.userId, ...(input.channel ? { channel: input.channel } : {}) };
      w.update(rosterLineTable, line.id, {
        blocks: JSON.stringify(rest), held: rest.length > 0 ? 1 : 0, releases: JSON.stringify([...JSON.parse(line.releases), release]),
        ...(input.channel ? { channel: input.channel } : {}),
      });
      released += 1;
    }
    w.summary = { period: input.period, lines: released, released: input.code };
    return { released };
  }).result;
}

/** Approves a draft (approving role): refused while lines are held, unless they are knowingly left out. */
export function approveRoster(db: AppDatabase, actor: Actor, unitId: string, period: string, leaveBlockedOut: boolean): { heldOut: number } {
  const roster = draftRoster(db, unitId, period);
  const held = heldLineCount(db.sqlite, roster.id);
  if (held > 0 && !leaveBlockedOut) {
    throw new AppError('lines-held', `Còn ${held} dòng bị chặn chưa giải toả: xử lý từng dòng, hoặc duyệt và để các dòng đó sang kỳ sau.`,
      `${held} lines are still held; release them or approve leaving them out.`, { held });
  }
  runCommand(db, actor, 'roster-approve', (w) => {
    w.update(rosterTable, roster.id, { status: 'approved', approvedBy: actor.userId });
    w.summary = { period, heldOut: held };
  });
  return { heldOut: held };
}

/** Locks an approved roster: from then on the database itself refuses any change to it or its lines. */
export function lockRoster(db: AppDatabase, actor: Actor, unitId: string, period: string): void {
  const roster = rosterFor(db.sqlite, unitId, period);
  if (!roster) throw noRoster(period);
  if (roster.status === 'locked') throw new AppError('roster-locked', `Bảng kê tháng ${formatPeriod(period)} đã khoá rồi.`, 'Already locked.');
  if (roster.status !== 'approved') throw new AppError('roster-not-approved', `Bảng kê tháng ${formatPeriod(period)} chưa được duyệt: duyệt trước khi khoá.`, 'Approve it first.');
  runCommand(db, actor, 'roster-lock', (w) => {
    w.update(rosterTable, roster.id, { status: 'locked', lockedBy: actor.userId });
    w.summary = { period };
  });
}

/** The clerk's decision for a line that came back failed or returned: carried over, paid in cash next period, or cancelled. */
export function settleLine(db: AppDatabase, actor: Actor, unitId: string, input: { period: string; key: string; decision: 'carried-over' | 'cash' | 'cancelled'; reason: string }): void {
  const roster = rosterFor(db.sqlite, unitId, input.period);
  if (!roster) throw noRoster(input.period);
  const line = rosterLine(db.sqlite, input.key);
  if (!line || line.rosterId !== rosterIdOf(unitId, input.period)) throw new AppError('no-line', 'Không tìm thấy dòng này trong bảng kê.', 'No such line in this roster.');
  const result = db.sqlite.prepare(`SELECT id, outcome FROM payout_results WHERE deleted = 0 AND line_id = ? ORDER BY rowid DESC LIMIT 1`).get(line.id) as { id: string; outcome: string } | undefined;
  if (!result || result.outcome === 'paid') {
    throw new AppError('nothing-to-settle', 'Chỉ quyết định được cho dòng chi không thành công hoặc bị trả lại.', 'Only a failed or returned line can be settled.');
  }
  const later = db.sqlite.prepare(`SELECT 1 FROM rosters WHERE deleted = 0 AND unit_id = ? AND period > ? AND status <> 'draft'`).get(unitId, input.period);
  if (later) throw new AppError('next-period-approved', 'Bảng kê kỳ sau đã duyệt: quyết định này không còn đổi được.', 'The next roster is approved already.');
  runCommand(db, actor, 'roster-settle', (w) => {
    w.update(payoutResultTable, result.id, { decision: input.decision, decisionReason: input.reason });
    w.summary = { period: input.period, line: line.id, decision: input.decision };
  });
}
