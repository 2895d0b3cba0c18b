import type { AppDatabase } from '../core/database/open-database';
import { AppError } from '../core/errors';
import { runCommand, type Actor, type Writer } from '../core/write-path';
import { duplicateBlocks } from '../identity/duplicates-queries';
import { paymentChannelOf } from '../registry/payment-channel';
import { formatBirth } from '../../shared/format/dates';
import { deriveEntitlement } from '../../shared/payout/entitlement-from-category';
import { levelFor } from '../../shared/payout/levels';
import { dueInMonth, lineAmount, outsideAgeBands, withOneOf, type MonthLine } from '../../shared/payout/month-amounts';
import { formatPeriod, monthIndex, periodOfDate } from '../../shared/payout/periods';
import { FUNERAL_AFTER, LEVEL_CODES, type Regime } from '../../shared/payout/regimes';
import { blocksOf, type Block, type RosterChannel } from '../../shared/payout/roster-line';
import {
  allAmountChecks, entitlementsOfPeople, levelRows, monthlyAccounts, paidBefore, peopleForRoster, regimeRows,
  rosterFor, rosterLineIds, rosterLinesOfPeople, rostersOf, switchedToCash, unitChain, type AccountForRoster, type EntitlementRow,
} from './payout-queries';
import { amountCheckTable, entitlementTable, rosterLineTable, rosterTable } from './synced-tables';

export interface Release {
  code: string;
  message: string;
  reason: string;
  by: string | null;
  channel?: 'post-office' | 'cash';
}

/** People read (with their entitlements, accounts, earlier lines) at a time. */
const PEOPLE_CHUNK = 2_000;

export const rosterIdOf = (unitId: string, period: string) => `${unitId}:${period}`;
export const lineKeyOf = (period: string, beneficiaryId: string, regimeCode: string) => `${period}:${beneficiaryId}:${regimeCode}`;

export interface CreateReport {
  rosterId: string;
  created: number;
  updated: number;
  removed: number;
  entitlementsDerived: number;
  amountChecksOpened: number;
}

function notDraft(period: string, status: string) {
  const what = status === 'locked' ? 'đã khoá' : 'đã duyệt';
  return new AppError('roster-not-draft', `Bảng kê tháng ${formatPeriod(period)} ${what}: không tạo lại được; mọi điều chỉnh sẽ vào kỳ sau.`,
    `The ${period} roster is ${status}; corrections go into the next period.`);
}

/**
 * Creates (or recomputes, while it is a draft) the roster of a period for the office: one line per person and
 * regime owed anything, with its channel from the person's accounts and the reasons it is held back. Runs as one
 * command: entitlements derived from the register on the way, the amount checks, the lines.
 */
export function createRoster(db: AppDatabase, actor: Actor, officeUnitId: string, area: readonly string[] | null, period: string): CreateReport {
  const sqlite = db.sqlite;
  // A bulk command: the month's lines and the entitlements derived on the way are logged in the compact form
  // (inserted-row.ts), as an import's rows are; a copy of each of 100,000 lines in the log would double the writing.
  return runCommand(db, actor, 'roster-create', (w: Writer): CreateReport => {
    const rosterId = rosterIdOf(officeUnitId, period);
    const existing = rosterFor(sqlite, officeUnitId, period);
    if (existing && existing.status !== 'draft') throw notDraft(period, existing.status);
    const others = rostersOf(sqlite, officeUnitId);
    const openBefore = others.find((r) => r.period < period && r.status === 'draft');
    if (openBefore) {
      throw new AppError('earlier-roster-open', `Bảng kê tháng ${formatPeriod(openBefore.period)} chưa được duyệt: duyệt hoặc tạo lại nó trước.`,
        `The ${openBefore.period} roster is still a draft.`);
    }
    const later = others.find((r) => r.period > period);
    if (later) {
      throw new AppError('later-roster-exists', `Đã có bảng kê tháng ${formatPeriod(later.period)}: không tạo được kỳ trước đó.`,
        `A roster for ${later.period} exists already.`);
    }

    const regimes = new Map(regimeRows(sqlite).map((r) => [r.code, r]));
    const levels = levelRows(sqlite);
    const chains = new Map<string, string[]>();
    const chainOf = (unitId: string) => {
      let c = chains.get(unitId);
      if (!c) chains.set(unitId, (c = unitChain(sqlite, unitId)));
      return c;
    };
    const toCash = switchedToCash(sqlite, officeUnitId, period);
    const checks = allAmountChecks(sqlite);

    if (!existing) w.insert(rosterTable, { id: rosterId, unitId: officeUnitId, period, status: 'draft' });
    let created = 0;
    let updated = 0;
    let amountChecksOpened = 0;
    let entitlementsDerived = 0;
    const keep = new Set<string>();

    // The register a chunk of people at a time, with what each chunk needs of the other tables: a province's register
    // is never all in memory at once.
    for (let after = 0; ;) {
      const people = peopleForRoster(sqlite, area, after, PEOPLE_CHUNK);
      if (people.length === 0) break;
      after = people[people.length - 1].rowid;
      const ids = people.map((p) => p.id);

      // Entitlements by person, derived from the register for active people who have none yet (from this period).
      const byPerson = new Map<string, EntitlementRow[]>();
      for (const e of entitlementsOfPeople(sqlite, ids)) {
        let list = byPerson.get(e.beneficiaryId);
        if (!list) byPerson.set(e.beneficiaryId, (list = []));
        list.push(e);
      }
      for (const p of people) {
        const own = byPerson.get(p.id) ?? [];
        if (own.length === 0 && p.status === 'active') {
          const merit = levelFor(levels, LEVEL_CODES.meritorious, chainOf(p.unitId), period)?.amount ?? null;
          const d = deriveEntitlement(p, period, merit);
          const values = { beneficiaryId: p.id, regimeCode: d.regimeCode, groupCode: d.groupCode, hundredths: d.hundredths, fromPeriod: period,
            toPeriod: null, overrideAmount: d.overrideAmount, overrideReason: d.overrideReason, basis: d.basis };
          const id = w.insert(entitlementTable, values);
          own.push({ id, ...values, from: period, to: null });
          byPerson.set(p.id, own);
          entitlementsDerived += 1;
        }
        // Funeral support follows a monthly regime the person was paid under when they died.
        if (p.status === 'deceased' && p.statusDate) {
          const deathMonth = periodOfDate(p.statusDate);
          for (const e of [...own]) {
            const funeral = FUNERAL_AFTER[e.regimeCode];
            if (!funeral || !regimes.has(funeral) || own.some((x) => x.regimeCode === funeral)) continue;
            if (monthIndex(e.from) > monthIndex(deathMonth) || monthIndex(deathMonth) > monthIndex(period)) continue;
            const values = { beneficiaryId: p.id, regimeCode: funeral, groupCode: null, hundredths: null, fromPeriod: deathMonth, toPeriod: deathMonth,
              overrideAmount: null, overrideReason: null, basis: 'Hỗ trợ mai táng khi người hưởng trợ cấp qua đời' };
            const id = w.insert(entitlementTable, values);
            own.push({ id, ...values, from: deathMonth, to: deathMonth });
            entitlementsDerived += 1;
          }
        }
      }

      const paid = new Map<string, Map<string, number>>();
      for (const row of paidBefore(sqlite, officeUnitId, period, ids)) {
        const k = `${row.beneficiaryId}:${row.regimeCode}`;
        let months = paid.get(k);
        if (!months) paid.set(k, (months = new Map()));
        for (const d of JSON.parse(row.detail) as MonthLine[]) months.set(d.month, (months.get(d.month) ?? 0) + d.amount);
      }
      const accounts = new Map<string, AccountForRoster[]>();
      for (const a of monthlyAccounts(sqlite, ids)) {
        let list = accounts.get(a.beneficiaryId);
        if (!list) accounts.set(a.beneficiaryId, (list = []));
        list.push(a);
      }
      // One rule for "listed twice" (the identity capability's): an ID or old CMND held by another live record.
      const duplicates = new Set(duplicateBlocks(sqlite, ids).map((b) => b.beneficiaryId));
      const previous = new Map(existing ? rosterLinesOfPeople(sqlite, rosterId, ids).map((l) => [l.id, l]) : []);

      for (const p of people) {
        const own = byPerson.get(p.id);
        if (!own) continue;
        const chain = chainOf(p.unitId);
        const regimeCodes = [...new Set(own.map((e) => e.regimeCode))].filter((code) => regimes.has(code));
        const dues = withOneOf(new Map(regimeCodes.map((code) => {
          const ents = own.filter((e) => e.regimeCode === code);
          return [code, (m: string) => dueInMonth(regimes.get(code)!, ents, p, levels, chain, m)];
        })));
        for (const code of regimeCodes) {
          const regime = regimes.get(code)!;
          const ents = own.filter((e) => e.regimeCode === code);
          const paidMonths = paid.get(`${p.id}:${code}`) ?? new Map<string, number>();
          const firstMonth = ents.reduce((m, e) => (e.from < m ? e.from : m), period);
          const dueOf = dues.get(code)!;
          const line = lineAmount(period, firstMonth, dueOf, paidMonths);
          if (p.monthlyAmount && regime.kind === 'monthly') {
            // A listed amount for someone owed nothing by age (an adult listed as an orphan child) is checked too:
            // computed 0, so that the clerk sees why the person has no line instead of finding them missing.
            const due = dueOf(period) ?? (outsideAgeBands(regime, ents, p, period) ? { month: period, amount: 0, level: 0, hundredths: 0, override: false } : null);
            amountChecksOpened += checkImportedAmount(w, checks, p.id, regime, p.monthlyAmount, due, period);
          }
          if (line.months === 0 && !line.problem) continue;

          const key = lineKeyOf(period, p.id, code);
          const before = previous.get(key);
          const releases = before ? (JSON.parse(before.releases) as Release[]) : [];
          const { channel, account } = channelFor(accounts.get(p.id) ?? [], JSON.parse(p.problems), toCash.has(`${p.id}:${code}`), releases);
          const verified = JSON.parse(p.verified) as Record<string, string>;
          const all = blocksOf({
            identityVerified: Boolean(p.idNumber && verified.idNumber), duplicateOpen: duplicates.has(p.id),
            usableAccount: account !== null || channel === 'cash' && toCash.has(`${p.id}:${code}`),
            status: p.status, statusDate: p.statusDate ? formatBirth(p.statusDate) : null, problem: line.problem, amount: line.amount,
          });
          const released = new Set(releases.map((r) => r.code));
          const blocks: Block[] = all.filter((b) => !released.has(b.code));
          const values = {
            rosterId, period, beneficiaryId: p.id, regimeCode: code, fullName: p.fullName, idNumber: p.idNumber, village: p.village,
            amount: line.amount, months: line.months, detail: JSON.stringify(line.detail), channel,
            bankBin: account?.bankBin ?? null, bankName: account?.bankName ?? null, accountNumber: account?.number ?? null, holderName: account?.holderName ?? null,
            blocks: JSON.stringify(blocks), releases: JSON.stringify(releases.filter((r) => all.some((b) => b.code === r.code))), held: blocks.length > 0 ? 1 : 0,
          };
          keep.add(key);
          if (before) {
            if (w.update(rosterLineTable, key, values).length) updated += 1;
          } else {
            w.insert(rosterLineTable, { id: key, ...values });
            created += 1;
          }
        }
      }
    }
    // Lines of the draft that no one is owed any more (or of people no longer on the register, or in the area).
    let removed = 0;
    for (const id of existing ? rosterLineIds(sqlite, rosterId) : []) {
      if (keep.has(id)) continue;
      w.tombstone(rosterLineTable, id);
      removed += 1;
    }
    const report = { rosterId, created, updated, removed, entitlementsDerived, amountChecksOpened };
    w.summary = { period, ...report };
    return report;
  }, { bulk: true }).result;
}

/**
 * Where the line is paid: the person's own account before an authorised person's (the register's one rule);
 * with none, cash at the commune is suggested and the line held until a person chooses post office or cash.
 */
function channelFor(accounts: AccountForRoster[], problems: unknown, switchedToCash: boolean, releases: Release[]):
  { channel: RosterChannel; account: AccountForRoster | null } {
  if (switchedToCash) return { channel: 'cash', account: null };
  const chosen = releases.find((r) => r.code === 'no-usable-account')?.channel;
  const kind = paymentChannelOf(accounts, Array.isArray(problems) ? problems : []);
  const own = accounts.find((a) => a.owner === 'self');
  if (own && kind !== 'authorised' && kind !== 'cash') return { channel: 'own-account', account: own };
  const authorised = accounts.find((a) => a.owner === 'authorised');
  if (authorised) return { channel: 'authorised-account', account: authorised };
  return { channel: chosen ?? 'cash', account: null };
}

/** An imported "mức trợ cấp" is only a check: a differing computed amount opens (or updates) a queue item. */
function checkImportedAmount(w: Writer, checks: ReturnType<typeof allAmountChecks>, beneficiaryId: string, regime: Regime,
  imported: number, due: ReturnType<typeof dueInMonth>, period: string): number {
  if (!due || 'problem' in due) return 0;
  const id = `${beneficiaryId}:${regime.code}`;
  const seen = checks.get(id);
  if (due.amount === imported) {
    if (seen && seen.status === 'open') w.update(amountCheckTable, id, { status: 'resolved', computedAmount: due.amount, period });
    return 0;
  }
  if (!seen) {
    w.insert(amountCheckTable, { id, beneficiaryId, regimeCode: regime.code, period, importedAmount: imported, computedAmount: due.amount, status: 'open' });
    return 1;
  }
  // Decided (or still open) on these same two figures: left as it is; a new computed or imported amount reopens it.
  if (seen.computedAmount === due.amount && seen.importedAmount === imported) return 0;
  w.update(amountCheckTable, id, { importedAmount: imported, computedAmount: due.amount, period, status: 'open' });
  return seen.status === 'open' ? 0 : 1;
}
