import { foldVietnamese } from '../../shared/text/fold';
import type { CategoryGroup } from './canonical-record';

// Which group a category label written in a list belongs to:
// NCC people with meritorious service, TNCC their relatives, BTXH social-assistance beneficiaries.
const RULES: readonly [CategoryGroup, RegExp][] = [
  ['TNCC', /than nhan|(vo|chong|con|cha|me|bo) (cua )?liet si|tho cung liet si|nguoi tho cung/],
  ['NCC', /thuong binh|benh binh|liet si|nguoi co cong|chat doc hoa hoc|me viet nam anh hung|anh hung|hoat dong (cach mang|khang chien)|lao thanh cach mang|tien khoi nghia|giup do cach mang|bi dich bat|tu day|quan nhan/],
  ['BTXH', /bao tro xa hoi|cao tuoi|khuyet tat|mo coi|tre em|don than|ho ngheo|can ngheo|hiv|tam than|khong noi nuong tua|nguoi gia|btxh/],
];

export function categoryGroupOf(label: string | null): CategoryGroup | null {
  if (!label) return null;
  const folded = foldVietnamese(label);
  for (const [group, pattern] of RULES) if (pattern.test(folded)) return group;
  return null;
}
