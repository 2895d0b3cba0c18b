import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readVerticalMerges } from '../../../main/excel/merged-cells';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'ansinh-merges-'));

describe("a workbook's merged ranges, read before its rows", () => {
  it('finds the ranges of each sheet that span rows, stored or deflated, in a part far larger than one read chunk', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>x</t></is></c></row>`).join('');
    const sheet = (merges: string) => `<worksheet><sheetData>${rows}</sheetData><mergeCells count="3">${merges}</mergeCells></worksheet>`;
    const file = path.join(tmp, 'merges.xlsx');
    writeFileSync(file, zipSync({
      'xl/worksheets/sheet1.xml': [strToU8(sheet('<mergeCell ref="B2:B3"/><mergeCell ref="A1:D1"/><mergeCell ref="AA100:AB20000"/>')), { level: 6 }],
      'xl/worksheets/sheet2.xml': [strToU8(sheet('<x:mergeCell ref="C5:C9"/>')), { level: 0 }],
      'xl/worksheets/sheet3.xml': [strToU8(sheet('')), { level: 6 }],
    }));
    const merges = await readVerticalMerges(file);
    expect(merges.get(1)).toEqual([{ top: 2, bottom: 3, left: 2, right: 2 }, { top: 100, bottom: 20000, left: 27, right: 28 }]);
    expect(merges.get(2)).toEqual([{ top: 5, bottom: 9, left: 3, right: 3 }]);
    expect(merges.has(3)).toBe(false);
  });
});
