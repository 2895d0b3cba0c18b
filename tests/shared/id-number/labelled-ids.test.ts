import { describe, expect, it } from 'vitest';
import { readLabelledIds } from '../../../shared/id-number/labelled-ids';

describe('an ID cell with a label or with both numbers', () => {
  it.each([
    ['CCCD: 048050001234', { idNumber: '048050001234', oldIdNumber: null }],
    ['Số CMND: 201234567', { idNumber: null, oldIdNumber: '201234567' }],
    ['Số định danh cá nhân 048 050 001 234', { idNumber: '048050001234', oldIdNumber: null }],
    ['CCCD: 048050001234; CMND: 201234567', { idNumber: '048050001234', oldIdNumber: '201234567' }],
    ['048148005678 (CMND cũ 201111222)', { idNumber: '048148005678', oldIdNumber: '201111222' }],
    ['201333444 / 048039009999', { idNumber: '048039009999', oldIdNumber: '201333444' }],
    ['048050001234 201234567', { idNumber: '048050001234', oldIdNumber: '201234567' }],
    ['CCCD mới: 048050001234\nCMND cũ: 201.234.567', { idNumber: '048050001234', oldIdNumber: '201234567' }],
  ])('%s', (cell, ids) => {
    expect(readLabelledIds(cell)).toEqual(ids);
  });

  it.each([
    ['048050001234 (đã chết 2024)'], // other words: for a person to read
    ['048050001234; 048148005678'], // two IDs: whose?
    ['201234567 / 201111222'],
    ['CCCD: 04805000123'], ['CCCD: 48050001234'], // a digit short (never padded: it was typed as text)
    ['CCCD: 999050001234'], // no such province
    ['CCCD: chưa có'], ['CCCD'], [''],
    ['048050001234; 201234567; 201111222'],
  ])('%s is left for a person', (cell) => {
    expect(readLabelledIds(cell)).toBeNull();
  });
});
