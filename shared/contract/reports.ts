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
  changes: z.object({ added: n, stopped: n, deceased: n }),
});

export const reportPeriodInput = z.object({ period: z.string().min(4).max(10) }).strict();

export const progressReportSchema = z.object({
  period: z.object({ code: z.string(), kind: z.enum(['week', 'month', 'quarter']), label: z.string(), from: z.string(), to: z.string() }),
  unit: z.object({ code: z.string(), name: z.string() }).nullable(),
  communes: z.array(z.object({ code: z.string(), name: z.string(), figures: progressFiguresSchema })),
  total: progressFiguresSchema,
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
