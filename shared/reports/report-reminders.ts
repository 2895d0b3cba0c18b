import { periodAt, type PeriodKind } from './report-period';

// When the plans ask for the reports: the weekly data-entry report every Friday before 9:00 (Bình Lục), the monthly
// report by the 14th of the next month (Lạc Hồng), the quarterly report before the 5th of the next quarter (Uông Bí).
// The dashboard reminds of each in the days before its deadline. Vietnam time. Pure.

export interface ReportReminder {
  kind: PeriodKind;
  /** The period the report covers. */
  period: string;
  /** The deadline, Vietnam's wall clock: "2026-12-04T09:00". */
  deadline: string;
  /** Whole hours left (0 in the last hour). */
  hoursLeft: number;
}

export interface ReminderRules {
  /** Weekday of the weekly deadline (1 = Monday … 5 = Friday) and its hour. */
  weeklyDay: number;
  weeklyHour: number;
  /** Day of the next month by which the monthly report is due (its end, 23:59). */
  monthlyDay: number;
  /** Day of the first month of the next quarter before which the quarterly report is due. */
  quarterlyDay: number;
}

export const DEFAULT_RULES: ReminderRules = { weeklyDay: 5, weeklyHour: 9, monthlyDay: 14, quarterlyDay: 5 };

/** How long before its deadline each report is shown as due. */
const WINDOW_HOURS: Record<PeriodKind, number> = { week: 48, month: 5 * 24, quarter: 7 * 24 };
const VN = 7 * 3600_000;
const HOUR = 3600_000;
const DAY = 24 * HOUR;

export function dueReports(nowMs: number, rules: ReminderRules = DEFAULT_RULES): ReportReminder[] {
  const out: ReportReminder[] = [];
  const push = (kind: PeriodKind, period: string, deadlineVnMs: number) => {
    const left = deadlineVnMs - VN - nowMs;
    if (left >= 0 && left <= WINDOW_HOURS[kind] * HOUR) {
      out.push({ kind, period, deadline: new Date(deadlineVnMs).toISOString().slice(0, 16), hoursLeft: Math.floor(left / HOUR) });
    }
  };
  // Weekly: this week's report, due this week's Friday 9:00 (data entered up to then).
  const week = periodAt('week', nowMs);
  const monday = Date.parse(`${week.from}T00:00:00Z`);
  push('week', week.code, monday + (rules.weeklyDay - 1) * DAY + rules.weeklyHour * HOUR);
  // Monthly: last month's report, due by the end of the given day of this month; with an early day (the 1st) the days
  // before it fall in the month reported on, so this month's report, due next month, is looked at too.
  const month = periodAt('month', nowMs);
  const lastMonth = periodAt('month', month.startMs - 1);
  const nextMonth = periodAt('month', month.endMs + 1);
  push('month', lastMonth.code, Date.parse(`${month.from}T00:00:00Z`) + rules.monthlyDay * DAY - 60_000);
  push('month', month.code, Date.parse(`${nextMonth.from}T00:00:00Z`) + rules.monthlyDay * DAY - 60_000);
  // Quarterly: last quarter's report, due before the given day of this quarter's first month (and, the same way,
  // this quarter's, due in the next one).
  const quarter = periodAt('quarter', nowMs);
  const lastQuarter = periodAt('quarter', quarter.startMs - 1);
  const nextQuarter = periodAt('quarter', quarter.endMs + 1);
  push('quarter', lastQuarter.code, Date.parse(`${quarter.from}T00:00:00Z`) + (rules.quarterlyDay - 1) * DAY);
  push('quarter', quarter.code, Date.parse(`${nextQuarter.from}T00:00:00Z`) + (rules.quarterlyDay - 1) * DAY);
  return out;
}
