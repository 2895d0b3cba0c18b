// The day's check-ins as one flat sheet (a header row, one row per visit) that a hospital information system imports:
// text cells stay text (ID numbers and card codes keep their leading zeros), dates are dd/mm/yyyy.
import ExcelJS from 'exceljs';
import type { Visit } from '../../shared/contract/clinic';
import { neutraliseFormula } from '../excel/neutralise-formula';

const STATUS_VI: Record<Visit['insurance']['status'], string> = {
  valid: 'Còn giá trị', expired: 'Hết hạn', 'not-found': 'Không tìm thấy', reduced: 'Báo giảm / thu hồi', refused: 'Bị từ chối', unknown: 'Chưa xác định',
};

const dmy = (iso: string | null) => (iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : iso ?? '');

function timeOf(ms: number): string {
  const d = new Date(ms + 7 * 3_600_000); // Vietnam time
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

const COLUMNS: { header: string; key: string; width: number }[] = [
  { header: 'STT', key: 'number', width: 6 },
  { header: 'Thời gian tiếp đón', key: 'time', width: 17 },
  { header: 'Họ và tên', key: 'fullName', width: 26 },
  { header: 'Ngày sinh', key: 'birth', width: 12 },
  { header: 'Giới tính', key: 'sex', width: 9 },
  { header: 'Số CCCD', key: 'idNumber', width: 15 },
  { header: 'Mã thẻ BHYT', key: 'cardCode', width: 17 },
  { header: 'Mức hưởng (%)', key: 'benefit', width: 10 },
  { header: 'Giá trị từ', key: 'validFrom', width: 12 },
  { header: 'Giá trị đến', key: 'validTo', width: 12 },
  { header: 'Nơi ĐK KCB ban đầu', key: 'facility', width: 12 },
  { header: 'Đủ 5 năm liên tục từ', key: 'fiveYears', width: 12 },
  { header: 'Tình trạng thẻ', key: 'status', width: 18 },
  { header: 'Mã kết quả', key: 'resultCode', width: 9 },
  { header: 'Nguồn tra cứu', key: 'source', width: 22 },
  { header: 'Ghi chú tra cứu', key: 'line', width: 50 },
  { header: 'Lý do khám', key: 'reason', width: 24 },
  { header: 'Cán bộ tiếp đón', key: 'officer', width: 22 },
];

export async function writeVisitsWorkbook(visits: readonly Visit[], day: string, file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  book.created = new Date();
  const sheet = book.addWorksheet(`Tiếp đón ${dmy(day).replace(/\//g, '-')}`);
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const t = (s: string | null | undefined) => neutraliseFormula(s ?? '');
  for (const v of visits) {
    const i = v.insurance;
    const row = sheet.addRow({
      number: v.number, time: timeOf(v.checkedInAt), fullName: t(v.person.fullName), birth: dmy(v.person.birth),
      sex: v.person.sex === 'F' ? 'Nữ' : v.person.sex === 'M' ? 'Nam' : '', idNumber: t(v.person.idNumber), cardCode: t(i.cardCode ?? v.person.cardCode),
      benefit: i.benefitPercent ?? '', validFrom: dmy(i.validFrom), validTo: dmy(i.validTo), facility: t(i.initialFacility), fiveYears: dmy(i.fiveYearsFrom),
      status: STATUS_VI[i.status], resultCode: t(i.resultCode), source: i.source === 'gateway' ? 'Cổng BHXH' : i.source === 'cache' ? `Lần tra trước (${i.checkedAt ? timeOf(i.checkedAt) : ''})` : 'Chưa tra được',
      line: t(i.line), reason: t(v.reason), officer: t(v.officerName),
    });
    for (const key of ['idNumber', 'cardCode', 'resultCode', 'facility']) row.getCell(key).numFmt = '@';
  }
  await book.xlsx.writeFile(file);
}
