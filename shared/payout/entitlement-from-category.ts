// The entitlement a register record implies when no decision has been entered yet: from its category label
// (as the district's lists write it) and, for people with meritorious service, from the imported amount.

import { foldVietnamese } from '../text/fold';
import { ageInPeriod } from './periods';
import { REGIME_CODES } from './regimes';

export interface CategorisedPerson {
  categoryGroup: string;
  categoryLabel: string;
  birth: string | null;
  /** The "mức trợ cấp" of the imported list: never paid as such, only checked against the computed amount. */
  monthlyAmount: number | null;
}

export interface DerivedEntitlement {
  regimeCode: string;
  groupCode: string | null;
  hundredths: number | null;
  overrideAmount: number | null;
  overrideReason: string | null;
  basis: string;
}

const BTXH_GROUPS: readonly [RegExp, (age: number | null) => string][] = [
  [/dac biet nang/, () => 'art5-6-especially-severe'],
  [/khuyet tat/, () => 'art5-6-severe'],
  [/hiv/, (age) => (age !== null && age < 16 ? 'art5-3' : 'art5-8')],
  [/mo coi|khong (co )?nguon nuoi duong|bi bo roi/, () => 'art5-1'],
  [/don than/, () => 'art5-4'],
  [/(cao tuoi|nguoi gia).*(khong (co )?nguoi phung duong|co don|ho ngheo)|(khong (co )?nguoi phung duong|co don).*(cao tuoi|nguoi gia)/, () => 'art5-5a'],
  [/cao tuoi|nguoi gia|tu 80|80 tuoi/, () => 'art5-5c'],
  [/dang hoc|sinh vien|hoc sinh/, () => 'art5-2'],
];

/** The level a meritorious-service amount is compared with, for the period. */
export function deriveEntitlement(person: CategorisedPerson, period: string, meritoriousLevel: number | null): DerivedEntitlement {
  const label = foldVietnamese(person.categoryLabel);
  if (person.categoryGroup === 'NCC' || person.categoryGroup === 'TNCC') {
    const regimeCode = person.categoryGroup === 'NCC' ? REGIME_CODES.nccMonthly : REGIME_CODES.tnccMonthly;
    const amount = person.monthlyAmount;
    if (amount && meritoriousLevel && (amount * 100) % meritoriousLevel === 0) {
      return { regimeCode, groupCode: null, hundredths: (amount * 100) / meritoriousLevel, overrideAmount: null, overrideReason: null,
        basis: `Hệ số suy từ mức trong danh sách nhập (${person.categoryLabel})` };
    }
    if (amount) {
      // Meritorious-service allowances follow the decree's own table of amounts, not one coefficient: kept as given.
      return { regimeCode, groupCode: null, hundredths: null, overrideAmount: amount,
        overrideReason: 'Mức theo danh sách nhập: chế độ người có công theo bảng mức riêng của Nghị định, chưa nhập quyết định', basis: person.categoryLabel };
    }
    return { regimeCode, groupCode: null, hundredths: null, overrideAmount: null, overrideReason: null, basis: person.categoryLabel };
  }
  const age = person.birth ? ageInPeriod(person.birth, period) : null;
  for (const [pattern, group] of BTXH_GROUPS) {
    if (pattern.test(label)) return { regimeCode: REGIME_CODES.btxhMonthly, groupCode: group(age), hundredths: null, overrideAmount: null, overrideReason: null, basis: person.categoryLabel };
  }
  return { regimeCode: REGIME_CODES.btxhMonthly, groupCode: null, hundredths: null, overrideAmount: null, overrideReason: null, basis: person.categoryLabel };
}
