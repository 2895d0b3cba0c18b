import { describe, expect, it } from 'vitest';
import { formatDay, isRealDay, parseCoefficient, parseDay, parseMonth, parseVnd } from '../../../shared/payout/typed-values';

describe('values typed on the payout screens', () => {
  it.each([
    ['10/12/2026', '2026-12-10'], ['1/7/2024', '2024-07-01'], ['01-07-2024', '2024-07-01'], ['29/02/2028', '2028-02-29'],
    ['30/02/2027', null], ['2027-01-01', null], ['12/2026', null], ['', null],
  ])('day %s → %s', (text, iso) => expect(parseDay(text)).toBe(iso));

  it('days exist or not, and print back as dd/mm/yyyy', () => {
    expect(isRealDay('2026-02-29')).toBe(false);
    expect(isRealDay('2024-02-29')).toBe(true);
    expect(formatDay('2026-12-10')).toBe('10/12/2026');
  });

  it.each([
    ['650.000', 650_000], ['650 000', 650_000], ['650,000', 650_000], ['2.789.000 ₫', 2_789_000], ['500000', 500_000], ['500000đ', 500_000],
    ['650.00', null], ['1.5', null], ['-500', null], ['năm trăm', null], ['', null],
  ])('amount %s → %s', (text, n) => expect(parseVnd(text)).toBe(n));

  it.each([['2,5', 250], ['1.5', 150], ['3', 300], ['0,05', 5], ['2,555', null], ['-1', null], ['a', null]])('coefficient %s → %s', (text, h) => expect(parseCoefficient(text)).toBe(h));

  it.each([['12/2026', '2026-12'], ['1/2027', '2027-01'], ['2026-12', '2026-12'], ['13/2026', null], ['2026', null]])('month %s → %s', (text, p) => expect(parseMonth(text)).toBe(p));
});
