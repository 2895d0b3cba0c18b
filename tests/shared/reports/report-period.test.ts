import { describe, expect, it } from 'vitest';
import { parsePeriod, periodAt, periodsUpTo } from '../../../shared/reports/report-period';

describe('report periods', () => {
  it('reads ISO weeks, months and quarters, in Vietnam\'s days', () => {
    expect(parsePeriod('2026-W48')).toMatchObject({ kind: 'week', from: '2026-11-23', to: '2026-11-29', label: 'Tuần 48/2026 (23/11–29/11/2026)' });
    expect(parsePeriod('2026-11')).toMatchObject({ kind: 'month', from: '2026-11-01', to: '2026-11-30', label: 'Tháng 11/2026' });
    expect(parsePeriod('2026-q4')).toMatchObject({ code: '2026-Q4', kind: 'quarter', from: '2026-10-01', to: '2026-12-31', label: 'Quý IV/2026' });
    // Midnight in Vietnam is 17:00 UTC the day before.
    expect(new Date(parsePeriod('2026-11')!.startMs).toISOString()).toBe('2026-10-31T17:00:00.000Z');
    expect(parsePeriod('2020-W53')).toMatchObject({ from: '2020-12-28', to: '2021-01-03' });
    for (const bad of ['2026-13', '2026-W54', '2026-Q5', '11/2026', '2026']) expect(parsePeriod(bad)).toBeNull();
  });

  it('finds the period holding a moment and the ones before it', () => {
    expect(periodAt('week', Date.parse('2026-12-04T02:00:00Z')).code).toBe('2026-W49');
    expect(periodAt('month', Date.parse('2026-11-30T18:00:00Z')).code).toBe('2026-12'); // already 1 December in Vietnam
    expect(periodsUpTo(parsePeriod('2027-01')!, 3).map((p) => p.code)).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(periodsUpTo(parsePeriod('2027-W01')!, 2).map((p) => p.code)).toEqual(['2026-W53', '2027-W01']);
    expect(periodsUpTo(parsePeriod('2027-Q1')!, 2).map((p) => p.code)).toEqual(['2026-Q4', '2027-Q1']);
  });
});
