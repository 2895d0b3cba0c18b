import type { CanonicalRecord } from '../registry/canonical-records';
import { amountCell, birthCell, digitsCell, numberCell, sexText, textCell } from './export-cells';
import type { OfficeInfo } from './export-office';
import { formatBirth } from '../../shared/format/dates';
import { ListSheet, type ListColumn } from './list-sheet';

// The commune's list for the district, in the government layout the district sends out and the import
// reads back: birth date under "Nam" or "Nữ" (which gives the sex), one section per village, totals.

const COLUMNS: ListColumn[] = [
  { header: 'STT', width: 6, align: 'center' },
  { header: 'Họ và tên', width: 26 },
  { header: 'Nam', group: 'Ngày, tháng, năm sinh', width: 11, align: 'center' },
  { header: 'Nữ', group: 'Ngày, tháng, năm sinh', width: 11, align: 'center' },
  { header: 'Số CCCD', width: 15, text: true, align: 'center' },
  { header: 'Số CMND cũ', width: 11, text: true, align: 'center' },
  { header: 'Quê quán', width: 20 },
  { header: 'Địa chỉ thường trú', width: 24 },
  { header: 'Đối tượng', width: 26 },
  { header: 'Số tiền trợ cấp/tháng', width: 13, align: 'right' },
  { header: 'Số tài khoản', width: 18, text: true, align: 'center' },
  { header: 'Ngân hàng', width: 14 },
  { header: 'Ghi chú', width: 18 },
];
const AMOUNT = 9;
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX'];

function roman(n: number): string {
  return ROMAN[n - 1] ?? String(n);
}

/**
 * Groups by village (sections in order of first appearance, people in the order given) and writes the list.
 * A commune's list is held in memory while grouping: thousands of rows, not a district's hundreds of thousands.
 */
export async function writeDistrictList(records: Iterable<CanonicalRecord>, office: OfficeInfo, file: string, title = 'DANH SÁCH ĐỐI TƯỢNG HƯỞNG TRỢ CẤP HÀNG THÁNG'): Promise<number> {
  // People without a village come first, before any section row (a section row would give them one).
  const byVillage = new Map<string, CanonicalRecord[]>([['', []]]);
  for (const r of records) {
    const key = r.village ?? '';
    let group = byVillage.get(key);
    if (!group) byVillage.set(key, (group = []));
    group.push(r);
  }
  const list = new ListSheet(file, { sheetName: 'Danh sách', title, office, columns: COLUMNS });
  let n = 0;
  let total = 0;
  let sections = 0;
  for (const [village, people] of byVillage) {
    if (people.length === 0) continue;
    if (village) list.section(roman(++sections), village);
    for (const r of people) {
      n += 1;
      total += r.monthlyAmount ?? 0;
      // The layout has no sex column: without a known sex, the birth (or, without a birth, the sex) goes into the notes.
      const birth = birthCell(r.birth);
      const note = !r.sex && r.birth ? `Sinh ${formatBirth(r.birth)}, chưa rõ giới tính` : r.sex && !r.birth ? `Giới tính ${sexText(r.sex)}, chưa rõ ngày sinh` : null;
      list.row([
        numberCell(n), textCell(r.fullName), r.sex === 'M' ? birth : { value: null }, r.sex === 'F' ? birth : { value: null },
        digitsCell(r.idNumber), digitsCell(r.oldIdNumber), textCell(r.hometown), textCell(r.permanentAddress),
        textCell(r.categoryLabel), amountCell(r.monthlyAmount), digitsCell(r.accountNumber), textCell(r.bankName), textCell(note),
      ]);
    }
  }
  list.totals(`Cộng: ${n} đối tượng`, { [AMOUNT]: amountCell(total) });
  await list.finish();
  return n;
}
