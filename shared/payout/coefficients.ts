// Coefficients of the social-assistance rules (Decree 20/2021/NĐ-CP Art. 6 monthly allowance, Art. 20 care
// support, Art. 11 funeral support), by group and age. Amounts are the standard level × coefficient.
// Coefficients are kept in hundredths (250 = 2.5) so that amounts are integer arithmetic.

import { ageInPeriod } from './periods';

export interface AgeBand {
  /** From this age (in the month after the birthday); none: from birth. */
  fromAge?: number;
  /** Up to, not including, this age. */
  toAge?: number;
  hundredths: number;
}

export interface CoefficientGroup {
  code: string;
  label: string;
  /** The article of the decree it comes from, shown beside the amount. */
  basis: string;
  bands: readonly AgeBand[];
}

export const COEFFICIENT_GROUPS: readonly CoefficientGroup[] = [
  { code: 'art5-1', label: 'Trẻ em dưới 16 tuổi không có nguồn nuôi dưỡng', basis: 'NĐ 20/2021 Điều 6 khoản 1 điểm a', bands: [{ toAge: 4, hundredths: 250 }, { fromAge: 4, toAge: 16, hundredths: 150 }] },
  { code: 'art5-2', label: 'Người từ 16 đến 22 tuổi đang học', basis: 'NĐ 20/2021 Điều 6 khoản 1 điểm b', bands: [{ hundredths: 150 }] },
  { code: 'art5-3', label: 'Trẻ em nhiễm HIV/AIDS thuộc hộ nghèo', basis: 'NĐ 20/2021 Điều 6 khoản 1 điểm c', bands: [{ toAge: 4, hundredths: 250 }, { fromAge: 4, toAge: 16, hundredths: 200 }] },
  { code: 'art5-4', label: 'Người đơn thân nghèo đang nuôi con (mỗi con)', basis: 'NĐ 20/2021 Điều 6 khoản 1 điểm d', bands: [{ hundredths: 100 }] },
  { code: 'art5-5a', label: 'Người cao tuổi thuộc hộ nghèo không có người phụng dưỡng', basis: 'NĐ 20/2021 Điều 6 khoản 1 điểm đ', bands: [{ fromAge: 60, toAge: 80, hundredths: 150 }, { fromAge: 80, hundredths: 200 }] },
  { code: 'art5-5b', label: 'Người từ 75 đến 80 tuổi thuộc hộ nghèo, cận nghèo ở xã đặc biệt khó khăn', basis: 'NĐ 20/2021 Điều 6 khoản 1 điểm đ', bands: [{ fromAge: 75, hundredths: 100 }] },
  { code: 'art5-5c', label: 'Người từ đủ 80 tuổi không có lương hưu, trợ cấp bảo hiểm xã hội hằng tháng', basis: 'NĐ 20/2021 Điều 6 khoản 1 điểm đ', bands: [{ fromAge: 80, hundredths: 100 }] },
  { code: 'art5-5d', label: 'Người cao tuổi đủ điều kiện vào cơ sở trợ giúp xã hội nhưng sống tại cộng đồng', basis: 'NĐ 20/2021 Điều 6 khoản 1 điểm đ', bands: [{ fromAge: 60, hundredths: 300 }] },
  { code: 'art5-6-especially-severe', label: 'Người khuyết tật đặc biệt nặng', basis: 'NĐ 20/2021 Điều 6 khoản 1 điểm e', bands: [{ toAge: 16, hundredths: 250 }, { fromAge: 16, toAge: 60, hundredths: 200 }, { fromAge: 60, hundredths: 250 }] },
  { code: 'art5-6-severe', label: 'Người khuyết tật nặng', basis: 'NĐ 20/2021 Điều 6 khoản 1 điểm e', bands: [{ toAge: 16, hundredths: 200 }, { fromAge: 16, toAge: 60, hundredths: 150 }, { fromAge: 60, hundredths: 200 }] },
  { code: 'art5-7', label: 'Trẻ em dưới 3 tuổi thuộc hộ nghèo, cận nghèo ở xã đặc biệt khó khăn', basis: 'NĐ 20/2021 Điều 6 khoản 1 điểm g', bands: [{ toAge: 3, hundredths: 150 }] },
  { code: 'art5-8', label: 'Người nhiễm HIV/AIDS thuộc hộ nghèo không có nguồn thu nhập ổn định', basis: 'NĐ 20/2021 Điều 6 khoản 1 điểm h', bands: [{ hundredths: 150 }] },
  { code: 'art20-child-under-4', label: 'Hỗ trợ chăm sóc, nuôi dưỡng trẻ em dưới 4 tuổi', basis: 'NĐ 20/2021 Điều 20', bands: [{ hundredths: 250 }] },
  { code: 'art20-child-4-16', label: 'Hỗ trợ chăm sóc, nuôi dưỡng trẻ em từ 4 đến dưới 16 tuổi, người cao tuổi', basis: 'NĐ 20/2021 Điều 20', bands: [{ hundredths: 150 }] },
  { code: 'art20-especially-severe', label: 'Hỗ trợ hộ gia đình trực tiếp chăm sóc người khuyết tật đặc biệt nặng', basis: 'NĐ 20/2021 Điều 20', bands: [{ hundredths: 100 }] },
  { code: 'art20-disabled-parent-one-child', label: 'Người khuyết tật (đặc biệt) nặng đang mang thai hoặc nuôi một con dưới 36 tháng tuổi', basis: 'NĐ 20/2021 Điều 20', bands: [{ hundredths: 150 }] },
  { code: 'art20-disabled-parent-two-children', label: 'Người khuyết tật (đặc biệt) nặng mang thai và nuôi một con, hoặc nuôi từ hai con dưới 36 tháng tuổi', basis: 'NĐ 20/2021 Điều 20', bands: [{ hundredths: 200 }] },
  { code: 'art20-taking-in-especially-severe', label: 'Hỗ trợ hộ gia đình, cá nhân nhận nuôi dưỡng người khuyết tật đặc biệt nặng', basis: 'NĐ 20/2021 Điều 20', bands: [{ hundredths: 150 }] },
  { code: 'art20-taking-in-child-especially-severe', label: 'Hỗ trợ hộ gia đình, cá nhân nhận nuôi dưỡng trẻ em khuyết tật đặc biệt nặng', basis: 'NĐ 20/2021 Điều 20', bands: [{ hundredths: 250 }] },
  { code: 'art11-funeral', label: 'Hỗ trợ chi phí mai táng', basis: 'NĐ 20/2021 Điều 11 (tối thiểu 20 lần mức chuẩn)', bands: [{ hundredths: 2000 }] },
];

const BY_CODE = new Map(COEFFICIENT_GROUPS.map((g) => [g.code, g]));

export function coefficientGroup(code: string): CoefficientGroup | undefined {
  return BY_CODE.get(code);
}

/**
 * The coefficient (hundredths) of a group for a person in a period, from their age in that period; null when
 * the age is unknown and the group depends on it; 0 when the person is outside every band (a child grown out).
 */
export function coefficientFor(group: CoefficientGroup, birth: string | null, period: string): number | null {
  const ageFree = group.bands.length === 1 && group.bands[0].fromAge === undefined && group.bands[0].toAge === undefined;
  if (ageFree) return group.bands[0].hundredths;
  const age = birth ? ageInPeriod(birth, period) : null;
  if (age === null) return null;
  const band = group.bands.find((b) => (b.fromAge ?? 0) <= age && (b.toAge === undefined || age < b.toAge));
  return band ? band.hundredths : 0;
}

/** `250` → `2,5` as Vietnamese documents write a coefficient. */
export function formatCoefficient(hundredths: number): string {
  const whole = Math.floor(hundredths / 100);
  const frac = hundredths % 100;
  if (frac === 0) return String(whole);
  return `${whole},${String(frac).padStart(2, '0').replace(/0$/, '')}`;
}
