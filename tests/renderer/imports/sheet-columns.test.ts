import { describe, expect, it } from 'vitest';
import { columnLetter, formatFileSize, mappingByColumn } from '../../../renderer/imports/sheet-columns';

describe('places in a workbook, as a clerk names them', () => {
  it('column letters as Excel prints them', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('file sizes with a decimal comma', () => {
    expect(formatFileSize(850)).toBe('850 B');
    expect(formatFileSize(12_700)).toBe('12,4 KB');
    expect(formatFileSize(3 * 1024 * 1024)).toBe('3 MB');
    expect(formatFileSize(3.26 * 1024 * 1024)).toBe('3,3 MB');
  });

  it('the detected mapping in the order of the file’s columns', () => {
    expect(mappingByColumn({ idNumber: 4, fullName: 1, rowNumber: 0 })).toEqual([['rowNumber', 0], ['fullName', 1], ['idNumber', 4]]);
  });
});
