import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../main/excel/read-workbook';
import { writeGovernmentWorkbook } from '../../fixtures/excel/government-xlsx';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'ansinh-hostile-'));
let good: string;

beforeAll(async () => {
  good = path.join(tmp, 'good.xlsx');
  await writeGovernmentWorkbook(good, { rows: 40, text: 'tcvn3' });
});

async function refusal(file: string): Promise<string> {
  try {
    await readWorkbook(file);
  } catch (e) {
    return (e as { code?: string }).code ?? 'no-code';
  }
  return 'accepted';
}

/** Rewrites the declared uncompressed size of every central-directory entry: what a zip bomb declares. */
function declareHugeSizes(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 46 < out.length; i++) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 0xfffffff0, true);
  }
  return out;
}

describe('hostile and broken files get a clear refusal', () => {
  it('refuses a zip bomb from its central directory, before inflating anything', async () => {
    const file = path.join(tmp, 'bomb.xlsx');
    writeFileSync(file, declareHugeSizes(readFileSync(good)));
    expect(await refusal(file)).toBe('zip-bomb');
  });

  it('refuses a really highly compressed entry', async () => {
    const file = path.join(tmp, 'bomb2.xlsx');
    const zeros = new Uint8Array(64 * 1024 * 1024);
    writeFileSync(file, zipSync({ '[Content_Types].xml': new TextEncoder().encode('<Types/>'), 'xl/workbook.xml': new Uint8Array(10), 'xl/worksheets/sheet1.xml': zeros }, { level: 9 }));
    expect(await refusal(file)).toBe('zip-bomb');
  });

  it('refuses a password-protected workbook (an encrypted package in an OLE container)', async () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', new Uint8Array(200));
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', new Uint8Array(5000));
    const file = path.join(tmp, 'locked.xlsx');
    writeFileSync(file, XLSX.CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
    expect(await refusal(file)).toBe('workbook-password');
  });

  it('refuses files that are not spreadsheets, and truncated ones', async () => {
    const png = path.join(tmp, 'photo.xlsx');
    writeFileSync(png, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    expect(await refusal(png)).toBe('not-a-spreadsheet');
    const docx = path.join(tmp, 'letter.xlsx');
    writeFileSync(docx, zipSync({ '[Content_Types].xml': new Uint8Array(5), 'word/document.xml': new Uint8Array(5) }));
    expect(await refusal(docx)).toBe('not-a-spreadsheet');
    const cut = path.join(tmp, 'cut.xlsx');
    const bytes = readFileSync(good);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(await refusal(cut)).toBe('workbook-truncated');
  });

  it('reads a CSV line of a million columns in bounded memory', async () => {
    const file = path.join(tmp, 'wide.csv');
    writeFileSync(file, `Họ và tên,Năm sinh,CCCD,Số tiền\nNguyễn Văn An,1950,035050123456,500000${','.repeat(1_000_000)}\n`);
    const reading = await readWorkbook(file);
    expect(reading.records).toHaveLength(1);
    expect(reading.records[0]).toMatchObject({ fullName: 'Nguyễn Văn An', birth: '1950', idNumber: '035050123456', monthlyAmount: 500000 });
  });

  it('takes the calculated value of a formula with a warning, and flags one never calculated', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DS');
    ws.addRow(['STT', 'Họ và tên', 'Năm sinh', 'Số CCCD', 'Số tiền']);
    ws.addRow([1, 'Nguyễn Văn An', 1950, '035050123456', { formula: '2*250000', result: 500000 }]);
    ws.addRow([2, 'Trần Thị Bình', 1951, '035151123456', { formula: '2*250000' }]);
    const file = path.join(tmp, 'formulas.xlsx');
    await wb.xlsx.writeFile(file);
    const reading = await readWorkbook(file);
    expect(reading.records[0].monthlyAmount).toBe(500000);
    expect(reading.records[0].problems.map((p) => p.code)).toEqual(['formula-value']);
    expect(reading.records[1].monthlyAmount).toBeNull();
    expect(reading.needsFixing).toContainEqual(expect.objectContaining({ row: 3, field: 'monthlyAmount', code: 'formula-without-value' }));
  });
});
