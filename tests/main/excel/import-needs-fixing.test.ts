import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../main/app/services';
import { saveUpload } from '../../../main/app/uploads';
import { demoServices, loginAs, okOutput as ok } from '../../support/services';
import { tempDir } from '../../support/temp-database';
import { listWorkbook } from '../../support/list-workbook';

// The needs-fixing list keeps what the import rejected (the cell's text, its column, why) on the record, names the
// person and the record in the report, and loses an item as soon as the clerk fixes it by hand.

let services: Services;
let cleanup: () => void;

const workbook = (rows: (string | number | null)[][]) => listWorkbook(rows, { sheet: 'DS tháng 5', above: [['DANH SÁCH ĐỐI TƯỢNG HƯỞNG TRỢ CẤP']] });

interface Item { sheet: string; row: number; field: string; code: string; message: string; fullName?: string | null; value?: string | null; column?: string | null; beneficiaryId?: string | null }

beforeAll(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  process.env.ANSINH_UPLOADS_DIR = join(t.dir, 'uploads');
  services = demoServices(t.dir, { people: 10 });
});
afterAll(async () => {
  await services.close();
  delete process.env.ANSINH_UPLOADS_DIR;
  cleanup();
});

describe('what an import rejected', () => {
  it('is reported with the person, the column, the value in the file and the record; the record keeps it; a fix by hand removes it', async () => {
    const clerk = await loginAs(services, 'canbo', 'canbo123!');
    const file = await workbook([
      [1, 'Đặng Văn Khải', 1948, '03504800112', 'Thôn Đông', 1500000], // an ID one digit short
      [2, 'Lò Thị Sim', 1951, '035151000222', 'Thôn Đông', 'một triệu'], // an amount in words
      [3, null, 1960, '035060000333', 'Thôn Tây', 500000], // no name: not imported
    ]);
    const preview = ok<{ needsFixing: Item[] }>(await clerk('import.preview', { fileRef: saveUpload(file), fileName: 'DS.xlsx' }));
    expect(preview.needsFixing.find((p) => p.field === 'idNumber')).toMatchObject({ fullName: 'Đặng Văn Khải', column: 'Số CCCD', value: '03504800112' });

    const report = ok<{ importId: string; needsFixing: Item[] }>(await clerk('import.commit', { fileRef: saveUpload(file), fileName: 'DS.xlsx' }));
    const id = report.needsFixing.find((p) => p.field === 'idNumber')!;
    expect(id).toMatchObject({ sheet: 'DS tháng 5', row: 3, fullName: 'Đặng Văn Khải', column: 'Số CCCD', value: '03504800112', code: 'id-malformed', beneficiaryId: expect.any(String) });
    const amount = report.needsFixing.find((p) => p.field === 'monthlyAmount')!;
    expect(amount).toMatchObject({ row: 4, fullName: 'Lò Thị Sim', column: 'Mức trợ cấp', value: 'một triệu', code: 'amount-invalid', beneficiaryId: expect.any(String) });
    expect(report.needsFixing.find((p) => p.field === 'fullName')).toMatchObject({ row: 5, code: 'name-missing', fullName: null, beneficiaryId: null });

    // The record holds the rejected value, its column and where the import found it.
    const record = ok<{ problems: { field: string; value?: string; column?: string; source?: unknown }[]; idNumber: string | null }>(await clerk('beneficiaries.get', { id: id.beneficiaryId }));
    expect(record.idNumber).toBeNull();
    expect(record.problems).toContainEqual(expect.objectContaining({
      field: 'idNumber', value: '03504800112', column: 'Số CCCD', source: { importId: report.importId, sheet: 'DS tháng 5', row: 3 },
    }));

    const before = ok<Item[]>(await clerk('import.needsFixing', { importId: report.importId }));
    expect(before.map((p) => [p.row, p.field, p.fullName, p.value])).toEqual([[3, 'idNumber', 'Đặng Văn Khải', '03504800112'], [4, 'monthlyAmount', 'Lò Thị Sim', 'một triệu']]);

    // The clerk corrects the ID from the report, through the one save of the record.
    const saved = ok<{ outcome: string }>(await clerk('beneficiaries.save', { id: id.beneficiaryId, baseRev: 1, fields: { idNumber: '035048001122' } }));
    expect(saved.outcome).toBe('saved');
    const after = ok<Item[]>(await clerk('import.needsFixing', { importId: report.importId }));
    expect(after.map((p) => [p.row, p.field])).toEqual([[4, 'monthlyAmount']]);
    const fixed = ok<{ problems: unknown[]; idNumber: string }>(await clerk('beneficiaries.get', { id: id.beneficiaryId }));
    expect(fixed.idNumber).toBe('035048001122');
    expect(fixed.problems).toEqual([]);
  });

  it('shows numbers Excel spoiled as Excel wrote them, and a re-import of the same file changes nobody', async () => {
    const clerk = await loginAs(services, 'canbo', 'canbo123!');
    const file = await workbook([[1, 'Hà Văn Tám', 1950, 3.5150009e21 as number, 'Thôn Đông', 800000]]);
    const first = ok<{ updated: number; imported: number; needsFixing: Item[] }>(await clerk('import.commit', { fileRef: saveUpload(file), fileName: 'DS2.xlsx' }));
    expect(first.imported).toBe(1);
    expect(first.needsFixing[0]).toMatchObject({ code: 'id-digits-lost', value: '3.5150009E+21', column: 'Số CCCD' });
    const again = ok<{ updated: number; unchanged: number; needsFixing: Item[] }>(await clerk('import.commit', { fileRef: saveUpload(file), fileName: 'DS2.xlsx' }));
    expect(again).toMatchObject({ updated: 0, unchanged: 1 });
    expect(again.needsFixing[0]).toMatchObject({ code: 'id-digits-lost', beneficiaryId: first.needsFixing[0].beneficiaryId });
  });

  it('is listed only to users of the commune', async () => {
    const clerk = await loginAs(services, 'canbo', 'canbo123!');
    const report = ok<{ importId: string }>(await clerk('import.commit', { fileRef: saveUpload(await workbook([[1, 'Mùa Văn Chớ', 1955, '0350', 'Thôn Đông', 500000]])), fileName: 'DS3.xlsx' }));
    expect(ok<Item[]>(await clerk('import.needsFixing', { importId: report.importId }))).toHaveLength(1);
    const clinic = await loginAs(services, 'yte', 'yte12345!');
    expect(await clinic('import.needsFixing', { importId: report.importId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
