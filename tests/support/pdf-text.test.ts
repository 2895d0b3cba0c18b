import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { readPdf } from './pdf-text';

const require = createRequire(import.meta.url);

function pdfOf(lines: string[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  doc.registerFont('body', require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
  doc.font('body').fontSize(9);
  for (const l of lines) doc.text(l);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  return new Promise((done) => {
    doc.on('end', () => done(Buffer.concat(chunks)));
    doc.end();
  });
}

// The PDF tests read our files back through this reader; a misread lets a test pass or fail by chance.
describe('reading our PDFs back', () => {
  it('reads a ligature ("ff" in a transaction key, "fi" in "office") and every character written after it', async () => {
    const lines = ['2026-12:01a240ab-0e8c-76c1-a9ff-ad6cea82b315:btxh-monthly', 'office fifty', 'NGUYỄN VĂN AN 500.000', 'Bùi Văn Lan'];
    const text = readPdf(await pdfOf(lines)).pageTexts.join(' ');
    for (const l of lines) expect(text).toContain(l);
  });
});
