import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import type { AppDatabase } from '../core/database/open-database';
import { AppError } from '../core/errors';
import { runCommand, type Actor } from '../core/write-path';
import type { ReconcileReport } from '../../shared/contract/payout';
import { formatVnd } from '../../shared/format/money';
import { decodeTextFile } from '../excel/text-encoding';
import { formatPeriod } from '../../shared/payout/periods';
import { readPayerFile } from '../../shared/payout/payer-results';
import { resultSourceSeen, type LineRow } from './payout-queries';
import { lineState, type RosterData } from './roster-view';
import { payoutResultTable } from './synced-tables';

const unreadable = () => new AppError('result-unreadable', 'Không đọc được tệp kết quả: cần bảng có cột "Mã giao dịch" hoặc "Số tài khoản", "Số tiền" và "Kết quả".',
  'Not a payer result file: it needs key or account, amount and result columns.');

function sheetCells(file: string): unknown[][] {
  try {
    const bytes = readFileSync(file);
    // A workbook (zip or the old binary format) as bytes; anything else is CSV text (UTF-8, Windows-1258 or UTF-16).
    const binary = (bytes[0] === 0x50 && bytes[1] === 0x4b) || (bytes[0] === 0xd0 && bytes[1] === 0xcf);
    const wb = binary ? XLSX.read(bytes, { type: 'buffer', dense: true, cellDates: false })
      : XLSX.read(decodeTextFile(bytes), { type: 'string', dense: true, raw: true });
    const out: unknown[][] = [];
    for (const name of wb.SheetNames) {
      out.push(...(XLSX.utils.sheet_to_json(wb.Sheets[name], { header: 1, raw: true, defval: null }) as unknown[][]));
    }
    return out;
  } catch {
    throw unreadable();
  }
}

const withoutLeadingZeros = (account: string) => account.replace(/^0+/, '');

/** The lines paid into each account: a result row without a key is matched by its account (100,000 rows against 100,000 lines). */
function linesByAccount(lines: readonly LineRow[]): Map<string, LineRow[]> {
  const byAccount = new Map<string, LineRow[]>();
  for (const l of lines) {
    if (!l.accountNumber) continue;
    const account = withoutLeadingZeros(l.accountNumber);
    let list = byAccount.get(account);
    if (!list) byAccount.set(account, (list = []));
    list.push(l);
  }
  return byAccount;
}

/**
 * Imports a payer's result file for a period: each row matched to a line by its key, else by account and amount;
 * a file for another period or commune is refused whole, the same file twice is refused, and a row that matches
 * nothing, differs in amount or reports a line already paid is reported and changes nothing. Never paid twice.
 */
export function reconcileRoster(db: AppDatabase, actor: Actor, data: RosterData, place: { communeCode: string }, file: string, fileName: string): ReconcileReport {
  const { roster } = data;
  if (roster.status === 'draft') {
    throw new AppError('roster-not-approved', `Bảng kê tháng ${formatPeriod(roster.period)} chưa được duyệt: chưa có gì để đối soát.`, 'The roster is not approved yet.');
  }
  const bytes = readFileSync(file);
  const source = createHash('sha256').update(bytes).digest('hex');
  if (resultSourceSeen(db.sqlite, source)) {
    throw new AppError('result-already-imported', `Tệp ${fileName} đã được nhập rồi: không nhập lần hai (không dòng nào được ghi chi hai lần).`, 'This result file was imported already.');
  }
  const parsed = readPayerFile(sheetCells(file));
  if (!parsed) throw unreadable();
  const otherPeriod = parsed.periods.find((p) => p !== roster.period);
  if (otherPeriod) {
    throw new AppError('result-other-period', `Tệp kết quả là của kỳ ${formatPeriod(otherPeriod)}, không phải kỳ ${formatPeriod(roster.period)}: không nhập gì.`, `The file is for ${otherPeriod}.`);
  }
  const otherCommune = parsed.communeCodes.find((c) => c !== place.communeCode);
  if (otherCommune) {
    throw new AppError('result-other-commune', `Tệp kết quả là của xã mã ${otherCommune}, không phải xã này (${place.communeCode}): không nhập gì.`, `The file is for commune ${otherCommune}.`);
  }

  const byKey = new Map(data.lines.map((l) => [l.id, l]));
  const settled = new Set(data.lines.filter((l) => (data.results.get(l.id) ?? []).some((r) => r.outcome === 'paid')).map((l) => l.id));
  const problems: ReconcileReport['problems'] = [];
  const accepted: { lineId: string; outcome: 'paid' | 'failed' | 'returned'; reason: string | null; amount: number }[] = [];
  const taken = new Set<string>();
  const byAccount = linesByAccount(data.lines);
  for (const r of parsed.rows) {
    if (!r.outcome || r.amount === null) {
      const what = r.amount === null ? 'không đọc được số tiền' : r.outcomeText ? `không hiểu kết quả "${r.outcomeText}"` : 'thiếu kết quả';
      problems.push({ row: r.row, code: 'bad-row', key: r.key, message: `Dòng ${r.row}: ${what}; chưa ghi.` });
      continue;
    }
    let line = r.key ? byKey.get(r.key) : undefined;
    if (!line && r.accountNumber) {
      // A payer's number cell may have lost the account's leading zeros (a phone number for mobile money).
      const candidates = (byAccount.get(withoutLeadingZeros(r.accountNumber)) ?? []).filter((l) => !taken.has(l.id));
      line = candidates.find((l) => l.amount === r.amount) ?? (candidates.length === 1 ? candidates[0] : undefined);
    }
    if (!line) {
      problems.push({ row: r.row, code: 'unmatched', key: r.key, message: `Dòng ${r.row}: không khớp dòng nào của bảng kê (mã hoặc số tài khoản và số tiền).` });
      continue;
    }
    if (line.held || line.amount <= 0) {
      problems.push({ row: r.row, code: 'blocked-line', key: line.id, message: `Dòng ${r.row}: dòng của ${line.fullName} bị chặn, không được gửi chi.` });
      continue;
    }
    if (r.amount !== line.amount) {
      problems.push({ row: r.row, code: 'amount-differs', key: line.id, message: `Dòng ${r.row}: ${line.fullName} — số tiền ${formatVnd(r.amount)} khác số đã gửi ${formatVnd(line.amount)}; chưa ghi.` });
      continue;
    }
    if (settled.has(line.id) || taken.has(line.id)) {
      problems.push({ row: r.row, code: 'already-paid', key: line.id, message: `Dòng ${r.row}: ${line.fullName} đã có kết quả chi rồi; không ghi lần hai.` });
      continue;
    }
    taken.add(line.id);
    accepted.push({ lineId: line.id, outcome: r.outcome, reason: r.reason, amount: r.amount });
  }
  if (accepted.length > 0) {
    runCommand(db, actor, 'roster-reconcile', (w) => {
      for (const a of accepted) {
        w.insert(payoutResultTable, { lineId: a.lineId, period: roster.period, outcome: a.outcome, reason: a.reason, amount: a.amount, source,
          decision: a.outcome === 'paid' ? null : 'carried-over' });
      }
      w.summary = { period: roster.period, file: fileName, sha256: source, accepted: accepted.length, problems: problems.length };
    });
  }
  const count = (o: string) => accepted.filter((a) => a.outcome === o).length;
  const afterwards = new Set(accepted.map((a) => a.lineId));
  const awaiting = data.lines.filter((l) => lineState(roster, l, data.results.get(l.id) ?? []) === 'sent' && !afterwards.has(l.id)).length;
  return { period: roster.period, file: fileName, paid: count('paid'), failed: count('failed'), returned: count('returned'), problems, awaiting };
}
