import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROGRESS_COLUMNS, type ReportDocument } from '../../../main/reports/report-document';
import { writeReportPdf } from '../../../main/reports/report-pdf';
import { readPdf } from '../../support/pdf-text';
import { tempDir } from '../../support/temp-database';

// A province's report: dozens of communes, some with long names, in A4 landscape's narrow columns.

const { dir, cleanup } = tempDir();
afterAll(() => cleanup());

const names = ['Phường Hải Châu', 'Phường Ngũ Hành Sơn', 'Phường Điện Bàn', 'Phường Điện Bàn Bắc', 'Phường Điện Bàn Đông', 'Xã Thạnh Bình Đông Giang'];
const doc: ReportDocument = {
  issuingBody: 'UBND THÀNH PHỐ ĐÀ NẴNG', title: 'BÁO CÁO TIẾN ĐỘ AN SINH XÃ HỘI', subtitle: 'Tháng 12/2026 (từ 01/12/2026 đến 31/12/2026)',
  columns: PROGRESS_COLUMNS,
  rows: names.map((n, i) => [i + 1, n, ...PROGRESS_COLUMNS.slice(2).map((c) => (c.percent ? null : i * 1000))]),
  totals: ['', 'Tổng cộng', ...PROGRESS_COLUMNS.slice(2).map(() => 0)],
  dateLine: 'Đà Nẵng, ngày 04 tháng 12 năm 2026', signatures: { left: 'Người lập biểu', right: 'THỦ TRƯỞNG ĐƠN VỊ' },
};

describe('the report as a printable PDF', () => {
  it('writes every commune\'s whole name, and breaks no heading in the middle of a word', async () => {
    const file = join(dir, 'bao-cao.pdf');
    await writeReportPdf(file, [doc]);
    const text = readPdf(readFileSync(file)).pageTexts.join(' ').replace(/\s+/g, ' ');
    for (const n of names) expect(text).toContain(n);
    expect(text).not.toContain('…');
    // Line breaks come out as spaces: a heading read back with its words whole was broken only between them.
    for (const h of ['Hộ nghèo', 'Hộ cận nghèo', 'Thôi hưởng', 'Từ trần', 'Sai lệch đã xử lý']) expect(text).toContain(h);
  });
});
