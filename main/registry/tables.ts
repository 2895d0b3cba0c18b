import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

// Every synced table has: id (text, generated), rev (bumped by each command that touches the row),
// deleted (tombstone: synced records are never hard-deleted).

/**
 * Administrative units with versioned codes: communes were merged on 1 July 2025 and new communes
 * reuse old codes, so a unit is identified by code + the date from which that code means this unit.
 */
export const adminUnits = sqliteTable('admin_units', {
  id: text('id').primaryKey(),
  code: text('code').notNull(),
  effectiveFrom: text('effective_from').notNull(),
  effectiveTo: text('effective_to'),
  name: text('name').notNull(),
  level: text('level', { enum: ['province', 'district', 'commune'] }).notNull(),
  parentId: text('parent_id'),
  rev: integer('rev').notNull().default(1),
  deleted: integer('deleted').notNull().default(0),
}, (t) => [
  uniqueIndex('admin_units_code_version').on(t.code, t.effectiveFrom),
  // A user's area is the units listed and everything under them: walked down by parent, among 14,000 official units.
  index('admin_units_parent').on(t.parentId),
]);

export const households = sqliteTable('households', {
  id: text('id').primaryKey(),
  unitId: text('unit_id').notNull().references(() => adminUnits.id),
  village: text('village'),
  headName: text('head_name').notNull(),
  address: text('address'),
  kind: text('kind', { enum: ['ordinary', 'poor', 'near-poor'] }).notNull().default('ordinary'),
  /** The member who heads the household (head_name keeps the name, also for a head who is not on the register). */
  headId: text('head_id'),
  rev: integer('rev').notNull().default(1),
  deleted: integer('deleted').notNull().default(0),
}, (t) => [index('households_unit').on(t.unitId)]);

export const beneficiaries = sqliteTable('beneficiaries', {
  id: text('id').primaryKey(),
  unitId: text('unit_id').notNull().references(() => adminUnits.id),
  householdId: text('household_id').references(() => households.id),
  village: text('village'),
  fullName: text('full_name').notNull(),
  /** Folded name (no tones, đ→d, lowercase), kept by the write path for search. */
  searchName: text('search_name').notNull(),
  /** Vietnamese-order key (given, middle, family), kept by the write path for the list. */
  sortKey: text('sort_key').notNull(),
  birth: text('birth'),
  sex: text('sex', { enum: ['M', 'F'] }),
  idNumber: text('id_number'),
  oldIdNumber: text('old_id_number'),
  /** The ID and old ID written backwards, kept by the write path: "ends with 5678" becomes an index range. */
  idNumberReversed: text('id_number_reversed'),
  oldIdNumberReversed: text('old_id_number_reversed'),
  hometown: text('hometown'),
  permanentAddress: text('permanent_address'),
  ethnicity: text('ethnicity'),
  categoryGroup: text('category_group').notNull(),
  categoryLabel: text('category_label').notNull(),
  monthlyAmount: integer('monthly_amount'),
  paymentChannel: text('payment_channel', { enum: ['bank', 'e-wallet', 'mobile-money', 'authorised', 'cash'] }).notNull().default('cash'),
  status: text('status', { enum: ['active', 'stopped', 'deceased', 'moved'] }).notNull().default('active'),
  /** `YYYY-MM-DD` the status took effect (the date of death for 'deceased'); payments stop the month after. */
  statusDate: text('status_date'),
  statusReason: text('status_reason'),
  /**
   * JSON object field → how it was verified ('chip' | 'manual' | 'population'): a local summary of the synced
   * field_verifications table (main/identity/verification.ts), kept by its triggers; commands never write it.
   */
  verified: text('verified').notNull().default('{}'),
  /** JSON list of {field, code, message} still to fix. */
  problems: text('problems').notNull().default('[]'),
  rev: integer('rev').notNull().default(1),
  deleted: integer('deleted').notNull().default(0),
}, (t) => [
  // Covering index for walking the list in order (and for any order-by-name query over the whole register) while checking the
  // folded name or the digits of the IDs (very common type-ahead queries: "nguyen", the start of an ID).
  index('beneficiaries_search_walk').on(t.deleted, t.sortKey, t.searchName, t.unitId, t.idNumber, t.oldIdNumber),
  // Also serves import matching by name within a commune: birth and ID are checked from the index itself.
  index('beneficiaries_unit_sort').on(t.unitId, t.deleted, t.sortKey, t.birth, t.idNumber),
  // The start of an ID read out ("035137…": a province, sex and birth year) matches thousands: these carry what the
  // list needs to sort and count them (name order, unit) without reading a row.
  index('beneficiaries_id_number').on(t.idNumber, t.deleted, t.sortKey, t.unitId),
  index('beneficiaries_old_id_number').on(t.oldIdNumber, t.deleted, t.sortKey, t.unitId),
  index('beneficiaries_household').on(t.householdId),
  index('beneficiaries_id_number_reversed').on(t.idNumberReversed).where(sql`id_number_reversed IS NOT NULL`),
  index('beneficiaries_old_id_number_reversed').on(t.oldIdNumberReversed).where(sql`old_id_number_reversed IS NOT NULL`),
  // The list's "có vấn đề cần sửa" and "cần tài khoản" filters walk these small indexes in name order, never the table.
  index('beneficiaries_problems_walk').on(t.deleted, t.sortKey, t.unitId).where(sql`problems <> '[]'`),
  index('beneficiaries_unbanked_walk').on(t.deleted, t.sortKey, t.unitId).where(sql`status = 'active' AND payment_channel = 'cash'`),
]);

/** Where a beneficiary's money goes: their own account or an authorised person's. */
export const paymentAccounts = sqliteTable('payment_accounts', {
  id: text('id').primaryKey(),
  beneficiaryId: text('beneficiary_id').notNull().references(() => beneficiaries.id),
  kind: text('kind', { enum: ['bank', 'e-wallet', 'mobile-money'] }).notNull(),
  owner: text('owner', { enum: ['self', 'authorised'] }).notNull().default('self'),
  bankBin: text('bank_bin'),
  bankName: text('bank_name'),
  /** Always text: account numbers keep their leading zeros and can be longer than 15 digits. */
  number: text('number').notNull(),
  holderName: text('holder_name').notNull(),
  holderIdNumber: text('holder_id_number'),
  status: text('status', { enum: ['active', 'closed'] }).notNull().default('active'),
  /** What the account receives: a person has at most one active account per purpose. */
  purpose: text('purpose', { enum: ['monthly', 'one-off'] }).notNull().default('monthly'),
  rev: integer('rev').notNull().default(1),
  deleted: integer('deleted').notNull().default(0),
}, (t) => [index('payment_accounts_beneficiary').on(t.beneficiaryId)]);
