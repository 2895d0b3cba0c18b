import { z } from 'zod';

export const BENEFICIARY_STATUSES = ['active', 'stopped', 'deceased', 'moved'] as const;
export const PAYMENT_CHANNELS = ['bank', 'e-wallet', 'mobile-money', 'authorised', 'cash'] as const;

/** `YYYY-MM-DD`, or `YYYY` when only the year is known (common for old people). */
export const birthSchema = z.string().regex(/^\d{4}(-\d{2}-\d{2})?$/);

export const problemSchema = z.object({
  field: z.string(), code: z.string(), message: z.string(),
  /** A problem an import found: the value the list had, its column, and where (import, sheet, row). */
  value: z.string().optional(),
  column: z.string().optional(),
  source: z.object({ importId: z.string(), sheet: z.string(), row: z.number().int() }).optional(),
});

export const beneficiaryRowSchema = z.object({
  id: z.string(),
  fullName: z.string(),
  birth: birthSchema.nullable(),
  sex: z.enum(['M', 'F']).nullable(),
  idNumber: z.string().nullable(),
  village: z.string().nullable(),
  categoryGroup: z.string(),
  categoryLabel: z.string(),
  monthlyAmount: z.number().int().nullable(),
  paymentChannel: z.enum(PAYMENT_CHANNELS),
  status: z.enum(BENEFICIARY_STATUSES),
  problemCount: z.number().int(),
});
export type BeneficiaryRow = z.infer<typeof beneficiaryRowSchema>;

export const paymentAccountSchema = z.object({
  id: z.string(),
  kind: z.enum(['bank', 'e-wallet', 'mobile-money']),
  owner: z.enum(['self', 'authorised']),
  bankBin: z.string().nullable(),
  bankName: z.string().nullable(),
  number: z.string(),
  holderName: z.string(),
  holderIdNumber: z.string().nullable().default(null),
  status: z.enum(['active', 'closed']),
  purpose: z.enum(['monthly', 'one-off']).default('monthly'),
  rev: z.number().int().default(1),
});

export const beneficiaryDetailSchema = beneficiaryRowSchema.extend({
  oldIdNumber: z.string().nullable(),
  hometown: z.string().nullable(),
  permanentAddress: z.string().nullable(),
  ethnicity: z.string().nullable(),
  unitName: z.string(),
  household: z.object({ id: z.string(), headName: z.string(), kind: z.string(), memberCount: z.number().int(), isHead: z.boolean().default(false) }).nullable(),
  statusDate: z.string().nullable().default(null),
  statusReason: z.string().nullable().default(null),
  accounts: z.array(paymentAccountSchema),
  verified: z.record(z.string(), z.enum(['chip', 'manual', 'population'])),
  problems: z.array(problemSchema),
  /** The revision the record is at: an edit names the one it started from (another user's save in between is refused). */
  rev: z.number().int(),
  unitId: z.string(),
  /** The newest hand edit not undone yet, for "Hoàn tác lần sửa cuối". */
  lastEdit: z.object({ commandId: z.string(), command: z.string(), userName: z.string().nullable(), at: z.string(), mine: z.boolean() }).nullable().default(null),
});
export type BeneficiaryDetail = z.infer<typeof beneficiaryDetailSchema>;

/** The list's columns a clerk can sort by (clicking the header). */
export const LIST_SORTS = ['name', 'birth', 'idNumber', 'village', 'category', 'amount', 'channel', 'status', 'problems'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

/** What the list shows: the same filters choose the rows of an export of "the filtered list". */
export const listFilterFields = {
  /** Words of the name and/or part of an ID number (its last or first digits), CCCD or old CMND. */
  query: z.string().max(100).default(''),
  village: z.string().max(200).nullable().default(null),
  categoryGroup: z.string().max(50).nullable().default(null),
  status: z.enum(BENEFICIARY_STATUSES).nullable().default(null),
  /** "có vấn đề cần sửa": records with problems still to fix. */
  hasProblems: z.boolean().default(false),
  /** "cần tài khoản": people still receiving, without an account (paid in cash). */
  needsAccount: z.boolean().default(false),
  /** "từ lần nhập …": records the given import command inserted or changed. */
  fromImport: z.string().max(100).nullable().default(null),
  sort: z.enum(LIST_SORTS).default('name'),
  descending: z.boolean().default(false),
};
export const listFiltersSchema = z.object(listFilterFields);
export type ListFilterInput = z.infer<typeof listFiltersSchema>;

export const listBeneficiariesInput = z.object({
  ...listFilterFields,
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type ListBeneficiariesInput = z.input<typeof listBeneficiariesInput>;

export const listBeneficiariesOutput = z.object({
  rows: z.array(beneficiaryRowSchema),
  total: z.number().int(),
  /** true when total is a lower bound ("hơn 5.000"): counting every match of a 2-letter query is not worth the wait. */
  totalIsLowerBound: z.boolean(),
});
export type ListBeneficiariesOutput = z.infer<typeof listBeneficiariesOutput>;

/** An import the list can be narrowed to ("từ lần nhập …"). */
export const importChoiceSchema = z.object({
  commandId: z.string(),
  at: z.string(),
  fileName: z.string().nullable(),
  userName: z.string().nullable(),
});
export type ImportChoice = z.infer<typeof importChoiceSchema>;

export const facetsOutput = z.object({
  villages: z.array(z.string()),
  imports: z.array(importChoiceSchema),
  categoryGroups: z.array(z.object({ group: z.string(), count: z.number().int() })),
  statuses: z.array(z.object({ status: z.enum(BENEFICIARY_STATUSES), count: z.number().int() })),
});

export const historyEntrySchema = z.object({
  at: z.string(),
  /** The person's own record, or one of their payment accounts. */
  entity: z.enum(['beneficiary', 'account', 'photo', 'mismatch']),
  userName: z.string().nullable(),
  command: z.string(),
  origin: z.string(),
  op: z.enum(['insert', 'update', 'tombstone']),
  field: z.string().nullable(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  /** The reason given for the change (a verified field, a status change), when one was asked for. */
  reason: z.string().nullable().default(null),
  /** The command that made the change, for "undo the last edit". */
  commandId: z.string().nullable().default(null),
  /** A change of a record merged into this one (a merge keeps both histories): that record's id. */
  mergedFrom: z.string().nullable().default(null),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

// ---- The register by hand ----

/** Fields of the canonical record a clerk edits. Values travel as typed (dates dd/mm/yyyy or a year); the services read them. */
export const EDITABLE_FIELDS = [
  'fullName', 'birth', 'sex', 'idNumber', 'oldIdNumber', 'ethnicity', 'hometown', 'permanentAddress', 'village',
  'categoryGroup', 'categoryLabel', 'monthlyAmount',
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

const typed = z.string().max(500).nullable().optional();
export const personFieldsInput = z.object(Object.fromEntries(EDITABLE_FIELDS.map((f) => [f, typed])) as Record<EditableField, typeof typed>).strict();
export type PersonFieldsInput = z.infer<typeof personFieldsInput>;

export const savePersonInput = z.object({
  /** null: a new person. */
  id: z.string().max(100).nullable(),
  /** A new person's commune: null = the office's own. */
  unitId: z.string().max(100).nullable().default(null),
  /** The revision the clerk's form was filled from (an edit). */
  baseRev: z.number().int().nullable().default(null),
  /** Only the fields the clerk changed. */
  fields: personFieldsInput,
  /** Why a verified field is changed, by field. */
  reasons: z.record(z.string().max(50), z.string().max(500)).default({}),
}).strict();
export type SavePersonInput = z.input<typeof savePersonInput>;

/** The communes a new person may be added to: an office above the commune must choose one of them. */
export const personCommunesSchema = z.object({
  /** The office covers several communes: the form asks which (a commune office: false, and its one commune). */
  required: z.boolean(),
  /** The office's communes in force within the user's units, by name. */
  communes: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
});
export type PersonCommunes = z.infer<typeof personCommunesSchema>;

export const editConflictSchema = z.object({
  message: z.string(),
  by: z.string().nullable(),
  at: z.string().nullable(),
  current: beneficiaryDetailSchema,
});
export type EditConflict = z.infer<typeof editConflictSchema>;

/** A save either happens whole or not at all: refused fields come back with their message, a stale form with the current record. */
export const saveOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('saved'), id: z.string(), rev: z.number().int(), changed: z.array(z.string()), warnings: z.array(problemSchema) }),
  z.object({ outcome: z.literal('invalid'), errors: z.array(problemSchema) }),
  z.object({ outcome: z.literal('conflict'), conflict: editConflictSchema }),
]);
export type SaveOutcome = z.infer<typeof saveOutcomeSchema>;

export const changeStatusInput = z.object({
  ids: z.array(z.string().max(100)).min(1).max(20_000),
  status: z.enum(BENEFICIARY_STATUSES),
  /** As typed, dd/mm/yyyy: the day it took effect (the date of death). */
  date: z.string().max(20),
  reason: z.string().max(500),
  /** One person from their record: the revision the clerk saw. */
  baseRev: z.number().int().nullable().default(null),
}).strict();

export const statusChangeOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('saved'), changed: z.number().int() }),
  z.object({ outcome: z.literal('invalid'), errors: z.array(problemSchema) }),
  z.object({ outcome: z.literal('conflict'), conflict: editConflictSchema }),
]);
export type StatusChangeOutcome = z.infer<typeof statusChangeOutcomeSchema>;

export const saveAccountInput = z.object({
  beneficiaryId: z.string().max(100),
  /** null: a new account. */
  id: z.string().max(100).nullable(),
  baseRev: z.number().int().nullable().default(null),
  kind: z.enum(['bank', 'e-wallet', 'mobile-money']),
  owner: z.enum(['self', 'authorised']),
  purpose: z.enum(['monthly', 'one-off']).default('monthly'),
  /** The bank by name, short name or BIN; the wallet or mobile-money service by name. */
  provider: z.string().max(200),
  number: z.string().max(60),
  holderName: z.string().max(200).nullable().default(null),
  holderIdNumber: z.string().max(30).nullable().default(null),
}).strict();

export const accountOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('saved'), id: z.string() }),
  z.object({ outcome: z.literal('invalid'), errors: z.array(problemSchema) }),
]);
export type AccountOutcome = z.infer<typeof accountOutcomeSchema>;

export const householdSummarySchema = z.object({ id: z.string(), headName: z.string(), village: z.string().nullable(), kind: z.string(), memberCount: z.number().int() });
