import type { CanonicalRecord } from '../registry/canonical-records';
import { amountCell, birthCell, digitsCell, numberCell, textCell } from './export-cells';
import type { OfficeInfo } from './export-office';
import { ListSheet, type ListColumn } from './list-sheet';

// The list of people without an account, sent to the bank so it can open one for each of them.

const COLUMNS: ListColumn[] = [
  { header: 'STT', width: 6, align: 'center' },
  { header: 'Họ và tên', width: 26 },
  { header: 'Ngày sinh', width: 12, align: 'center' },
  { header: 'Số định danh', width: 16, text: true, align: 'center' },
  { header: 'Nơi thường trú', width: 32 },
  { header: 'Đối tượng', width: 30 },
  { header: 'Mức hưởng', width: 13, align: 'right' },
  { header: 'Ghi chú', width: 22 },
];

/** Writes the records that have no account number (the caller passes only people still receiving). */
export async function writeUnbankedList(records: Iterable<CanonicalRecord>, office: OfficeInfo, file: string): Promise<number> {
  const list = new ListSheet(file, {
    sheetName: 'Chưa có tài khoản',
    title: 'DANH SÁCH ĐỐI TƯỢNG CHƯA CÓ TÀI KHOẢN ĐỀ NGHỊ MỞ TÀI KHOẢN NHẬN TRỢ CẤP',
    office,
    columns: COLUMNS,
  });
  let n = 0;
  let total = 0;
  for (const r of records) {
    if (r.accountNumber) continue;
    n += 1;
    total += r.monthlyAmount ?? 0;
    const oldIdOnly = !r.idNumber && !!r.oldIdNumber;
    list.row([
      numberCell(n), textCell(r.fullName), birthCell(r.birth), digitsCell(r.idNumber ?? r.oldIdNumber),
      textCell(r.permanentAddress ?? r.village), textCell(r.categoryLabel), amountCell(r.monthlyAmount),
      textCell(oldIdOnly ? 'Số CMND cũ (chưa có CCCD)' : null),
    ]);
  }
  list.totals(`Cộng: ${n} người`, { 6: amountCell(total) });
  await list.finish();
  return n;
}
