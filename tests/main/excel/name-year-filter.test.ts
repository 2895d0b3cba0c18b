import { describe, expect, it } from 'vitest';
import { NameYearFilter } from '../../../main/excel/name-year-filter';

describe('who an imported record could match by name', () => {
  it('answers by name and birth year, and only people without an ID for a record that has one', () => {
    const f = new NameYearFilter();
    f.add('AN VAN NGUYEN', '1950-03-02', true);
    f.add('BINH THI TRAN', '1962', false);
    f.add('CUONG VAN LE', null, false);
    expect(f.mayMatch('AN VAN NGUYEN', '1950', false)).toBe(true);
    expect(f.mayMatch('AN VAN NGUYEN', '1950-12-31', true)).toBe(false);
    expect(f.mayMatch('AN VAN NGUYEN', '1951-03-02', false)).toBe(false);
    expect(f.mayMatch('BINH THI TRAN', '1962-07-01', true)).toBe(true);
    expect(f.mayMatch('CUONG VAN LE', null, true)).toBe(true);
    expect(f.mayMatch('CUONG VAN LE', '1940', false)).toBe(false);
    expect(f.mayMatch('DUNG VAN PHAM', '1950', false)).toBe(false);
  });
});
