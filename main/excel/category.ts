import { foldVietnamese } from '../../shared/text/fold';
import type { CategoryGroup } from './canonical-record';

// Which group a category label written in a list belongs to:
// NCC people with meritorious service, TNCC their relatives, BTXH social-assistance beneficiaries.
// Lists abbreviate freely ("TB 4/4", "NCT 80+", "NKT ĐBN", "ĐT BTXH"), so whole-word abbreviations count too.
const RULES: readonly [CategoryGroup, RegExp][] = [
  ['TNCC', /than nhan|(vo|chong|con|cha|me|bo) (de |nuoi )?(cua )?(liet si|thuong binh|benh binh|nguoi co cong|ls|tb|bb|ncc)\b|tho cung liet si|nguoi tho cung|(^| )tnls( |$)/],
  ['NCC', /thuong binh|benh binh|liet si|nguoi co cong|chat doc hoa hoc|me viet nam anh hung|anh hung|hoat dong (cach mang|khang chien)|lao thanh cach mang|tien khoi nghia|giup do cach mang|bi dich bat|tu day|quan nhan|(^| )(ncc|tb|bb|cdhh|mvnah|ltcm|tkn|hdkc)( |\d|$)/],
  ['BTXH', /bao tro xa hoi|cao tuoi|khuyet tat|mo coi|tre em|don than|ho ngheo|can ngheo|hiv|tam than|khong noi nuong tua|nguoi gia|btxh|nghi dinh 20|nd 20|(^| )(nct|nkt|temc|tedbkk)( |\d|$)/],
];

const remembered = new Map<string, CategoryGroup | null>();

export function categoryGroupOf(label: string | null): CategoryGroup | null {
  if (!label) return null;
  let group = remembered.get(label);
  if (group === undefined) {
    group = groupOf(label);
    // Lists repeat a few dozen labels thousands of times.
    if (remembered.size < 1000) remembered.set(label, group);
  }
  return group;
}

function groupOf(label: string): CategoryGroup | null {
  const folded = foldVietnamese(label);
  for (const [group, pattern] of RULES) if (pattern.test(folded)) return group;
  return null;
}
