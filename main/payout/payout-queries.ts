// Named reads of the payout, connection first (writes go through the write path in the service).

import type { SqliteConnection } from '../core/database/open-database';
import type { LevelRow } from '../../shared/payout/levels';
import type { Regime } from '../../shared/payout/regimes';
import type { EntitlementBasis } from '../../shared/payout/month-amounts';
import type { Block, RosterChannel } from '../../shared/payout/roster-line';

export interface PersonForRoster {
  id: string;
  unitId: string;
  fullName: string;
  idNumber: string | null;
  village: string | null;
  birth: string | null;
  status: 'active' | 'stopped' | 'deceased' | 'moved';
  statusDate: string | null;
  verified: string;
  problems: string;
  categoryGroup: string;
  categoryLabel: string;
  monthlyAmount: number | null;
}

/**
 * The next `limit` people on the register in the given units (null: all) after the row `afterRowid`, in the order
 * they were added, with what a roster needs of them.
 */
export function peopleForRoster(db: SqliteConnection, unitIds: readonly string[] | null, afterRowid: number, limit: number): (PersonForRoster & { rowid: number })[] {
  const scope = unitIds ? 'AND unit_id IN (SELECT value FROM json_each(?))' : '';
  // `+deleted`: left to itself SQLite answers each page from the list's covering index on `deleted` and sorts the
  // whole register again by rowid for every page of a thousand (quadratic: seconds for a commune of 100,000).
  return db.prepare(`SELECT rowid, id, unit_id AS unitId, full_name AS fullName, id_number AS idNumber, village, birth, status,
      status_date AS statusDate, verified, problems, category_group AS categoryGroup, category_label AS categoryLabel,
      monthly_amount AS monthlyAmount
    FROM beneficiaries WHERE rowid > ? AND +deleted = 0 ${scope} ORDER BY rowid LIMIT ?`)
    .all(afterRowid, ...(unitIds ? [JSON.stringify(unitIds)] : []), limit) as (PersonForRoster & { rowid: number })[];
}

export interface AccountForRoster {
  id: string;
  beneficiaryId: string;
  kind: 'bank' | 'e-wallet' | 'mobile-money';
  owner: 'self' | 'authorised';
  bankBin: string | null;
  bankName: string | null;
  number: string;
  holderName: string;
}

/** The active monthly accounts of these people (what a line is paid into). */
export function monthlyAccounts(db: SqliteConnection, beneficiaryIds: readonly string[]): AccountForRoster[] {
  return db.prepare(`SELECT id, beneficiary_id AS beneficiaryId, kind, owner, bank_bin AS bankBin, bank_name AS bankName, number,
      holder_name AS holderName
    FROM payment_accounts WHERE beneficiary_id IN (SELECT value FROM json_each(?)) AND deleted = 0 AND status = 'active' AND purpose = 'monthly'`)
    .all(JSON.stringify(beneficiaryIds)) as AccountForRoster[];
}

export interface EntitlementRow extends EntitlementBasis {
  id: string;
  beneficiaryId: string;
  basis: string;
}

/** The entitlements of these people. */
export function entitlementsOfPeople(db: SqliteConnection, beneficiaryIds: readonly string[]): EntitlementRow[] {
  return db.prepare(`SELECT id, beneficiary_id AS beneficiaryId, regime_code AS regimeCode, group_code AS groupCode, hundredths,
      from_period AS "from", to_period AS "to", override_amount AS overrideAmount, override_reason AS overrideReason, basis
    FROM entitlements WHERE beneficiary_id IN (SELECT value FROM json_each(?)) AND deleted = 0`).all(JSON.stringify(beneficiaryIds)) as EntitlementRow[];
}

export function entitlementsOf(db: SqliteConnection, beneficiaryId: string): EntitlementRow[] {
  return db.prepare(`SELECT id, beneficiary_id AS beneficiaryId, regime_code AS regimeCode, group_code AS groupCode, hundredths,
      from_period AS "from", to_period AS "to", override_amount AS overrideAmount, override_reason AS overrideReason, basis
    FROM entitlements WHERE deleted = 0 AND beneficiary_id = ? ORDER BY from_period`).all(beneficiaryId) as EntitlementRow[];
}

export function levelRows(db: SqliteConnection): (LevelRow & { id: string })[] {
  return db.prepare(`SELECT id, level_code AS levelCode, unit_id AS unitId, effective_from AS effectiveFrom, amount, basis
    FROM payout_levels WHERE deleted = 0 ORDER BY level_code, effective_from`).all() as (LevelRow & { id: string })[];
}

export function regimeRows(db: SqliteConnection): Regime[] {
  return db.prepare(`SELECT code, name, level_code AS levelCode, kind, default_hundredths AS defaultHundredths, default_group AS defaultGroup
    FROM payout_regimes WHERE deleted = 0 ORDER BY code`).all() as Regime[];
}

/** The unit and every unit above it (a commune's province): where locality levels apply. */
export function unitChain(db: SqliteConnection, unitId: string): string[] {
  return db.prepare(`WITH RECURSIVE up(id, depth) AS (SELECT ?, 0 UNION SELECT u.parent_id, up.depth + 1 FROM admin_units u JOIN up ON u.id = up.id
      WHERE u.parent_id IS NOT NULL) SELECT id FROM up ORDER BY depth`).pluck().all(unitId) as string[];
}

export interface RosterRow {
  id: string;
  unitId: string;
  period: string;
  status: 'draft' | 'approved' | 'locked';
  approvedBy: string | null;
  lockedBy: string | null;
}

const ROSTER_COLUMNS = 'id, unit_id AS unitId, period, status, approved_by AS approvedBy, locked_by AS lockedBy';

export function rosterFor(db: SqliteConnection, unitId: string, period: string): RosterRow | undefined {
  return db.prepare(`SELECT ${ROSTER_COLUMNS} FROM rosters WHERE deleted = 0 AND unit_id = ? AND period = ?`).get(unitId, period) as RosterRow | undefined;
}

export function rostersOf(db: SqliteConnection, unitId: string): RosterRow[] {
  return db.prepare(`SELECT ${ROSTER_COLUMNS} FROM rosters WHERE deleted = 0 AND unit_id = ? ORDER BY period`).all(unitId) as RosterRow[];
}

export interface LineRow {
  id: string;
  rosterId: string;
  period: string;
  beneficiaryId: string;
  regimeCode: string;
  fullName: string;
  idNumber: string | null;
  village: string | null;
  amount: number;
  months: number;
  detail: string;
  channel: RosterChannel;
  bankBin: string | null;
  bankName: string | null;
  accountNumber: string | null;
  holderName: string | null;
  blocks: string;
  releases: string;
  held: number;
}

export const LINE_COLUMNS = `id, roster_id AS rosterId, period, beneficiary_id AS beneficiaryId, regime_code AS regimeCode, full_name AS fullName,
  id_number AS idNumber, village, amount, months, detail, channel, bank_bin AS bankBin, bank_name AS bankName,
  account_number AS accountNumber, holder_name AS holderName, blocks, releases, held`;

/** A roster's lines in the printed order: by village, then name. */
export function rosterLines(db: SqliteConnection, rosterId: string): LineRow[] {
  return db.prepare(`SELECT ${LINE_COLUMNS} FROM roster_lines WHERE deleted = 0 AND roster_id = ?
    ORDER BY village COLLATE NOCASE, full_name, id`).all(rosterId) as LineRow[];
}

/**
 * The lines of a roster that are paid (not held back, with money to pay), in the channels given (null: all) and at the
 * bank given (null: any), in the printed order, with the columns that place them in a section: read one at a time (a
 * month has 100,000 lines).
 */
export function payableLineOutline(db: SqliteConnection, rosterId: string, channels: readonly RosterChannel[] | null, bankBin: string | null = null):
  Iterable<{ key: number } & Pick<LineRow, 'amount' | 'village' | 'bankName' | 'bankBin'>> {
  const rows = db.prepare(`SELECT rowid, amount, village, bank_name AS bankName, bank_bin AS bankBin FROM roster_lines
    WHERE deleted = 0 AND roster_id = ? AND held = 0 AND amount > 0 ${channels ? 'AND channel IN (SELECT value FROM json_each(?))' : ''}
    ${bankBin ? 'AND bank_bin = ?' : ''} ORDER BY village COLLATE NOCASE, full_name, id`).raw();
  const params = [rosterId, ...(channels ? [JSON.stringify(channels)] : []), ...(bankBin ? [bankBin] : [])];
  return (function* () {
    for (const [key, amount, village, bankName, bankBin] of rows.iterate(...params) as
      Iterable<[number, number, string | null, string | null, string | null]>) yield { key, amount, village, bankName, bankBin };
  })();
}

/** A roster's lines of these people. */
export function rosterLinesOfPeople(db: SqliteConnection, rosterId: string, beneficiaryIds: readonly string[]): LineRow[] {
  return db.prepare(`SELECT ${LINE_COLUMNS} FROM roster_lines WHERE beneficiary_id IN (SELECT value FROM json_each(?)) AND deleted = 0 AND roster_id = ?`)
    .all(JSON.stringify(beneficiaryIds), rosterId) as LineRow[];
}

/** The ids of a roster's lines. */
export function rosterLineIds(db: SqliteConnection, rosterId: string): string[] {
  return db.prepare('SELECT id FROM roster_lines WHERE deleted = 0 AND roster_id = ?').pluck().all(rosterId) as string[];
}

/**
 * Lines by the row keys an outline gave (any order, each with its key): an export reads a month's lines this way, a
 * chunk at a time, and the row key finds each in one step where its id would take two.
 */
export function linesByRowids(db: SqliteConnection, keys: readonly number[]): (LineRow & { key: number })[] {
  return db.prepare(`SELECT rowid AS key, ${LINE_COLUMNS} FROM roster_lines WHERE rowid IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(keys)) as (LineRow & { key: number })[];
}

/** How many of a roster's lines are still held back (counted by the database: a month has 100,000 lines). */
export function heldLineCount(db: SqliteConnection, rosterId: string): number {
  return db.prepare('SELECT count(*) FROM roster_lines WHERE deleted = 0 AND roster_id = ? AND held = 1').pluck().get(rosterId) as number;
}

export function rosterLine(db: SqliteConnection, id: string): LineRow | undefined {
  return db.prepare(`SELECT ${LINE_COLUMNS} FROM roster_lines WHERE deleted = 0 AND id = ?`).get(id) as LineRow | undefined;
}

export interface PaidMonths {
  beneficiaryId: string;
  regimeCode: string;
  detail: string;
}

/**
 * What earlier rosters paid: lines of approved or locked rosters before the period that were not held back and
 * did not come back failed or returned (unless the clerk cancelled them: then nothing more is owed for them).
 */
export function paidBefore(db: SqliteConnection, unitId: string, period: string, beneficiaryIds: readonly string[]): PaidMonths[] {
  return db.prepare(`SELECT l.beneficiary_id AS beneficiaryId, l.regime_code AS regimeCode, l.detail
    FROM roster_lines l JOIN rosters r ON r.id = l.roster_id
    WHERE l.beneficiary_id IN (SELECT value FROM json_each(?)) AND r.deleted = 0 AND r.unit_id = ? AND r.status IN ('approved', 'locked') AND r.period < ?
      AND l.deleted = 0 AND l.held = 0
      AND NOT EXISTS (SELECT 1 FROM payout_results x WHERE x.line_id = l.id AND x.deleted = 0 AND x.outcome IN ('failed', 'returned')
        AND coalesce(x.decision, 'carried-over') <> 'cancelled')`).all(JSON.stringify(beneficiaryIds), unitId, period) as PaidMonths[];
}

/** People whose last failed or returned line the clerk chose to pay in cash: their carried months go to cash. */
export function switchedToCash(db: SqliteConnection, unitId: string, period: string): Set<string> {
  const keys = db.prepare(`SELECT l.beneficiary_id || ':' || l.regime_code FROM payout_results x JOIN roster_lines l ON l.id = x.line_id
    JOIN rosters r ON r.id = l.roster_id
    WHERE x.deleted = 0 AND x.decision = 'cash' AND r.unit_id = ? AND r.period < ?`).pluck().all(unitId, period) as string[];
  return new Set(keys);
}

export interface ResultRow {
  id: string;
  lineId: string;
  outcome: 'paid' | 'failed' | 'returned';
  reason: string | null;
  amount: number;
  source: string;
  decision: 'carried-over' | 'cash' | 'cancelled' | null;
  decisionReason: string | null;
}

export function resultsOf(db: SqliteConnection, period: string): ResultRow[] {
  return db.prepare(`SELECT id, line_id AS lineId, outcome, reason, amount, source, decision, decision_reason AS decisionReason
    FROM payout_results WHERE deleted = 0 AND period = ? ORDER BY rowid`).all(period) as ResultRow[];
}

export function resultSourceSeen(db: SqliteConnection, source: string): boolean {
  return db.prepare('SELECT 1 FROM payout_results WHERE deleted = 0 AND source = ? LIMIT 1').get(source) !== undefined;
}

export interface AmountCheckRow {
  id: string;
  beneficiaryId: string;
  regimeCode: string;
  period: string;
  importedAmount: number;
  computedAmount: number;
  status: 'open' | 'resolved';
  fullName: string;
  village: string | null;
}

export function amountCheckRows(db: SqliteConnection, status: 'open' | 'resolved' | null): AmountCheckRow[] {
  return db.prepare(`SELECT c.id, c.beneficiary_id AS beneficiaryId, c.regime_code AS regimeCode, c.period, c.imported_amount AS importedAmount,
      c.computed_amount AS computedAmount, c.status, b.full_name AS fullName, b.village
    FROM amount_checks c JOIN beneficiaries b ON b.id = c.beneficiary_id
    WHERE c.deleted = 0 ${status ? 'AND c.status = ?' : ''} ORDER BY b.village, b.sort_key`).all(...(status ? [status] : [])) as AmountCheckRow[];
}

export function allAmountChecks(db: SqliteConnection): Map<string, { id: string; importedAmount: number; computedAmount: number; status: string }> {
  const rows = db.prepare(`SELECT id, imported_amount AS importedAmount, computed_amount AS computedAmount, status FROM amount_checks WHERE deleted = 0`).all() as { id: string; importedAmount: number; computedAmount: number; status: string }[];
  return new Map(rows.map((r) => [r.id, r]));
}

/** The office's unit as documents name it: its name and code, and the province above it. */
export function officePlaceOf(db: SqliteConnection, unitId: string): { communeName: string; communeCode: string; provinceName: string | null } {
  const row = db.prepare(`SELECT u.name, u.code, (SELECT p.name FROM admin_units p WHERE p.id = u.parent_id) AS parentName
    FROM admin_units u WHERE u.id = ?`).get(unitId) as { name: string; code: string; parentName: string | null } | undefined;
  return { communeName: row?.name ?? 'Xã', communeCode: row?.code ?? '', provinceName: row?.parentName ?? null };
}

export interface PersonBasisRow {
  id: string;
  unitId: string;
  birth: string | null;
  status: 'active' | 'stopped' | 'deceased' | 'moved';
  statusDate: string | null;
}

export function personBasisOf(db: SqliteConnection, beneficiaryId: string): PersonBasisRow | undefined {
  return db.prepare(`SELECT id, unit_id AS unitId, birth, status, status_date AS statusDate FROM beneficiaries WHERE deleted = 0 AND id = ?`)
    .get(beneficiaryId) as PersonBasisRow | undefined;
}

/** Where each person lives, for the post office that brings the money home: the permanent address, else the household's. */
export function addressesOf(db: SqliteConnection, beneficiaryIds: readonly string[]): Map<string, string | null> {
  const rows = db.prepare(`SELECT b.id, coalesce(nullif(trim(b.permanent_address), ''), nullif(trim(h.address), '')) AS address
    FROM beneficiaries b LEFT JOIN households h ON h.id = b.household_id
    WHERE b.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(beneficiaryIds)) as { id: string; address: string | null }[];
  return new Map(rows.map((r) => [r.id, r.address]));
}
