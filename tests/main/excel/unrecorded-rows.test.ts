import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../main/app/services';
import { registerLocalFile } from '../../../main/app/uploads';
import { formValuesFromRow } from '../../../renderer/beneficiaries/edit/form-values';
import { demoServices, loginAs, okOutput } from '../../support/services';
import { tempDir } from '../../support/temp-database';

// A row the import cannot record (no name) is still in the report with what its other cells held, so that the
// clerk adds the person from there: the form starts from those values, the clerk types the name, and the save
// applies the import's rules as for any new person.

let dir: string;
let cleanup: () => void;
let services: Services;
let file: string;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  services = demoServices(dir, { people: 5 });
  file = path.join(dir, 'thieu-ten.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS');
  ws.addRow(['STT', 'Họ và tên', 'Năm sinh', 'Giới tính', 'Số CCCD', 'Thôn', 'Đối tượng', 'Mức trợ cấp']);
  ws.addRow([1, 'Lường Văn Chiến', 1950, 'Nam', '001050000111', 'Thôn Đông', 'Người cao tuổi', 500000]);
  ws.addRow([2, null, '12/03/1961', 'Nữ', '001161000333', 'Thôn Tây', 'Người khuyết tật nặng', '750.000']);
  await wb.xlsx.writeFile(file);
});
afterAll(async () => {
  await services.close();
  cleanup();
});

describe('a row without a name', () => {
  it('is reported with its other cells, and the person is added from them with the name typed', async () => {
    const clerk = await loginAs(services, 'canbo', 'canbo123!');
    const fileRef = registerLocalFile(file);
    const report = okOutput<{ imported: number; needsFixing: { row: number; code: string; beneficiaryId?: string | null; fullName?: string | null; rowValues?: Record<string, string> | null }[] }>(
      await clerk('import.commit', { fileRef, fileName: 'thieu-ten.xlsx', unitId: null }));
    expect(report.imported).toBe(1);
    const missing = report.needsFixing.find((p) => p.code === 'name-missing')!;
    expect(missing).toMatchObject({ row: 3, beneficiaryId: null, fullName: null });
    expect(missing.rowValues).toEqual({
      birth: '12/03/1961', sex: 'Nữ', idNumber: '001161000333', village: 'Thôn Tây', categoryLabel: 'Người khuyết tật nặng', monthlyAmount: '750.000',
    });

    // The form's values from the row (the sex as the form's choice), the name typed by the clerk.
    const fields = { ...formValuesFromRow(missing.rowValues), fullName: 'Lò Thị  Mai' };
    expect(fields.sex).toBe('F');
    const saved = okOutput<{ outcome: string; id: string }>(await clerk('beneficiaries.save', { id: null, fields, reasons: {} }));
    expect(saved.outcome).toBe('saved');
    const person = okOutput<Record<string, unknown>>(await clerk('beneficiaries.get', { id: saved.id }));
    expect(person).toMatchObject({
      fullName: 'Lò Thị Mai', birth: '1961-03-12', sex: 'F', idNumber: '001161000333', village: 'Thôn Tây',
      categoryGroup: 'BTXH', categoryLabel: 'Người khuyết tật nặng', monthlyAmount: 750_000,
    });
  });
});
