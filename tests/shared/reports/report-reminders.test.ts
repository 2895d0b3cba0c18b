import { describe, expect, it } from 'vitest';
import { dueReports } from '../../../shared/reports/report-reminders';

/** An instant given as Vietnam's wall clock. */
const vn = (local: string) => Date.parse(`${local}:00Z`) - 7 * 3600_000;

describe('due-report reminders', () => {
  it('reminds of the weekly report from two days before Friday 9:00 until then', () => {
    expect(dueReports(vn('2026-12-02T10:00'))).toEqual([{ kind: 'week', period: '2026-W49', deadline: '2026-12-04T09:00', hoursLeft: 47 }]);
    expect(dueReports(vn('2026-12-04T08:30'))).toEqual([expect.objectContaining({ kind: 'week', hoursLeft: 0 })]);
    expect(dueReports(vn('2026-12-04T09:01')).filter((r) => r.kind === 'week')).toEqual([]);
    expect(dueReports(vn('2026-11-30T10:00')).filter((r) => r.kind === 'week')).toEqual([]);
  });

  it('reminds of last month\'s report before the 14th and last quarter\'s before the 5th', () => {
    expect(dueReports(vn('2026-12-10T08:00')).filter((r) => r.kind === 'month')).toEqual([{ kind: 'month', period: '2026-11', deadline: '2026-12-14T23:59', hoursLeft: 111 }]);
    expect(dueReports(vn('2026-12-15T08:00')).filter((r) => r.kind === 'month')).toEqual([]);
    expect(dueReports(vn('2027-01-02T08:00')).filter((r) => r.kind === 'quarter')).toEqual([{ kind: 'quarter', period: '2026-Q4', deadline: '2027-01-05T00:00', hoursLeft: 64 }]);
    expect(dueReports(vn('2027-01-05T08:00')).filter((r) => r.kind === 'quarter')).toEqual([]);
  });

  it("follows another plan's deadlines: the weekly report on Thursday 16:00, the monthly one on the 1st (Đồng Nai)", () => {
    const plan = { weeklyDay: 4, weeklyHour: 16, monthlyDay: 1, quarterlyDay: 10 };
    expect(dueReports(vn('2026-12-02T10:00'), plan).filter((r) => r.kind === 'week')).toEqual([{ kind: 'week', period: '2026-W49', deadline: '2026-12-03T16:00', hoursLeft: 30 }]);
    // Due on the 1st: the reminder starts in the last days of the month reported on.
    expect(dueReports(vn('2026-11-28T10:00'), plan).filter((r) => r.kind === 'month')).toEqual([{ kind: 'month', period: '2026-11', deadline: '2026-12-01T23:59', hoursLeft: 85 }]);
    expect(dueReports(vn('2026-11-20T10:00'), plan).filter((r) => r.kind === 'month')).toEqual([]);
    expect(dueReports(vn('2026-12-01T10:00'), plan).filter((r) => r.kind === 'month')).toEqual([{ kind: 'month', period: '2026-11', deadline: '2026-12-01T23:59', hoursLeft: 13 }]);
    expect(dueReports(vn('2027-01-08T10:00'), plan).filter((r) => r.kind === 'quarter')).toEqual([{ kind: 'quarter', period: '2026-Q4', deadline: '2027-01-10T00:00', hoursLeft: 38 }]);
  });
});

