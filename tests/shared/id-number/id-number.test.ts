import { describe, expect, it } from 'vitest';
import { cccdFacts, crossCheckCccd, readIdNumber } from '../../../shared/id-number/id-number';

describe('reading ID numbers as offices type them', () => {
  it('accepts a 12-digit ID, with spaces or dots', () => {
    expect(readIdNumber('035131953893')).toEqual({ kind: 'cccd', value: '035131953893', repair: 'none' });
    expect(readIdNumber('035 131 953893')).toEqual({ kind: 'cccd', value: '035131953893', repair: 'separators' });
    expect(readIdNumber('035.131.953.893')).toMatchObject({ kind: 'cccd', value: '035131953893' });
  });

  it("reads past the apostrophe a clerk typed to keep Excel from eating the zeros", () => {
    expect(readIdNumber("'038050001111")).toEqual({ kind: 'cccd', value: '038050001111', repair: 'none' });
    expect(readIdNumber('’038050001111')).toMatchObject({ kind: 'cccd', value: '038050001111' });
    expect(readIdNumber("'")).toEqual({ kind: 'empty' });
  });

  it('restores leading zeros lost by a numeric cell', () => {
    expect(readIdNumber('36164726381', true)).toEqual({ kind: 'cccd', value: '036164726381', repair: 'leading-zeros' });
    expect(readIdNumber('1064969123', true)).toEqual({ kind: 'cccd', value: '001064969123', repair: 'leading-zeros' });
  });

  it('keeps a 9-digit old ID as such, never padded into a 12-digit one', () => {
    expect(readIdNumber('035149986')).toEqual({ kind: 'cmnd', value: '035149986', repair: 'none' });
    expect(readIdNumber('35149986', true)).toEqual({ kind: 'cmnd', value: '035149986', repair: 'leading-zeros' });
  });

  it('rejects malformed numbers', () => {
    expect(readIdNumber('03602947093X')).toEqual({ kind: 'malformed', reason: 'characters' });
    expect(readIdNumber('0360294709')).toEqual({ kind: 'malformed', reason: 'province' }); // 10 digits typed as text, no prefix
    expect(readIdNumber('003131953893')).toEqual({ kind: 'malformed', reason: 'province' });
    expect(readIdNumber('035931953893')).toEqual({ kind: 'malformed', reason: 'century' });
    expect(readIdNumber('1234567')).toEqual({ kind: 'malformed', reason: 'length' });
    expect(readIdNumber('  ')).toEqual({ kind: 'empty' });
  });

  it('reads the structure and cross-checks it as a warning', () => {
    expect(cccdFacts('036312101106')).toEqual({ provinceCode: '036', provinceName: 'Nam Định', sex: 'F', century: 2000, yearDigits: '12' });
    expect(crossCheckCccd('036312101106', { sex: 'F', birthYear: 2012 })).toEqual([]);
    expect(crossCheckCccd('036312101106', { sex: 'M', birthYear: 1912 })).toEqual(['sex', 'birth-year']);
    expect(crossCheckCccd('036312101106', { sex: null, birthYear: null })).toEqual([]);
  });
});
