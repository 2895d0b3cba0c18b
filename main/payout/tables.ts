import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

// The monthly payout. Every table is synced (id, rev, deleted) and written only through the write path.

/** Standard levels by date and locality (null unit: national); the administrator adds rows as decrees change. */
export const payoutLevels = sqliteTable('payout_levels', {
  id: text('id').primaryKey(),
  levelCode: text('level_code').notNull(),
  unitId: text('unit_id'),
  effectiveFrom: text('effective_from').notNull(),
  amount: integer('amount').notNull(),
  basis: text('basis').notNull(),
  rev: integer('rev').notNull().default(1),
  deleted: integer('deleted').notNull().default(0),
}, (t) => [index('payout_levels_code').on(t.levelCode, t.effectiveFrom)]);

/** Regimes (chế độ): what a person can be entitled to and the level it is computed from. */
export const payoutRegimes = sqliteTable('payout_regimes', {
  id: text('id').primaryKey(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  levelCode: text('level_code').notNull(),
  kind: text('kind', { enum: ['monthly', 'one-off'] }).notNull(),
  defaultHundredths: integer('default_hundredths'),
  defaultGroup: text('default_group'),
  rev: integer('rev').notNull().default(1),
  deleted: integer('deleted').notNull().default(0),
}, (t) => [uniqueIndex('payout_regimes_code').on(t.code)]);

/** A person's entitlement to a regime: the basis the money is computed from (never a typed amount, but for an override with its reason). */
export const entitlements = sqliteTable('entitlements', {
  id: text('id').primaryKey(),
  beneficiaryId: text('beneficiary_id').notNull(),
  regimeCode: text('regime_code').notNull(),
  groupCode: text('group_code'),
  /** Coefficient in hundredths (250 = 2.5); null: from the group and the person's age. */
  hundredths: integer('hundredths'),
  fromPeriod: text('from_period').notNull(),
  toPeriod: text('to_period'),
  overrideAmount: integer('override_amount'),
  overrideReason: text('override_reason'),
  /** Where it comes from: the decision, or the register category it was derived from. */
  basis: text('basis').notNull(),
  rev: integer('rev').notNull().default(1),
  deleted: integer('deleted').notNull().default(0),
}, (t) => [index('entitlements_beneficiary').on(t.beneficiaryId)]);

/** One roster per office and period; once locked it is never edited (triggers refuse it). */
export const rosters = sqliteTable('rosters', {
  id: text('id').primaryKey(),
  unitId: text('unit_id').notNull(),
  period: text('period').notNull(),
  status: text('status', { enum: ['draft', 'approved', 'locked'] }).notNull().default('draft'),
  approvedBy: text('approved_by'),
  lockedBy: text('locked_by'),
  rev: integer('rev').notNull().default(1),
  deleted: integer('deleted').notNull().default(0),
}, (t) => [uniqueIndex('rosters_unit_period').on(t.unitId, t.period)]);

/**
 * A line per person and regime for the period. Its id is the idempotency key (period:person:regime): creating the
 * period again, a retry or the same line arriving through sync can never list anyone twice.
 */
export const rosterLines = sqliteTable('roster_lines', {
  id: text('id').primaryKey(),
  rosterId: text('roster_id').notNull(),
  period: text('period').notNull(),
  beneficiaryId: text('beneficiary_id').notNull(),
  regimeCode: text('regime_code').notNull(),
  fullName: text('full_name').notNull(),
  idNumber: text('id_number'),
  village: text('village'),
  amount: integer('amount').notNull(),
  months: integer('months').notNull(),
  /** JSON list of the months paid or recovered (month, due, paid, amount, level, coefficient). */
  detail: text('detail').notNull(),
  channel: text('channel', { enum: ['own-account', 'authorised-account', 'post-office', 'cash'] }).notNull(),
  bankBin: text('bank_bin'),
  bankName: text('bank_name'),
  accountNumber: text('account_number'),
  holderName: text('holder_name'),
  /** JSON list of {code, message} still holding the line back. */
  blocks: text('blocks').notNull().default('[]'),
  /** JSON list of {code, message, reason, by, channel?}: blocks a person released, with why. */
  releases: text('releases').notNull().default('[]'),
  /** 1 while blocks remain (kept by the service with `blocks`, for the paid-months query). */
  held: integer('held').notNull().default(0),
  rev: integer('rev').notNull().default(1),
  deleted: integer('deleted').notNull().default(0),
}, (t) => [
  index('roster_lines_roster').on(t.rosterId, t.village, t.fullName),
  index('roster_lines_person').on(t.beneficiaryId, t.regimeCode, t.period),
  // The lines still held back, counted at every approval: without it the count reads every line of the month.
  index('roster_lines_held').on(t.rosterId).where(sql`held = 1 AND deleted = 0`),
]);

/** What the payer reported for a line (reconciliation), and what the clerk decided for a failed or returned one. */
export const payoutResults = sqliteTable('payout_results', {
  id: text('id').primaryKey(),
  lineId: text('line_id').notNull(),
  period: text('period').notNull(),
  outcome: text('outcome', { enum: ['paid', 'failed', 'returned'] }).notNull(),
  reason: text('reason'),
  amount: integer('amount').notNull(),
  /** SHA-256 of the result file it came from ('manual' for a clerk's confirmation). */
  source: text('source').notNull(),
  /** For failed / returned: carried over (default), paid in cash next period, or cancelled. */
  decision: text('decision', { enum: ['carried-over', 'cash', 'cancelled'] }),
  decisionReason: text('decision_reason'),
  rev: integer('rev').notNull().default(1),
  deleted: integer('deleted').notNull().default(0),
}, (t) => [index('payout_results_line').on(t.lineId), index('payout_results_source').on(t.source)]);

/** The queue of imported amounts ("mức trợ cấp") that differ from the computed one. */
export const amountChecks = sqliteTable('amount_checks', {
  id: text('id').primaryKey(),
  beneficiaryId: text('beneficiary_id').notNull(),
  regimeCode: text('regime_code').notNull(),
  period: text('period').notNull(),
  importedAmount: integer('imported_amount').notNull(),
  computedAmount: integer('computed_amount').notNull(),
  status: text('status', { enum: ['open', 'resolved'] }).notNull().default('open'),
  rev: integer('rev').notNull().default(1),
  deleted: integer('deleted').notNull().default(0),
}, (t) => [index('amount_checks_status').on(t.status, t.beneficiaryId)]);
