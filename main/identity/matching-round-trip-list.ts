import { birthCell, digitsCell, numberCell, sexText, textCell } from '../excel/export-cells';
import type { OfficeInfo } from '../excel/export-office';
import { ListSheet, type ListColumn } from '../excel/list-sheet';
import type { MatchRecord } from './matching-round-trip-queries';

// The list sent to the police (Công an xã → Bộ Công an) for matching with the national population database, in the
// layout they ask for: the four fields the matching checks (name, birth, hometown, permanent address) with ID and
// sex, a batch number in the title and a row key beside each person so that the results come back to the right record.

export const MATCHING_COLUMNS: ListColumn[] = [
  { header: 'STT', width: 6, align: 'center' },
  { header: 'Mã dòng', width: 22, text: true, align: 'center' },
  { header: 'Họ, chữ đệm và tên', width: 26 },
  { header: 'Ngày, tháng, năm sinh', width: 12, align: 'center' },
  { header: 'Giới tính', width: 8, align: 'center' },
  { header: 'Số định danh cá nhân', width: 16, text: true, align: 'center' },
  { header: 'Số CMND', width: 12, text: true, align: 'center' },
  { header: 'Quê quán', width: 24 },
  { header: 'Nơi đăng ký thường trú', width: 30 },
  { header: 'Ghi chú', width: 20 },
];

export function batchTitle(batch: string): string {
  return `DANH SÁCH ĐỀ NGHỊ ĐỐI CHIẾU THÔNG TIN VỚI CƠ SỞ DỮ LIỆU QUỐC GIA VỀ DÂN CƯ - ĐỢT SỐ ${batch}`;
}

export async function writeMatchingBatch(file: string, batch: string, people: readonly { record: MatchRecord; rowKey: string }[], office: OfficeInfo): Promise<void> {
  const list = new ListSheet(file, {
    sheetName: 'Đối chiếu dân cư',
    title: batchTitle(batch),
    subtitles: [`Số đợt: ${batch} — ${people.length} người`],
    office,
    columns: MATCHING_COLUMNS,
  });
  people.forEach(({ record: r, rowKey }, i) => {
    list.row([
      numberCell(i + 1), digitsCell(rowKey), textCell(r.fullName), birthCell(r.birth), textCell(sexText(r.sex)), digitsCell(r.idNumber),
      digitsCell(r.oldIdNumber), textCell(r.hometown), textCell(r.permanentAddress ?? r.village), textCell(null),
    ]);
  });
  list.totals(`Cộng: ${people.length} người`, {});
  await list.finish();
}
