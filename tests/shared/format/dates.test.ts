import { describe, expect, it } from 'vitest';
import { formatBirth, formatDateTime } from '../../../shared/format/dates';

describe('formatBirth', () => {
  it.each([
    ['1945-09-02', '02/09/1945'],
    ['2001-12-31', '31/12/2001'],
    ['1932', '1932'], // year-only births are common for old people
    [null, ''],
    [undefined, ''],
    ['', ''],
    ['02/09/1945', '02/09/1945'], // not the contract's shape: shown as is, never guessed
  ])('%s → %s', (input, expected) => {
    expect(formatBirth(input)).toBe(expected);
  });
});

describe('formatDateTime', () => {
  it('shows the instant in Vietnam time as dd/mm/yyyy HH:mm (24 h)', () => {
    expect(formatDateTime('2025-07-01T01:05:00.000Z', 'Asia/Ho_Chi_Minh')).toBe('01/07/2025 08:05');
    expect(formatDateTime('2025-12-31T17:30:00Z', 'Asia/Ho_Chi_Minh')).toBe('01/01/2026 00:30');
    expect(formatDateTime('2025-03-04T15:00:00Z', 'UTC')).toBe('04/03/2025 15:00');
  });

  it('returns unparseable text unchanged', () => {
    expect(formatDateTime('not a date', 'UTC')).toBe('not a date');
  });
});
