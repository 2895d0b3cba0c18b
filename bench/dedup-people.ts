import type { SeededRandom } from '../main/demo/seeded-random';

// People for bench:dedup: a province-sized register with a known set of people listed twice. Pure.
// Names follow Vietnamese frequencies (Nguyễn about a third), ID numbers are unique per person (CCCD for most,
// an old CMND for some, none for a few), each person has a hometown. Planted duplicates are either the same ID
// listed twice (another commune, another village) or the same person written another way, without a shared ID:
// tone placement, capitals and spaces, no diacritics, i/y, Ð for Đ, a missing middle name, the given name first,
// a one-letter slip, the birth as a year only or with day and month swapped.

const FAMILY: readonly (readonly [string, number])[] = [
  ['Nguyễn', 34], ['Trần', 11], ['Lê', 9], ['Phạm', 7], ['Hoàng', 5], ['Huỳnh', 3], ['Vũ', 4], ['Võ', 3], ['Đỗ', 3], ['Bùi', 3],
  ['Đặng', 2], ['Ngô', 2], ['Dương', 2], ['Đinh', 2], ['Lương', 1], ['Trịnh', 1], ['Phan', 2], ['Hồ', 1], ['Lý', 1], ['Đào', 1],
  ['Mai', 1], ['Cao', 1], ['Tạ', 1], ['Lại', 1], ['Đoàn', 1], ['Vương', 1], ['Trương', 1], ['Quách', 1], ['Chu', 1], ['Kiều', 1],
];
const MIDDLE_M = ['Văn', 'Văn', 'Văn', 'Đức', 'Hữu', 'Minh', 'Quang', 'Thế', 'Công', 'Xuân', 'Đình', 'Ngọc', 'Thanh', 'Mạnh', 'Trọng', 'Bá',
  'Duy', 'Tiến', 'Quốc', 'Khắc', 'Viết', 'Anh', 'Hoàng', 'Trung', 'Văn Hữu', 'Đăng', 'Hồng', 'Kim', 'Tuấn', 'Thành'];
const MIDDLE_F = ['Thị', 'Thị', 'Thị', 'Thị', 'Thu', 'Ngọc', 'Thanh', 'Minh', 'Thúy', 'Hồng', 'Phương', 'Kim', 'Thị Minh', 'Thị Thu', 'Bích',
  'Hải', 'Mỹ', 'Diệu', 'Khánh', 'Như', 'Quỳnh', 'Tuyết', 'Lan', 'Thùy', 'Hoài', 'Ánh', 'Cẩm', 'Mai', 'Bảo', 'Thị Ngọc'];
const GIVEN_M = ['An', 'Bình', 'Chiến', 'Cường', 'Dũng', 'Đức', 'Giang', 'Hải', 'Hùng', 'Khải', 'Long', 'Minh', 'Nam', 'Phúc', 'Quân',
  'Sơn', 'Thắng', 'Toàn', 'Tuấn', 'Việt', 'Hòa', 'Thủy', 'Lộc', 'Trọng', 'Ánh', 'Bảo', 'Công', 'Danh', 'Đạt', 'Định', 'Đông', 'Hào',
  'Hiếu', 'Hiệp', 'Hoàn', 'Hưng', 'Huy', 'Khang', 'Khánh', 'Khoa', 'Kiên', 'Lâm', 'Lực', 'Mạnh', 'Nghĩa', 'Ngọc', 'Nhân', 'Phong',
  'Phú', 'Quang', 'Quý', 'Sang', 'Tài', 'Tâm', 'Tân', 'Thái', 'Thanh', 'Thành', 'Thịnh', 'Thông', 'Tiến', 'Trí', 'Trung', 'Tú',
  'Tùng', 'Vinh', 'Vũ', 'Xuân', 'Sỹ', 'Kỷ', 'Lý', 'Mỹ', 'Hy', 'Duy', 'Hoàng', 'Khoa', 'Lợi', 'Luận', 'Nhật', 'Quyết', 'Tuyên',
  'Cảnh', 'Chính', 'Diệu', 'Hạnh', 'Hậu', 'Hiển', 'Học', 'Kha', 'Lãm', 'Nguyên', 'Phát', 'Phước', 'Quế', 'Sáng', 'Toản', 'Tường'];
const GIVEN_F = ['Anh', 'Chiêm', 'Dung', 'Điệp', 'Hà', 'Hạnh', 'Hoa', 'Hương', 'Lan', 'Linh', 'Mai', 'Nga', 'Ngọc', 'Nhung', 'Nhường',
  'Phượng', 'Tâm', 'Thảo', 'Thủy', 'Trang', 'Tuyết', 'Vân', 'Yến', 'Hòa', 'Ánh', 'Bích', 'Châu', 'Chi', 'Cúc', 'Diệp', 'Duyên',
  'Giang', 'Hằng', 'Hiền', 'Hoài', 'Huệ', 'Huyền', 'Khánh', 'Khuyên', 'Lệ', 'Liên', 'Loan', 'Lụa', 'Ly', 'Mơ', 'My', 'Mỹ', 'Nguyệt',
  'Nhàn', 'Nhi', 'Oanh', 'Phương', 'Quyên', 'Quỳnh', 'Sen', 'Tâm', 'Thắm', 'Thanh', 'Thoa', 'Thơm', 'Thu', 'Thúy', 'Thư', 'Tiên',
  'Trâm', 'Trinh', 'Tú', 'Uyên', 'Vy', 'Xuân', 'Yên', 'Đào', 'Gấm', 'Hậu', 'Hồng', 'Hợi', 'Lài', 'Lý', 'Mận', 'Na', 'Nụ', 'Sương',
  'Thêu', 'Thìn', 'Tươi', 'Vui', 'Xoan', 'Đông', 'Hoè', 'Huê', 'Kim', 'Lành', 'Ngà', 'Nương', 'Phấn', 'Rạng', 'Son', 'Thảnh'];
const PROVINCES = ['Hà Nam', 'Nam Định', 'Ninh Bình', 'Thái Bình', 'Hưng Yên', 'Hải Dương', 'Thanh Hóa', 'Nghệ An', 'Hà Tĩnh', 'Bắc Ninh'];
const DISTRICTS = ['Bình Lục', 'Thanh Liêm', 'Lý Nhân', 'Kim Bảng', 'Duy Tiên', 'Ý Yên', 'Vụ Bản', 'Hải Hậu', 'Giao Thủy', 'Xuân Trường',
  'Gia Viễn', 'Hoa Lư', 'Yên Mô', 'Kim Sơn', 'Nho Quan', 'Tiền Hải', 'Kiến Xương', 'Vũ Thư', 'Quỳnh Phụ', 'Đông Hưng'];
const VILLAGES = ['Thôn Đông', 'Thôn Đoài', 'Thôn Nam', 'Thôn Bắc', 'Thôn Thượng', 'Thôn Hạ', 'Xóm Chùa', 'Thôn 1', 'Thôn 2', 'Thôn 3'];

export interface BenchPerson {
  fullName: string;
  birth: string | null;
  sex: 'M' | 'F';
  idNumber: string | null;
  oldIdNumber: string | null;
  hometown: string;
  village: string;
  unit: number;
}

export type Variant = 'same-id' | 'tone-placement' | 'capitals-spaces' | 'unaccented' | 'i-y' | 'd-lookalike' | 'middle-missing'
  | 'given-first' | 'one-letter' | 'year-only' | 'day-month-swapped' | 'date-format';

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

export function createPeople(rng: SeededRandom, units: number) {
  const serial = new Map<string, number>();
  let oldSerial = 0;
  /** Unique per person: province 035, century and sex, year, then a running number (a register has no two people with one ID). */
  const idNumber = (sex: 'M' | 'F', year: number) => {
    const prefix = `035${(year >= 2000 ? 2 : 0) + (sex === 'F' ? 1 : 0)}${String(year % 100).padStart(2, '0')}`;
    const next = (serial.get(prefix) ?? 0) + 1;
    serial.set(prefix, next);
    return prefix + String((next * 7919) % 1_000_000).padStart(6, '0');
  };
  return {
    person(): BenchPerson {
      const sex: 'M' | 'F' = rng.next() < 0.5 ? 'M' : 'F';
      const fullName = [rng.weighted(FAMILY), rng.pick(sex === 'M' ? MIDDLE_M : MIDDLE_F), rng.pick(sex === 'M' ? GIVEN_M : GIVEN_F)].join(' ');
      const year = rng.int(1925, 2020);
      const birth = year < 1950 && rng.next() < 0.05 ? String(year) : iso(year, rng.int(1, 12), rng.int(1, 28));
      const ids = rng.next();
      return {
        fullName, birth, sex,
        idNumber: ids < 0.9 ? idNumber(sex, year) : null,
        oldIdNumber: ids >= 0.9 && ids < 0.95 ? String(160_000_000 + ++oldSerial * 13) : null,
        hometown: `${rng.pick(DISTRICTS)}, ${rng.pick(PROVINCES)}`,
        village: rng.pick(VILLAGES),
        unit: rng.int(0, units - 1),
      };
    },

    /** The same person listed again: the same ID, or written another way without a shared ID. */
    duplicate(p: BenchPerson): { copy: BenchPerson; variants: Variant[] } {
      const elsewhere = { village: rng.pick(VILLAGES), unit: rng.next() < 0.5 ? p.unit : rng.int(0, units - 1) };
      if (rng.next() < 0.3 && (p.idNumber || p.oldIdNumber)) {
        const copy = { ...p, ...elsewhere };
        if (rng.next() < 0.3) copy.fullName = toneStyle(copy.fullName);
        return { copy, variants: ['same-id'] };
      }
      // Listed again from another list: no ID, or only the old CMND beside a record with only the new ID.
      const copy: BenchPerson = { ...p, ...elsewhere, idNumber: null, oldIdNumber: null };
      const variants: Variant[] = [];
      const nameChanges: [Variant, (name: string) => string | null][] = [
        ['tone-placement', (n) => (toneStyle(n) !== n ? toneStyle(n) : null)],
        ['capitals-spaces', (n) => ` ${n.toUpperCase().replace(/ /g, '  ')} `],
        ['unaccented', (n) => n.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')],
        ['i-y', (n) => (/[bcdđghklmnprstvx][yýỳỷỹỵ]$/iu.test(n) ? swapIY(n) : null)],
        ['d-lookalike', (n) => (n.includes('Đ') ? n.replace(/Đ/g, 'Ð') : null)],
        ['middle-missing', (n) => { const w = n.split(' '); return w.length > 2 ? `${w[0]} ${w[w.length - 1]}` : null; }],
        ['given-first', (n) => { const w = n.split(' '); return [w[w.length - 1], ...w.slice(0, -1)].join(' '); }],
        ['one-letter', (n) => slip(rng, n)],
      ];
      const [variant, change] = rng.pick(nameChanges);
      const changed = change(copy.fullName);
      if (changed !== null) {
        copy.fullName = changed;
        variants.push(variant);
      }
      const b = p.birth && /^\d{4}-\d{2}-\d{2}$/.test(p.birth) ? p.birth : null;
      const dateChange = rng.next();
      if (b && dateChange < 0.15) {
        copy.birth = b.slice(0, 4);
        variants.push('year-only');
      } else if (b && dateChange < 0.3 && Number(b.slice(8)) <= 12 && b.slice(5, 7) !== b.slice(8)) {
        copy.birth = `${b.slice(0, 4)}-${b.slice(8)}-${b.slice(5, 7)}`;
        variants.push('day-month-swapped');
      } else if (b && dateChange < 0.5) {
        copy.birth = `${b.slice(8)}/${b.slice(5, 7)}/${b.slice(0, 4)}`;
        variants.push('date-format');
      }
      if (p.idNumber && rng.next() < 0.2) copy.oldIdNumber = String(170_000_000 + rng.int(0, 9_999_999));
      if (rng.next() < 0.2) copy.hometown = `H. ${copy.hometown.replace(', ', ', T. ')}`;
      return { copy, variants };
    },
  };
}

/** hòa ↔ hoà, thủy ↔ thuỷ: the other accepted place of the tone mark in oa, oe, uy. */
function toneStyle(name: string): string {
  return name.normalize('NFD').replace(/([oO])([\u0300\u0301\u0303\u0309\u0323])([aAeE])(?=\s|$)|([uU])([\u0300\u0301\u0303\u0309\u0323])([yY])(?=\s|$)/g,
    (_, o, t, a, u, t2, y) => (o ? `${o}${a}${t}` : `${u}${y}${t2}`)).normalize('NFC');
}

function swapIY(name: string): string {
  return name.normalize('NFD').replace(/y(\p{M}*)$/u, 'i$1').normalize('NFC');
}

/** One letter of the family or given name typed wrong (a letter doubled, dropped or replaced). */
function slip(rng: SeededRandom, name: string): string | null {
  const words = name.split(' ');
  const at = rng.next() < 0.5 ? 0 : words.length - 1;
  const w = [...words[at].normalize('NFC')];
  if (w.length < 4) return null;
  const i = rng.int(1, w.length - 1);
  const kind = rng.int(0, 2);
  if (kind === 0) w.splice(i, 1);
  else if (kind === 1) w.splice(i, 0, w[i]);
  else w[i] = w[i] === 'n' ? 'm' : 'n';
  words[at] = w.join('');
  return words.join(' ');
}
