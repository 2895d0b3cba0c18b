import { describe, expect, it } from 'vitest';
import { insuranceKeyOf, parseBhytCardCode } from '../../../shared/clinic/bhyt-card-code';

describe('the BHYT card code', () => {
  it.each([
    ['HS4010120878811', { group: 'HS', benefitLevel: 4, benefitPercent: 80, province: '01', socialInsuranceNumber: '0120878811' }],
    ['TE1370123456789', { group: 'TE', benefitLevel: 1, benefitPercent: 100, province: '37', socialInsuranceNumber: '0123456789' }],
    ['DN3 01 01 234 56789', { code: 'DN3010123456789', benefitLevel: 3, benefitPercent: 95 }],
    ['gd4-37-3712345678', { code: 'GD4373712345678', group: 'GD', benefitLevel: 4 }],
    ['CK2010000000001', { benefitLevel: 2, benefitPercent: 100, groupName: 'Người có công với cách mạng' }],
    ['BT5370000000001', { benefitLevel: 5, benefitPercent: 100 }],
    ['ZZ3370000000001', { group: 'ZZ', groupName: null }], // a group we do not know yet: still a card code
  ])('%s', (text, expected) => {
    expect(parseBhytCardCode(text)).toMatchObject(expected);
  });

  it.each([
    ['HS6010120878811', 'level 6 does not exist'],
    ['HS0010120878811', 'level 0 does not exist'],
    ['H54010120878811', 'group must be two letters'],
    ['HS401012087881', '14 characters'],
    ['HS40101208788111', '16 characters'],
    ['001085012345', 'a CCCD number'],
    ['', 'nothing'],
  ])('%s is not a card code (%s)', (text) => {
    expect(parseBhytCardCode(text)).toBeNull();
  });

  it.each([
    ['HS4010120878811', 'card-code'],
    ['0120878811', 'social-insurance-number'],
    ['001085012345', 'id-number'],
    ['001 085 012345', 'id-number'],
  ])('the coverage check takes %s as a %s', (text, kind) => {
    expect(insuranceKeyOf(text)?.kind).toBe(kind);
  });

  it('refuses what is none of them', () => {
    expect(insuranceKeyOf('12345')).toBeNull();
    expect(insuranceKeyOf('Nguyễn Văn A')).toBeNull();
  });
});
