import { z } from 'zod';
import { CHANNELS, BLOCK_CODES } from '../payout/roster-line';

export const periodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Kỳ chi trả phải có dạng YYYY-MM');
const channelSchema = z.enum(CHANNELS);
const blockSchema = z.object({ code: z.enum(BLOCK_CODES), message: z.string() });
const channelTotal = z.object({ lines: z.number().int(), amount: z.number().int() });

export const rosterLineSchema = z.object({
  key: z.string(),
  idNumber: z.string().nullable(),
  fullName: z.string(),
  village: z.string().nullable(),
  regime: z.string(),
  amount: z.number().int(),
  months: z.number().int(),
  channel: channelSchema,
  bankBin: z.string().nullable(),
  accountNumber: z.string().nullable(),
  blocked: z.array(blockSchema),
  /** Blocks a person released, with the reason given. */
  released: z.array(z.object({ code: z.string(), reason: z.string() })),
  /** After reconciliation: paid, carried over, cancelled; before it, sent (approved/locked) or draft. */
  state: z.enum(['draft', 'sent', 'paid', 'carried-over', 'cancelled']),
  /** The payer's last result for the line (or the commune's confirmation of a cash payment), and the clerk's decision. */
  result: z.object({
    outcome: z.enum(['paid', 'failed', 'returned']),
    reason: z.string().nullable(),
    amount: z.number().int(),
    manual: z.boolean(),
    decision: z.enum(['carried-over', 'cash', 'cancelled']).nullable(),
    decisionReason: z.string().nullable(),
  }).nullable(),
});
export type RosterLineView = z.infer<typeof rosterLineSchema>;

export const rosterTotalsSchema = z.object({
  lines: z.number().int(),
  amount: z.number().int(),
  amountInWords: z.string(),
  byChannel: z.record(channelSchema, channelTotal),
  blocked: z.number().int(),
  cashlessShare: z.object({ byCount: z.number().nullable(), byAmount: z.number().nullable() }),
});

export const villageShareSchema = z.object({
  village: z.string(), lines: z.number().int(), amount: z.number().int(), byCount: z.number().nullable(), byAmount: z.number().nullable(),
});

export const rosterViewSchema = z.object({
  period: z.string(),
  status: z.enum(['draft', 'approved', 'locked']),
  unitName: z.string().nullable(),
  lines: z.array(rosterLineSchema),
  /** Lines matching the filter (lines holds one page of them). */
  matching: z.number().int(),
  totals: rosterTotalsSchema,
  villages: z.array(villageShareSchema),
  openAmountChecks: z.number().int(),
  /** The banks the month transfers to, each with its lines and amount: one transfer list per bank. */
  banks: z.array(z.object({ bankBin: z.string(), bankName: z.string().nullable(), lines: z.number().int(), amount: z.number().int() })),
  /** Where the lines stand after reconciliation: count and amount per state (every line ends paid, carried over or cancelled). */
  states: z.record(z.enum(['draft', 'sent', 'paid', 'carried-over', 'cancelled']), channelTotal),
});
export type RosterView = z.infer<typeof rosterViewSchema>;

/** all, held, paid at the commune or post office, released; after approval: awaiting a result, paid, not paid (failed or returned). */
export const ROSTER_FILTERS = ['all', 'blocked', 'cash', 'released', 'awaiting', 'paid', 'unpaid'] as const;
export type RosterFilter = (typeof ROSTER_FILTERS)[number];

export const rosterGetInput = z.object({
  period: periodSchema,
  filter: z.enum(ROSTER_FILTERS).default('all'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1_000_000).default(200),
}).strict();

export const rosterCreateOutput = z.object({
  period: z.string(), created: z.number().int(), updated: z.number().int(), removed: z.number().int(),
  entitlementsDerived: z.number().int(), amountChecksOpened: z.number().int(),
});

export const releaseInput = z.object({
  period: periodSchema,
  /** The lines to release (one, or a selection: every line held for this reason, say). */
  keys: z.array(z.string().min(1).max(200)).min(1).max(1_000_000),
  code: z.enum(BLOCK_CODES),
  reason: z.string().trim().min(5, 'Cần ghi lý do (ít nhất 5 ký tự)').max(500),
  /** For "no usable account": how the person is paid instead. */
  channel: z.enum(['post-office', 'cash']).nullable().default(null),
}).strict();

export const approveInput = z.object({
  period: periodSchema,
  /** Approve although lines are still held: they are left out of this payment and carried into the next period. */
  leaveBlockedOut: z.boolean().default(false),
}).strict();

export const rosterPeriodSchema = z.object({
  period: z.string(), status: z.enum(['draft', 'approved', 'locked']), lines: z.number().int(), held: z.number().int(),
});

export const rosterStatusOutput = z.object({ period: z.string(), status: z.enum(['draft', 'approved', 'locked']), heldOut: z.number().int() });

export const ROSTER_EXPORT_KINDS = ['bank', 'post-office', 'printable'] as const;
export const rosterExportInput = z.object({
  period: periodSchema,
  kind: z.enum(ROSTER_EXPORT_KINDS),
  format: z.enum(['xlsx', 'pdf']),
  /** The transfer list for one bank (its 6-digit BIN), kind bank only; absent: every bank, each in its own section. */
  bankBin: z.string().regex(/^\d{6}$/).optional(),
}).strict();
export const rosterExportOutput = z.object({ fileName: z.string(), count: z.number().int(), amount: z.number().int(), downloadRef: z.string() });

export const reconcileOutput = z.object({
  period: z.string(),
  file: z.string(),
  paid: z.number().int(),
  failed: z.number().int(),
  returned: z.number().int(),
  problems: z.array(z.object({ row: z.number().int(), code: z.enum(['unmatched', 'amount-differs', 'already-paid', 'blocked-line', 'bad-row']), message: z.string(), key: z.string().nullable() })),
  /** Lines still waiting for a result after this file. */
  awaiting: z.number().int(),
});
export type ReconcileReport = z.infer<typeof reconcileOutput>;

export const settleInput = z.object({
  period: periodSchema,
  key: z.string().min(1).max(200),
  /** carried-over: the months owed go into the next period as they are; cash: next period in cash; cancelled: not paid. */
  decision: z.enum(['carried-over', 'cash', 'cancelled']),
  reason: z.string().trim().min(5, 'Cần ghi lý do (ít nhất 5 ký tự)').max(500),
}).strict();

export const amountCheckSchema = z.object({
  id: z.string(), beneficiaryId: z.string(), fullName: z.string(), village: z.string().nullable(), regime: z.string(), period: z.string(),
  importedAmount: z.number().int(), computedAmount: z.number().int(), status: z.enum(['open', 'resolved']),
});

export const levelSchema = z.object({
  id: z.string(), levelCode: z.string(), unitId: z.string().nullable(), effectiveFrom: z.string(), amount: z.number().int(), basis: z.string(),
});
export const addLevelInput = z.object({
  levelCode: z.string().min(1).max(100),
  unitId: z.string().max(100).nullable().default(null),
  effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày áp dụng phải có dạng YYYY-MM-DD'),
  amount: z.number().int().min(1).max(1_000_000_000),
  basis: z.string().trim().min(5, 'Cần ghi căn cứ (số văn bản)').max(300),
}).strict();

export const reasonSchema = z.string().trim().min(5, 'Cần ghi lý do (ít nhất 5 ký tự)').max(500);

/** The commune's confirmation that cash lines were paid at the commune (the signed list), or by the post office. */
export const confirmPaidInput = z.object({
  period: periodSchema,
  keys: z.array(z.string().min(1).max(200)).min(1).max(1_000_000),
  /** `YYYY-MM-DD` the money was handed over. */
  paidOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày chi phải có dạng YYYY-MM-DD'),
  note: z.string().trim().max(500).default(''),
}).strict();
export const confirmPaidOutput = z.object({ paid: z.number().int(), skipped: z.array(z.object({ key: z.string(), message: z.string() })) });

/** An amount check decided: the computed amount is right (the list was wrong), or the imported one is kept as an override. */
export const resolveAmountCheckInput = z.object({
  id: z.string().min(1).max(200),
  decision: z.enum(['computed', 'imported']),
  reason: reasonSchema,
}).strict();

/** The units a level can apply in: the country (null), and the office's commune and the units above it. */
export const levelUnitSchema = z.object({ unitId: z.string().nullable(), name: z.string() });

/** What an entitlement pays for one month (the current one, within its from–to): level × coefficient, or its override. */
export const entitlementMonthSchema = z.object({
  period: z.string(), amount: z.number().int().nullable(), level: z.number().int().nullable(), hundredths: z.number().int().nullable(),
  override: z.boolean(), problem: z.string().nullable(),
});
export const entitlementSchema = z.object({
  id: z.string(),
  regimeCode: z.string(),
  groupCode: z.string().nullable(),
  hundredths: z.number().int().nullable(),
  from: z.string(),
  to: z.string().nullable(),
  overrideAmount: z.number().int().nullable(),
  overrideReason: z.string().nullable(),
  basis: z.string(),
  month: entitlementMonthSchema,
});
export type EntitlementView = z.infer<typeof entitlementSchema>;
export const entitlementsOutput = z.object({
  entitlements: z.array(entitlementSchema),
  regimes: z.array(z.object({ code: z.string(), name: z.string(), kind: z.enum(['monthly', 'one-off']) })),
});

/** A person's entitlement entered or corrected by hand (a decision): never an amount, but an override with its reason. */
export const saveEntitlementInput = z.object({
  id: z.string().min(1).max(200).nullable().default(null),
  beneficiaryId: z.string().min(1).max(100),
  regimeCode: z.string().min(1).max(100),
  groupCode: z.string().max(100).nullable().default(null),
  hundredths: z.number().int().min(1, 'Hệ số phải lớn hơn 0').max(10_000).nullable().default(null),
  from: periodSchema,
  to: periodSchema.nullable().default(null),
  overrideAmount: z.number().int().min(1, 'Mức điều chỉnh phải lớn hơn 0').max(1_000_000_000).nullable().default(null),
  overrideReason: z.string().trim().max(500).nullable().default(null),
  basis: z.string().trim().min(3, 'Cần ghi căn cứ (quyết định số …)').max(300),
}).strict().superRefine((v, ctx) => {
  if (v.overrideAmount !== null && (v.overrideReason ?? '').length < 5) {
    ctx.addIssue({ code: 'custom', path: ['overrideReason'], message: 'Mức điều chỉnh cần ghi lý do (ít nhất 5 ký tự)' });
  }
  if (v.to !== null && v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Đến tháng không được trước Từ tháng' });
});
