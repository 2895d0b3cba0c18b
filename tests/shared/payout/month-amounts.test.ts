import { describe, expect, it } from 'vitest';
import { ageInPeriod, addMonths, periodsBetween } from '../../../shared/payout/periods';
import { coefficientFor, coefficientGroup, formatCoefficient } from '../../../shared/payout/coefficients';
import { levelFor, type LevelRow } from '../../../shared/payout/levels';
import { dueInMonth, lineAmount, monthlyAmount, outsideAgeBands, payableIn, withOneOf, type DueOf, type EntitlementBasis, type PersonBasis } from '../../../shared/payout/month-amounts';
import type { Regime } from '../../../shared/payout/regimes';
import { deriveEntitlement } from '../../../shared/payout/entitlement-from-category';

const levels: LevelRow[] = [
  { levelCode: 'social-assistance-standard', unitId: null, effectiveFrom: '2021-07-01', amount: 360_000, basis: 'NĐ 20/2021' },
  { levelCode: 'social-assistance-standard', unitId: null, effectiveFrom: '2024-07-01', amount: 500_000, basis: 'NĐ 76/2024' },
  { levelCode: 'social-assistance-standard', unitId: 'vn:01@2025-07-01', effectiveFrom: '2026-01-01', amount: 650_000, basis: 'Hà Nội' },
  { levelCode: 'meritorious-standard', unitId: null, effectiveFrom: '2023-07-01', amount: 2_055_000, basis: 'NĐ 55/2023' },
  { levelCode: 'meritorious-standard', unitId: null, effectiveFrom: '2024-07-01', amount: 2_789_000, basis: 'NĐ 77/2024' },
];
const btxh: Regime = { code: 'btxh-monthly', name: 'Trợ cấp xã hội hằng tháng', levelCode: 'social-assistance-standard', kind: 'monthly', defaultHundredths: null, defaultGroup: null };
const funeral: Regime = { code: 'btxh-funeral', name: 'Mai táng', levelCode: 'social-assistance-standard', kind: 'one-off', defaultHundredths: null, defaultGroup: 'art11-funeral' };
const ent = (over: Partial<EntitlementBasis> = {}): EntitlementBasis => ({ regimeCode: 'btxh-monthly', groupCode: 'art5-1', hundredths: null, from: '2024-01', to: null, overrideAmount: null, overrideReason: null, ...over });
const alive: PersonBasis = { birth: '2022-05-10', status: 'active', statusDate: null };
const commune = ['vn:00004@2025-07-01', 'vn:01@2025-07-01'];
const elsewhere = ['vn:13558@2025-07-01', 'vn:37@2025-07-01'];

describe('age thresholds apply from the month after the birthday', () => {
  it.each([
    ['2022-05-10', '2026-05', 3],
    ['2022-05-10', '2026-06', 4],
    ['2022-05-31', '2026-05', 3],
    ['1946-12-01', '2026-12', 79],
    ['1946-12-01', '2027-01', 80],
    ['1946', '2026-12', 79], // only the year: the birthday is taken as December
    ['1946', '2027-01', 80],
    ['2026-12-02', '2026-12', 0],
  ])('born %s, in %s: %d', (birth, period, age) => expect(ageInPeriod(birth, period)).toBe(age));

  it('a child under 16 without support: 2.5 until the month after the 4th birthday, then 1.5 until the month after the 16th; none after', () => {
    const g = coefficientGroup('art5-1')!;
    expect(coefficientFor(g, '2022-05-10', '2026-05')).toBe(250);
    expect(coefficientFor(g, '2022-05-10', '2026-06')).toBe(150);
    expect(coefficientFor(g, '2010-12-20', '2026-12')).toBe(150);
    expect(coefficientFor(g, '2010-12-20', '2027-01')).toBe(0); // 16: grown out (a student of 16–22 is art5-2)
    expect(coefficientFor(g, '1941-03-03', '2026-12')).toBe(0); // an adult listed as "trẻ em mồ côi" is no child
  });

  it('a severely disabled person: 2.0 as a child, 1.5 from 16, 2.0 again from the month after the 60th birthday', () => {
    const g = coefficientGroup('art5-6-severe')!;
    expect(coefficientFor(g, '2010-03-01', '2026-03')).toBe(200);
    expect(coefficientFor(g, '2010-03-01', '2026-04')).toBe(150);
    expect(coefficientFor(g, '1966-08-15', '2026-08')).toBe(150);
    expect(coefficientFor(g, '1966-08-15', '2026-09')).toBe(200);
  });

  it('a poor elderly person without supporter: 1.5 from 60, 2.0 from the month after the 80th birthday; unknown birth: no coefficient', () => {
    const g = coefficientGroup('art5-5a')!;
    expect(coefficientFor(g, '1946-11-20', '2026-11')).toBe(150);
    expect(coefficientFor(g, '1946-11-20', '2026-12')).toBe(200);
    expect(coefficientFor(g, null, '2026-12')).toBeNull();
    expect(coefficientFor(coefficientGroup('art5-3')!, '2009-01-01', '2026-12')).toBe(0); // grown out of the group
  });

  it('tells "nothing owed by age" apart from the other reasons nothing is owed', () => {
    const adult: PersonBasis = { birth: '1941-03-03', status: 'active', statusDate: null };
    expect(outsideAgeBands(btxh, [ent()], adult, '2026-12')).toBe(true);
    expect(outsideAgeBands(btxh, [ent()], alive, '2026-12')).toBe(false); // a child of 4: owed
    expect(outsideAgeBands(btxh, [ent({ from: '2027-01' })], adult, '2026-12')).toBe(false); // no entitlement yet
    expect(outsideAgeBands(btxh, [ent()], { ...adult, status: 'deceased', statusDate: '2026-10-02' }, '2026-12')).toBe(false);
    expect(outsideAgeBands(btxh, [ent({ overrideAmount: 750_000, overrideReason: 'Quyết định số 12' })], adult, '2026-12')).toBe(false);
    expect(outsideAgeBands(funeral, [ent({ regimeCode: 'btxh-funeral', groupCode: null })], adult, '2026-12')).toBe(false);
  });

  it('writes coefficients as documents do', () => {
    expect([formatCoefficient(250), formatCoefficient(100), formatCoefficient(2000), formatCoefficient(125)]).toEqual(['2,5', '1', '20', '1,25']);
  });
});

describe('levels with effective dates and locality overrides', () => {
  it.each([
    ['2021-06', elsewhere, null],
    ['2021-07', elsewhere, 360_000],
    ['2024-06', elsewhere, 360_000],
    ['2024-07', elsewhere, 500_000],
    ['2026-12', elsewhere, 500_000],
    ['2025-12', commune, 500_000],
    ['2026-01', commune, 650_000],
  ])('%s → %s', (period, chain, amount) => expect(levelFor(levels, 'social-assistance-standard', chain, period)?.amount ?? null).toBe(amount));

  it('a national level rising above a local one wins (a province may only set more)', () => {
    const rise = [...levels, { levelCode: 'social-assistance-standard', unitId: null, effectiveFrom: '2027-01-01', amount: 700_000, basis: 'x' }];
    expect(levelFor(rise, 'social-assistance-standard', commune, '2027-01')?.amount).toBe(700_000);
  });

  it('level × coefficient, to the whole đồng', () => {
    expect(monthlyAmount(500_000, 150)).toBe(750_000);
    expect(monthlyAmount(2_789_000, 100)).toBe(2_789_000);
    expect(monthlyAmount(333_333, 150)).toBe(500_000); // 499,999.5 rounds half up
    expect(monthlyAmount(333_331, 150)).toBe(499_997);
  });
});

describe('what a period pays: allowance, arrears, recovery, stop, funeral', () => {
  const dueOf = (regime: Regime, ents: EntitlementBasis[], person: PersonBasis, chain = elsewhere) => (m: string) => dueInMonth(regime, ents, person, levels, chain, m);

  it('the month alone when everything before was paid', () => {
    const paid = new Map(periodsBetween('2026-06', '2026-11').map((m) => [m, 750_000]));
    const line = lineAmount('2026-12', '2026-06', dueOf(btxh, [ent({ from: '2026-06' })], alive), paid);
    expect(line).toMatchObject({ amount: 750_000, months: 1, problem: null });
  });

  it('arrears for months owed from the decision, at the level of each month', () => {
    const line = lineAmount('2024-08', '2024-05', dueOf(btxh, [ent({ from: '2024-05', groupCode: 'art5-8' })], alive), new Map());
    expect(line.detail.map((d) => [d.month, d.amount])).toEqual([['2024-05', 540_000], ['2024-06', 540_000], ['2024-07', 750_000], ['2024-08', 750_000]]);
    expect(line).toMatchObject({ amount: 2_580_000, months: 4 });
  });

  it('stops from the month after death; months paid after it are recovered', () => {
    const dead: PersonBasis = { birth: '1940', status: 'deceased', statusDate: '2026-09-14' };
    expect(payableIn(dead, '2026-09')).toBe(true);
    expect(payableIn(dead, '2026-10')).toBe(false);
    const paid = new Map(periodsBetween('2026-06', '2026-11').map((m) => [m, 500_000]));
    const line = lineAmount('2026-12', '2026-06', dueOf(btxh, [ent({ from: '2026-06', groupCode: 'art5-5c' })], dead), paid);
    expect(line.detail.map((d) => [d.month, d.amount])).toEqual([['2026-10', -500_000], ['2026-11', -500_000]]);
    expect(line).toMatchObject({ amount: -1_000_000, months: 2 });
  });

  it('funeral support: 20 × the level, once, in the month of death (owed later as arrears)', () => {
    const dead: PersonBasis = { birth: '1940', status: 'deceased', statusDate: '2026-11-02' };
    const due = dueOf(funeral, [ent({ regimeCode: 'btxh-funeral', groupCode: null, from: '2026-11' })], dead);
    expect(lineAmount('2026-12', '2026-11', due, new Map())).toMatchObject({ amount: 10_000_000, months: 1 });
    expect(lineAmount('2026-12', '2026-11', due, new Map([['2026-11', 10_000_000]]))).toMatchObject({ amount: 0, months: 0 });
    expect(due('2026-12')).toBeNull();
  });

  it('an override is used only with its reason', () => {
    const withReason = ent({ overrideAmount: 900_000, overrideReason: 'Quyết định 12/QĐ-UBND' });
    expect(dueInMonth(btxh, [withReason], alive, levels, elsewhere, '2026-12')).toMatchObject({ amount: 900_000, override: true });
    expect(dueInMonth(btxh, [ent({ overrideAmount: 900_000 })], alive, levels, elsewhere, '2026-12')).toMatchObject({ amount: 750_000, override: false });
  });

  it('a correction of a locked month becomes the difference in the next period', () => {
    // November was paid at 1.5 but the decision (entered late) says 2.0 from November: December pays 250,000 more for it.
    const paid = new Map([['2026-11', 750_000]]);
    const line = lineAmount('2026-12', '2026-11', dueOf(btxh, [ent({ from: '2026-11', groupCode: null, hundredths: 200 })], alive), paid);
    expect(line).toMatchObject({ amount: 1_250_000, months: 2 });
  });

  it('no coefficient or no birth date: the line says why instead of guessing', () => {
    const line = lineAmount('2026-12', '2026-12', dueOf(btxh, [ent({ groupCode: 'art5-5a', from: '2026-12' })], { ...alive, birth: null }), new Map());
    expect(line.problem).toBe('no-coefficient');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
  });
});

describe('the social pension or the social allowance, never both (Decree 176/2025): the higher one each month', () => {
  const pensionLevels: LevelRow[] = [...levels, { levelCode: 'social-pension', unitId: null, effectiveFrom: '2025-07-01', amount: 500_000, basis: 'NĐ 176/2025' }];
  const pension: Regime = { code: 'social-pension', name: 'Trợ cấp hưu trí xã hội', levelCode: 'social-pension', kind: 'monthly', defaultHundredths: 100, defaultGroup: null };
  const old: PersonBasis = { birth: '1940-03-01', status: 'active', statusDate: null };
  const dues = (chain: string[], btxhEnt: EntitlementBasis): Map<string, DueOf> => withOneOf(new Map<string, DueOf>([
    ['btxh-monthly', (m) => dueInMonth(btxh, [btxhEnt], old, pensionLevels, chain, m)],
    ['social-pension', (m) => dueInMonth(pension, [ent({ regimeCode: 'social-pension', groupCode: null, from: '2025-07' })], old, pensionLevels, chain, m)],
  ]));

  it('a higher allowance (a disability coefficient, or Hà Nội\'s own level) is paid and the pension owes nothing', () => {
    const severe = dues(elsewhere, ent({ groupCode: 'art5-6-severe', from: '2025-07' }));
    expect(severe.get('btxh-monthly')!('2026-12')).toMatchObject({ amount: 1_000_000 });
    expect(severe.get('social-pension')!('2026-12')).toBeNull();
    const hanoi = dues(commune, ent({ groupCode: 'art5-5c', from: '2025-07' }));
    expect(hanoi.get('btxh-monthly')!('2026-12')).toMatchObject({ amount: 650_000 });
    expect(hanoi.get('social-pension')!('2026-12')).toBeNull();
  });

  it('on a tie the allowance already paid stays; a higher pension wins; the rule holds month by month', () => {
    const tie = dues(elsewhere, ent({ groupCode: 'art5-5c', from: '2025-07' }));
    expect(tie.get('btxh-monthly')!('2026-12')).toMatchObject({ amount: 500_000 });
    expect(tie.get('social-pension')!('2026-12')).toBeNull();
    // Before the allowance's decision (from 2026-01) only the pension is owed: it is paid for those months.
    const later = dues(elsewhere, ent({ groupCode: 'art5-5c', from: '2026-01' }));
    expect(later.get('social-pension')!('2025-12')).toMatchObject({ amount: 500_000 });
    expect(later.get('social-pension')!('2026-01')).toBeNull();
    const lines = ['btxh-monthly', 'social-pension'].map((code) => lineAmount('2026-02', '2025-07', later.get(code)!, new Map()));
    expect(lines.map((l) => l.amount)).toEqual([2 * 500_000, 6 * 500_000]);
  });

  it('an allowance that cannot be computed does not take the pension away', () => {
    const unknown = dues(elsewhere, ent({ groupCode: null, from: '2025-07' }));
    expect(unknown.get('btxh-monthly')!('2026-12')).toEqual({ month: '2026-12', problem: 'no-coefficient' });
    expect(unknown.get('social-pension')!('2026-12')).toMatchObject({ amount: 500_000 });
  });
});

describe('entitlement from the register category', () => {
  it.each([
    ['BTXH', 'Người khuyết tật đặc biệt nặng', '1980', 'art5-6-especially-severe'],
    ['BTXH', 'Người khuyết tật nặng', '1980', 'art5-6-severe'],
    ['BTXH', 'Trẻ em mồ côi', '2015', 'art5-1'],
    ['BTXH', 'Người cao tuổi (80 tuổi trở lên)', '1940', 'art5-5c'],
    ['BTXH', 'Người cao tuổi cô đơn thuộc hộ nghèo', '1950', 'art5-5a'],
    ['BTXH', 'Người đơn thân nghèo nuôi con', '1990', 'art5-4'],
    ['BTXH', 'Trẻ em nhiễm HIV', '2018', 'art5-3'],
    ['BTXH', 'Người nhiễm HIV', '1985', 'art5-8'],
    ['BTXH', 'Đối tượng khác', '1985', null],
  ])('%s %s → %s', (categoryGroup, categoryLabel, birth, group) => {
    expect(deriveEntitlement({ categoryGroup, categoryLabel, birth, monthlyAmount: null }, '2026-12', 2_789_000).groupCode).toBe(group);
  });

  it('meritorious service: a coefficient when the imported amount is a clean multiple of the level, else the amount kept with its reason', () => {
    expect(deriveEntitlement({ categoryGroup: 'TNCC', categoryLabel: 'Thân nhân liệt sĩ', birth: '1950', monthlyAmount: 2_789_000 }, '2026-12', 2_789_000))
      .toMatchObject({ regimeCode: 'tncc-monthly', hundredths: 100, overrideAmount: null });
    expect(deriveEntitlement({ categoryGroup: 'NCC', categoryLabel: 'Thương binh', birth: '1950', monthlyAmount: 3_120_000 }, '2026-12', 2_789_000))
      .toMatchObject({ regimeCode: 'ncc-monthly', hundredths: null, overrideAmount: 3_120_000, overrideReason: expect.stringContaining('bảng mức') });
  });
});
