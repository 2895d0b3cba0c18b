import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { encodeTcvn3 } from '../main/excel/legacy-text/tcvn3';
import { encodeVni } from '../main/excel/legacy-text/vni';

// Commune lists as the communes send them to the office above: three layouts (a plain Unicode list; the government
// layout in TCVN3 with a two-row header "Năm sinh › Nam / Nữ"; a VNI list with the account columns; and a CSV), a
// title naming the commune (by its old, pre-2025 name for some), and some people on two communes' lists.

export type ListLayout = 'unicode' | 'tcvn3' | 'vni' | 'csv';

export interface ListPerson {
  fullName: string;
  birth: string; // YYYY
  sex: 'M' | 'F';
  idNumber: string;
  village: string;
  category: string;
  amount: number;
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý', 'Trịnh', 'Đinh', 'Mai', 'Tạ'];
const MIDDLE = { M: ['Văn', 'Đức', 'Hữu', 'Quang', 'Xuân', 'Thế', 'Đình', 'Ngọc'], F: ['Thị', 'Thị Thu', 'Thị Minh', 'Ngọc', 'Thị Kim', 'Thị Thanh'] };
const GIVEN = {
  M: ['An', 'Bình', 'Cường', 'Dũng', 'Hùng', 'Khải', 'Lộc', 'Mạnh', 'Nghĩa', 'Quyết', 'Sơn', 'Thắng', 'Tuấn', 'Vượng', 'Hưởng', 'Ước'],
  F: ['Ánh', 'Chiêm', 'Dung', 'Điệp', 'Hường', 'Lụa', 'Mận', 'Nguyệt', 'Oanh', 'Phượng', 'Quỳnh', 'Tuyết', 'Xuyến', 'Yến', 'Thuỷ', 'Hoà'],
};
const VILLAGES = ['Thôn Đông', 'Xóm Trại', 'Thôn Ngọc Lũ', 'Xóm Chùa', 'Thôn Thượng', 'Tổ dân phố 3'];
const CATEGORIES: [string, number][] = [['Thương binh', 2_789_000], ['Thân nhân liệt sĩ', 2_789_000], ['Người cao tuổi (80 tuổi trở lên)', 500_000],
  ['Người khuyết tật nặng', 750_000], ['Trẻ em mồ côi', 1_000_000], ['Hộ nghèo', 500_000]];

/** The n-th person of the whole generated province (n unique: so is the ID). */
export function listPerson(n: number): ListPerson {
  const sex = n % 2 ? 'F' : 'M';
  const year = 1930 + (n * 7) % 80;
  const [category, amount] = CATEGORIES[(n * 13) % CATEGORIES.length];
  const given = GIVEN[sex][(n * 5) % GIVEN[sex].length];
  const middle = MIDDLE[sex][(n * 3) % MIDDLE[sex].length];
  const family = FAMILY[(n * 11) % FAMILY.length];
  const century = (year >= 2000 ? 2 : 0) + (sex === 'F' ? 1 : 0);
  return {
    fullName: `${family} ${middle} ${given}`, birth: String(year), sex,
    idNumber: `035${century}${String(year % 100).padStart(2, '0')}${String(n).padStart(6, '0')}`,
    village: VILLAGES[n % VILLAGES.length], category, amount,
  };
}

export interface CommuneList {
  /** The name the title gives ("Xã An Lão": maybe the commune's name before 2025). */
  titleName: string;
  period: string; // "Tháng 11 năm 2026"
  people: ListPerson[];
  layout: ListLayout;
}

/** Writes one commune's list; the file's extension must fit the layout (.csv for csv, else .xlsx). */
export async function writeCommuneList(file: string, list: CommuneList): Promise<void> {
  if (list.layout === 'csv') {
    const lines = [`UBND ${list.titleName.toLocaleUpperCase('vi')}`, `Danh sách đối tượng - ${list.period}`, 'STT,Họ và tên,Năm sinh,Giới tính,Số CCCD,Thôn/xóm,Đối tượng,Mức trợ cấp'];
    list.people.forEach((p, i) => lines.push([i + 1, p.fullName, p.birth, p.sex === 'F' ? 'Nữ' : 'Nam', p.idNumber, p.village, `"${p.category}"`, p.amount].join(',')));
    writeFileSync(file, `\ufeff${lines.join('\r\n')}\r\n`);
    return;
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS');
  const legacy = list.layout === 'tcvn3' || list.layout === 'vni';
  const font = list.layout === 'tcvn3' ? '.VnTime' : list.layout === 'vni' ? 'VNI-Times' : 'Times New Roman';
  const capsFont = list.layout === 'tcvn3' ? '.VnTimeH' : font;
  const enc = (s: string, caps = false) => {
    if (list.layout === 'tcvn3') return encodeTcvn3(s, caps);
    if (list.layout === 'vni') return encodeVni(caps ? s.toLocaleUpperCase('vi') : s);
    return caps ? s.toLocaleUpperCase('vi') : s;
  };
  const text = (row: ExcelJS.Row, col: number, s: string, caps = false) => {
    const cell = row.getCell(col);
    cell.value = enc(s, caps);
    if (legacy) cell.font = { name: caps ? capsFont : font };
  };
  let row = ws.addRow([]);
  text(row, 1, `UBND ${list.titleName}`, true);
  text(row, 6, 'Cộng hòa xã hội chủ nghĩa Việt Nam', true);
  row = ws.addRow([]);
  text(row, 1, `Danh sách đối tượng hưởng trợ cấp hàng tháng - ${list.period}`);
  ws.addRow([]);
  if (list.layout === 'tcvn3') {
    const header = ['STT', 'Họ và tên', 'Năm sinh', '', 'Số CCCD', 'Thôn, xóm', 'Đối tượng', 'Mức trợ cấp'];
    const top = ws.addRow([]);
    header.forEach((h, c) => h && text(top, c + 1, h));
    const sub = ws.addRow([]);
    text(sub, 3, 'Nam');
    text(sub, 4, 'Nữ');
    ws.mergeCells(top.number, 3, top.number, 4);
    for (const c of [1, 2, 5, 6, 7, 8]) ws.mergeCells(top.number, c, sub.number, c);
    list.people.forEach((p, i) => {
      const r = ws.addRow([i + 1]);
      text(r, 2, p.fullName);
      r.getCell(p.sex === 'M' ? 3 : 4).value = Number(p.birth);
      r.getCell(5).value = p.idNumber;
      text(r, 6, p.village);
      text(r, 7, p.category);
      r.getCell(8).value = p.amount;
    });
  } else {
    const header = list.layout === 'vni'
      ? ['TT', 'Họ tên đối tượng', 'Giới tính', 'Năm sinh', 'Số định danh cá nhân', 'Địa chỉ', 'Loại đối tượng', 'Số tiền (đồng)']
      : ['STT', 'Họ và tên', 'Giới tính', 'Năm sinh', 'Số CCCD', 'Thôn/xóm', 'Đối tượng', 'Mức trợ cấp'];
    const h = ws.addRow([]);
    header.forEach((t, c) => text(h, c + 1, t));
    list.people.forEach((p, i) => {
      const r = ws.addRow([i + 1]);
      text(r, 2, p.fullName);
      text(r, 3, p.sex === 'F' ? 'Nữ' : 'Nam');
      r.getCell(4).value = p.birth;
      r.getCell(5).value = p.idNumber;
      text(r, 6, p.village);
      text(r, 7, p.category);
      r.getCell(8).value = p.amount;
    });
  }
  const total = ws.addRow([]);
  text(total, 2, 'Tổng cộng');
  total.getCell(8).value = list.people.reduce((s, p) => s + p.amount, 0);
  const sign = ws.addRow([]);
  text(sign, 2, 'Người lập biểu');
  text(sign, 6, 'TM. Ủy ban nhân dân', true);
  writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
}
