import { describe, expect, it } from 'vitest';
import { formatCount, formatShare, formatVnd } from '../../../shared/format/money';

const NBSP = '\u00a0';

describe('formatVnd', () => {
  it.each([
    [1_500_000, `1.500.000${NBSP}₫`],
    [2_789_000, `2.789.000${NBSP}₫`],
    [500, `500${NBSP}₫`],
    [1000, `1.000${NBSP}₫`],
    [0, `0${NBSP}₫`],
    [-360_000, `-360.000${NBSP}₫`], // arrears recovered show as negative
    [1_234_567_890, `1.234.567.890${NBSP}₫`],
    [1499.6, `1.500${NBSP}₫`],
  ])('%d → %s', (amount, expected) => {
    expect(formatVnd(amount)).toBe(expected);
  });

  it('shows nothing for a missing amount', () => {
    expect(formatVnd(null)).toBe('');
    expect(formatVnd(undefined)).toBe('');
    expect(formatVnd(Number.NaN)).toBe('');
  });
});

describe('formatCount', () => {
  it.each([[0, '0'], [999, '999'], [1234, '1.234'], [5000, '5.000'], [100_000, '100.000'], [-1234, '-1.234']])(
    '%d → %s', (n, expected) => expect(formatCount(n)).toBe(expected));
});

describe('formatShare', () => {
  it.each([[1, '100,0%'], [0.8571, '85,7%'], [0, '0,0%'], [0.0005, '0,1%']])('%d → %s', (x, expected) => expect(formatShare(x)).toBe(expected));
});
