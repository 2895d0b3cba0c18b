import { z } from 'zod';

// The progress dashboard and the periodic reports: figures only (counts and amounts), never a person.

const n = z.number().int();
export const progressFiguresSchema = z.object({
  people: n,
  categories: z.object({ ncc: n, tncc: n, btxh: n, other: n, children: n, poorHouseholds: n, nearPoorHouseholds: n }),
  verified: z.object({ chip: n, matching: n }),
  mismatches: z.object({ open: n, resolved: n }),
  accounts: z.object({ own: n, authorised: n, none: n }),
  paidCashless: z.object({ count: n, amount: n }),
  paidCash: z.object({ count: n, amount: n }),
  changes: z.object({ added: n, stopped: n, deceased: n }),
});

export const reportPeriodInput = z.object({ period: z.string().min(4).max(10) }).strict();

/**
 * When this office's plan asks for the reports (the plans differ: Friday 9:00 or another day, the 14th or the 1st…):
 * the weekly report's weekday (1 = Monday … 7 = Sunday) and hour, the day of the next month by which the monthly
 * report is due, the day of the next quarter's first month before which the quarterly one is due.
 */
export const reminderRulesSchema = z.object({
  weeklyDay: z.number().int().min(1).max(7),
  weeklyHour: z.number().int().min(0).max(23),
  monthlyDay: z.number().int().min(1).max(28),
  quarterlyDay: z.number().int().min(1).max(28),
}).strict();

export const progressReportSchema = z.object({
  period: z.object({ code: z.string(), kind: z.enum(['week', 'month', 'quarter']), label: z.string(), from: z.string(), to: z.string() }),
  unit: z.object({ code: z.string(), name: z.string() }).nullable(),
  communes: z.array(z.object({ code: z.string(), name: z.string(), figures: progressFiguresSchema })),
  total: progressFiguresSchema,
  /** What was paid during the period per village (commune by its code), for the cash-less share against the 100 % target. */
  villages: z.array(z.object({ commune: z.string(), village: z.string(), paidCashless: z.object({ count: n, amount: n }), paidCash: z.object({ count: n, amount: n }) })),
  series: z.array(z.object({
    period: z.string(), label: z.string(), people: n, verified: n, withAccount: n, paidCashlessCount: n, paidCashlessAmount: n, mismatchesOpen: n,
  })),
});
export type ProgressReportOutput = z.output<typeof progressReportSchema>;

export const exportProgressInput = reportPeriodInput.extend({ format: z.enum(['xlsx', 'pdf']) }).strict();
/** The periodic reports: weekly data entry, monthly, quarterly (figures), and the NCC list by group (B08/QT-LĐTBXH: names). */
export const PERIODIC_REPORTS = ['weekly', 'monthly', 'quarterly', 'ncc-b08'] as const;
export const exportPeriodicInput = reportPeriodInput.extend({ report: z.enum(PERIODIC_REPORTS), format: z.enum(['xlsx', 'pdf']) }).strict();

export const exportProgressOutput = z.object({ fileName: z.string(), downloadRef: z.string() });
