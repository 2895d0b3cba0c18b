import type { CanonicalRecord } from '../registry/canonical-records';
import { birthCell, digitsCell, numberCell, sexText, textCell } from './export-cells';
import type { OfficeInfo } from './export-office';
import { ListSheet, type ListColumn } from './list-sheet';

// The list sent to the police / population office to be matched with the national population database:
// the identity fields they check, one person per row.

const COLUMNS: ListColumn[] = [
  { header: 'STT', width: 6, align: 'center' },
  { header: 'Họ và tên', width: 26 },
  { header: 'Ngày sinh', width: 12, align: 'center' },
  { header: 'Giới tính', width: 8, align: 'center' },
  { header: 'Số định danh cá nhân', width: 16, text: true, align: 'center' },
  { header: 'Số CMND cũ', width: 12, text: true, align: 'center' },
  { header: 'Quê quán', width: 24 },
  { header: 'Nơi thường trú', width: 30 },
  { header: 'Ghi chú', width: 24 },
];

/** Problems on the fields the population office checks, said in the notes column. */
const IDENTITY_FIELDS = new Set(['idNumber', 'oldIdNumber', 'birth', 'sex', 'fullName']);

export async function writePopulationMatchingList(records: Iterable<CanonicalRecord>, office: OfficeInfo, file: string): Promise<number> {
  const list = new ListSheet(file, {
    sheetName: 'Đối chiếu dân cư',
    title: 'DANH SÁCH ĐỐI TƯỢNG ĐỀ NGHỊ ĐỐI CHIẾU VỚI CƠ SỞ DỮ LIỆU QUỐC GIA VỀ DÂN CƯ',
    office,
    columns: COLUMNS,
  });
  let n = 0;
  for (const r of records) {
    n += 1;
    const notes = r.problems.filter((p) => IDENTITY_FIELDS.has(p.field)).map((p) => p.message);
    list.row([
      numberCell(n), textCell(r.fullName), birthCell(r.birth), textCell(sexText(r.sex)), digitsCell(r.idNumber),
      digitsCell(r.oldIdNumber), textCell(r.hometown), textCell(r.permanentAddress ?? r.village),
      textCell(notes.length ? `Cần kiểm tra: ${notes.join(' ')}` : null),
    ]);
  }
  list.totals(`Cộng: ${n} người`, {});
  await list.finish();
  return n;
}
