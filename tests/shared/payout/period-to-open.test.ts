import { describe, expect, it } from 'vitest';
import { periodToOpen } from '../../../shared/payout/periods';

describe('the month the payout screen opens on', () => {
  it.each([
    ['no roster yet: next month', [], '2026-12-03', '2027-01'],
    ["this month's draft: this month", [{ period: '2026-12', status: 'draft' }], '2026-12-03', '2026-12'],
    ["this month's approved roster, not locked: this month", [{ period: '2026-12', status: 'approved' }, { period: '2026-11', status: 'locked' }], '2026-12-20', '2026-12'],
    ['this month locked: next month', [{ period: '2026-12', status: 'locked' }], '2026-12-03', '2027-01'],
    ["last month's draft still open comes first", [{ period: '2027-01', status: 'draft' }, { period: '2026-11', status: 'draft' }], '2026-12-03', '2026-11'],
    ['an old draft left behind is not reopened', [{ period: '2026-06', status: 'draft' }], '2026-12-03', '2027-01'],
    ['next month prepared in advance', [{ period: '2026-12', status: 'locked' }, { period: '2027-01', status: 'draft' }], '2026-12-22', '2027-01'],
    ['across the year', [], '2026-12-31', '2027-01'],
  ])('%s', (_what, rosters, today, expected) => {
    expect(periodToOpen(rosters, today)).toBe(expected);
  });
});
