import { describe, expect, it } from 'vitest';
import { parseAmount, parseBirth } from '../../../main/excel/value-parsing';
import type { RawCell } from '../../../main/excel/raw-cell';

const cell = (value: unknown, numFmt?: string) => ({ value, numFmt }) as RawCell;
const today = new Date('2026-12-04');

describe('a birth as lists write it', () => {
  it.each([
    ['12/4/1942', '1942-04-12'], ['12-04-1942', '1942-04-12'], ['12.04.1942', '1942-04-12'], ['1942-04-12', '1942-04-12'], ['1942', '1942'],
    ["'12/04/1942", '1942-04-12'], ['“12/04/1942”', '1942-04-12'], ['1942.0', '1942'],
    ['ngày 12 tháng 4 năm 1942', '1942-04-12'], ['Ngày 05 tháng 09 năm 2016', '2016-09-05'], ['năm 1942', '1942'], ['Năm 1942', '1942'],
  ])('%j → %s', (text, want) => expect(parseBirth(cell(text), today)).toEqual({ value: want }));

  it.each([['04/1942'], ['Tháng 4/1942'], ['tháng 04 năm 1942']])('%j: the year, and the missing day said', (text) => {
    expect(parseBirth(cell(text), today)).toEqual({ value: '1942', problem: 'birth-month-only' });
  });

  it.each([['12/04/42', '1942-04-12'], ['5/11/39', '1939-11-05'], ['12.3.50', '1950-03-12']])('%j: a year of two figures that can only be 19..', (text, want) => {
    expect(parseBirth(cell(text), today)).toEqual({ value: want, problem: 'birth-two-digit-year' });
  });

  it.each([['ngày 12/4/1942'], ['Sinh ngày 12-04-1942'], ['NS: 12/4/1942']])('%j: a date after "ngày"', (text) => {
    expect(parseBirth(cell(text), today)).toEqual({ value: '1942-04-12' });
  });

  it.each([['15/08/10'], ['01/01/26'], ['31/02/1950'], ['ngày 31 tháng 2 năm 1950'], ['tháng 13/1942'], ['19/4/1942 (âm lịch)'], ['không rõ'], ['năm nay']])('%j: not a birth we can read', (text) => {
    expect(parseBirth(cell(text), today)).toEqual({ value: null, problem: 'birth-invalid' });
  });

  it('a date in the future is said so', () => expect(parseBirth(cell('ngày 1 tháng 1 năm 2027'), today)).toEqual({ value: null, problem: 'birth-in-future' }));
});

describe('a monthly amount as lists write it', () => {
  it.each([
    ['1.500.000', 1_500_000], ['1,500,000', 1_500_000], ['1 500 000', 1_500_000], ['1500000đ', 1_500_000], ['1.500.000 VNĐ', 1_500_000],
    ['2.055.000đ/tháng', 2_055_000], ['2.055.000 đ/th', 2_055_000], ['750.000,00', 750_000], ['750,000.00', 750_000], ['750000.0', 750_000],
    ['1,5 triệu', 1_500_000], ['2 triệu', 2_000_000], ['2,789 tr', 2_789_000],
    ['750k', 750_000], ['750K', 750_000], ['750 nghìn', 750_000], ['750 nghìn đồng', 750_000], ['1.080 ngàn', 1_080_000], ['540 ngàn đ/tháng', 540_000], ['1,5 nghìn', 1500],
  ])('%j → %d', (text, want) => expect(parseAmount(cell(text))).toEqual({ value: want }));

  it('a lone dash is no amount, and no problem', () => {
    expect(parseAmount(cell('-'))).toEqual({ value: null });
    expect(parseAmount(cell(' – '))).toEqual({ value: null });
  });

  it.each([['750.000,50'], ['1,5'], ['Chủ tịch UBND xã'], ['1.5.00'], ['12345678901234']])('%j: not an amount we can read', (text) => {
    expect(parseAmount(cell(text))).toEqual({ value: null, problem: 'amount-invalid' });
  });
});
