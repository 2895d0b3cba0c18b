import { describe, expect, it } from 'vitest';
import { parseTypedPeriod, typedForm } from '../../../shared/reports/typed-period';
import { parsePeriod, type PeriodKind } from '../../../shared/reports/report-period';

describe('a report period as a clerk types it', () => {
  it.each([
    ['11/2026', 'month', '2026-11'], ['1/2027', 'month', '2027-01'], ['01-2027', 'month', '2027-01'], ['tháng 11/2026', 'month', '2026-11'],
    ['Tháng 11 năm 2026', 'month', '2026-11'], ['T11/2026', 'month', '2026-11'], ['t11.2026', 'month', '2026-11'], ['2026/11', 'month', '2026-11'],
    ['2026-11', 'month', '2026-11'], [' 11 / 2026 ', 'month', '2026-11'],
    ['IV/2026', 'quarter', '2026-Q4'], ['iv/2026', 'quarter', '2026-Q4'], ['4/2026', 'quarter', '2026-Q4'], ['Quý IV/2026', 'quarter', '2026-Q4'],
    ['Quý 4 năm 2026', 'quarter', '2026-Q4'], ['Q4/2026', 'quarter', '2026-Q4'], ['quý I - 2027', 'quarter', '2027-Q1'], ['2026-Q4', 'quarter', '2026-Q4'],
    ['48/2026', 'week', '2026-W48'], ['53/2026', 'week', '2026-W53'], ['Tuần 48/2026', 'week', '2026-W48'], ['W48/2026', 'week', '2026-W48'], ['tuần 5 năm 2027', 'week', '2027-W05'],
    ['2026-W48', 'week', '2026-W48'],
  ] as const)('%s (%s) → %s', (text, kind, code) => {
    expect(parseTypedPeriod(text, kind as PeriodKind)?.code).toBe(code);
  });

  it.each([
    ['13/2026', 'month'], ['0/2026', 'month'], ['11/26', 'month'], ['Quý IV/2026', 'month'], ['2026-Q4', 'month'], ['IV/2026', 'month'],
    ['5/2026', 'quarter'], ['V/2026', 'quarter'], ['Tháng 4/2026', 'quarter'], ['54/2026', 'week'], ['53/2027', 'week'], ['Tuần 48', 'week'],
    ['', 'month'], ['tháng', 'month'], ['11/2026/1', 'month'], ['abc', 'quarter'],
  ] as const)('%s is no %s', (text, kind) => {
    expect(parseTypedPeriod(text, kind as PeriodKind)).toBeNull();
  });

  it('is shown in the form it is typed, and that form reads back to the same period', () => {
    for (const [code, shown] of [['2026-11', '11/2026'], ['2027-01', '1/2027'], ['2026-Q4', 'IV/2026'], ['2027-Q1', 'I/2027'], ['2026-W48', '48/2026'], ['2027-W05', '5/2027']]) {
      const period = parsePeriod(code)!;
      expect(typedForm(period)).toBe(shown);
      expect(parseTypedPeriod(shown, period.kind)?.code).toBe(code);
    }
  });
});
