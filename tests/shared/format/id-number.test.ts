import { describe, expect, it } from 'vitest';
import { formatIdNumber } from '../../../shared/format/id-number';

describe('formatIdNumber', () => {
  it.each([
    ['035145123456', '035 145 123456'], // CCCD: province · century/sex + year · serial
    ['001300000001', '001 300 000001'],
    ['123456789', '123 456 789'], // old CMND
    ['035 145 123456', '035 145 123456'], // already spaced
    ['B1234567', 'B1234567'], // passport or other: unchanged
    ['12345', '12345'],
    [null, ''],
    ['', ''],
  ])('%s → %s', (input, expected) => expect(formatIdNumber(input)).toBe(expected));
});
