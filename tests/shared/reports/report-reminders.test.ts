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
});
