import type { SeededRandom } from './seeded-random';
import { AN_LAO_VILLAGES } from './demo-villages';

// Generates realistic (but invented) commune beneficiaries. Pure: no I/O.

const FAMILY: readonly (readonly [string, number])[] = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9], ['Phạm', 7], ['Hoàng', 5], ['Vũ', 4], ['Đỗ', 4], ['Bùi', 3], ['Đặng', 3],
  ['Ngô', 2], ['Dương', 2], ['Đinh', 2], ['Lương', 1], ['Trịnh', 1], ['Phan', 2], ['Hồ', 1], ['Lý', 1], ['Đào', 1],
];
const MIDDLE_M = ['Văn', 'Đức', 'Hữu', 'Minh', 'Quang', 'Thế', 'Công', 'Xuân', 'Đình', 'Ngọc', 'Thanh', 'Mạnh'];
const MIDDLE_F = ['Thị', 'Thị', 'Thị', 'Thu', 'Ngọc', 'Thanh', 'Minh', 'Thúy', 'Hồng', 'Phương', 'Kim', 'Thị Minh'];
const GIVEN_M = ['An', 'Bình', 'Chiến', 'Cường', 'Dũng', 'Đức', 'Giang', 'Hải', 'Hùng', 'Khải', 'Long', 'Minh', 'Nam',
  'Phúc', 'Quân', 'Sơn', 'Thắng', 'Toàn', 'Tuấn', 'Việt', 'Hòa', 'Thủy', 'Lộc', 'Trọng', 'Ánh', 'Ảnh'];
const GIVEN_F = ['Anh', 'Chiêm', 'Dung', 'Điệp', 'Hà', 'Hạnh', 'Hoa', 'Hương', 'Lan', 'Linh', 'Mai', 'Nga', 'Ngọc',
  'Nhung', 'Nhường', 'Phượng', 'Tâm', 'Thảo', 'Thủy', 'Trang', 'Tuyết', 'Vân', 'Yến', 'Hòa', 'Ánh'];

/** The demo commune's villages: the real ones of the old Xã An Lão (main/demo/demo-villages.ts). */
export const DEMO_VILLAGES: readonly string[] = AN_LAO_VILLAGES;
const HOMETOWNS = ['Bình Lục, Hà Nam', 'Thanh Liêm, Hà Nam', 'Lý Nhân, Hà Nam', 'Ý Yên, Nam Định', 'Kim Bảng, Hà Nam', 'Duy Tiên, Hà Nam'];

interface Category {
  group: 'NCC' | 'TNCC' | 'BTXH';
  label: string;
  amount: number;
  birthYears: readonly [number, number];
}

// Amounts are illustrative demo figures in VND per month, not legal values.
const CATEGORIES: readonly (readonly [Category, number])[] = [
  [{ group: 'BTXH', label: 'Người cao tuổi (80 tuổi trở lên)', amount: 500_000, birthYears: [1926, 1945] }, 30],
  [{ group: 'BTXH', label: 'Người khuyết tật nặng', amount: 750_000, birthYears: [1950, 2010] }, 12],
  [{ group: 'BTXH', label: 'Người khuyết tật đặc biệt nặng', amount: 1_000_000, birthYears: [1930, 2015] }, 8],
  [{ group: 'BTXH', label: 'Trẻ em mồ côi', amount: 1_250_000, birthYears: [2010, 2022] }, 4],
  [{ group: 'BTXH', label: 'Người đơn thân nghèo nuôi con', amount: 500_000, birthYears: [1975, 2000] }, 4],
  [{ group: 'NCC', label: 'Bệnh binh', amount: 2_789_000, birthYears: [1935, 1965] }, 10],
  [{ group: 'NCC', label: 'Thương binh', amount: 3_120_000, birthYears: [1935, 1965] }, 10],
  [{ group: 'NCC', label: 'Người hoạt động kháng chiến bị nhiễm chất độc hóa học', amount: 2_789_000, birthYears: [1940, 1960] }, 6],
  [{ group: 'TNCC', label: 'Thân nhân liệt sĩ', amount: 2_789_000, birthYears: [1930, 1970] }, 10],
];

export const DEMO_BANKS: readonly (readonly [string, string])[] = [
  ['970405', 'Agribank'], ['970418', 'BIDV'], ['970415', 'VietinBank'], ['970436', 'Vietcombank'], ['970449', 'LPBank'],
];

export interface DemoPerson {
  fullName: string;
  birth: string;
  sex: 'M' | 'F';
  idNumber: string | null;
  oldIdNumber: string | null;
  village: string;
  hometown: string;
  permanentAddress: string;
  categoryGroup: string;
  categoryLabel: string;
  monthlyAmount: number;
  paymentChannel: 'bank' | 'cash' | 'authorised' | 'e-wallet';
  status: 'active' | 'stopped' | 'deceased' | 'moved';
  account: { bankBin: string; bankName: string; number: string; holderName: string; owner: 'self' | 'authorised' } | null;
}

/** Province code 035 is Hà Nam's birth-registration code; the 4th digit is century and sex (0/1: 1900s, 2/3: 2000s). */
function demoIdNumber(rng: SeededRandom, sex: 'M' | 'F', year: number): string {
  const century = year >= 2000 ? 2 : 0;
  const sexDigit = century + (sex === 'F' ? 1 : 0);
  return `035${sexDigit}${String(year % 100).padStart(2, '0')}${String(rng.int(0, 999_999)).padStart(6, '0')}`;
}

export function demoPerson(rng: SeededRandom, communeName: string, provinceName = 'Tỉnh Ninh Bình'): DemoPerson {
  const category = rng.weighted(CATEGORIES);
  const sex: 'M' | 'F' = rng.next() < 0.5 ? 'M' : 'F';
  const fullName = [rng.weighted(FAMILY), rng.pick(sex === 'M' ? MIDDLE_M : MIDDLE_F), rng.pick(sex === 'M' ? GIVEN_M : GIVEN_F)].join(' ');
  const year = rng.int(category.birthYears[0], category.birthYears[1]);
  const birth = year < 1950 && rng.next() < 0.25 ? String(year) : `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  const idKind = rng.next();
  const village = rng.pick(DEMO_VILLAGES);
  const hasAccount = rng.next() < 0.8;
  const owner = year < 1940 && rng.next() < 0.5 ? 'authorised' : 'self';
  const [bankBin, bankName] = rng.pick(DEMO_BANKS);
  const status = rng.weighted([['active', 92], ['stopped', 3], ['deceased', 3], ['moved', 2]] as const);
  return {
    fullName,
    birth,
    sex,
    idNumber: idKind < 0.9 ? demoIdNumber(rng, sex, year) : null,
    oldIdNumber: idKind >= 0.9 ? `035${String(rng.int(0, 999_999)).padStart(6, '0')}` : null,
    village,
    hometown: rng.pick(HOMETOWNS),
    permanentAddress: `${village}, ${communeName}, ${provinceName}`,
    categoryGroup: category.group,
    categoryLabel: category.label,
    monthlyAmount: category.amount,
    paymentChannel: hasAccount ? (owner === 'authorised' ? 'authorised' : 'bank') : 'cash',
    status,
    account: hasAccount
      ? { bankBin, bankName, number: String(rng.int(1, 9)) + String(rng.int(0, 999_999_999_999)).padStart(12, '0'), holderName: owner === 'self' ? fullName : `${rng.weighted(FAMILY)} ${rng.pick(MIDDLE_F)} ${rng.pick(GIVEN_F)}`, owner }
      : null,
  };
}
