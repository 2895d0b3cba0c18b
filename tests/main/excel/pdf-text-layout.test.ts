import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { useFastTextLayout } from '../../../main/excel/pdf-text-layout';

const require = createRequire(import.meta.url);
const FONTS = { body: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf', bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf' };

interface Font { layout(text: string): { glyphs: { id: number }[]; positions: Record<string, number>[]; advanceWidth: number } }

function fonts(fast: boolean) {
  const doc = new PDFDocument({ autoFirstPage: false });
  const out: Record<string, Font> = {};
  for (const [name, file] of Object.entries(FONTS)) {
    doc.registerFont(name, require.resolve(file));
    if (fast) useFastTextLayout(doc, name, 3);
    else doc.font(name);
    out[name] = (doc as unknown as { _fontFamilies: Record<string, Font> })._fontFamilies[name];
  }
  return out;
}

// Kerned and ligature pairs ("AV", "Ty", "fi", "r."), digits, keys, amounts, Vietnamese words.
const SAMPLES = ['035090001234', '1.234.567', '2026-12:0190a3f2-7c3b-7d2e-9a1b-33f0c2d1e4a5:btxh-monthly', 'AVATAR Type office fifty r. y. T.', 'NGUYEN VAN AN',
  'Nguyễn Văn Hạnh', 'TCXH hằng tháng T12/2026 (2 thang) 33f0c2d1e4a5', 'Trang 12', 'Bằng chữ: Một tỷ không trăm linh năm triệu đồng.', 'W. Yo, LT-V',
  // Cells cut to their width, ending with an ellipsis (after a kerned pair too).
  '2026-12:0190a3f2-7c3b-7d…', 'TCXH hằng tháng T12/2026 (2 th…', 'AVAV…', 'LT-V…', 'Ty…', '7…', '…'];

describe('fast PDF text layout', () => {
  it('lays out every string with the glyphs and advances of fontkit\'s own shaping', () => {
    const plain = fonts(false);
    const fast = fonts(true);
    for (const name of Object.keys(FONTS)) {
      for (const s of [...SAMPLES, ...SAMPLES]) { // twice: the second time from the cache (emptied past 3 words)
        const a = plain[name].layout(s);
        const b = fast[name].layout(s);
        expect(b.glyphs.map((g) => g.id), `${name}: ${s}`).toEqual(a.glyphs.map((g) => g.id));
        expect(b.positions.map((p) => [p.xAdvance, p.xOffset, p.yOffset]), `${name}: ${s}`).toEqual(a.positions.map((p) => [p.xAdvance, p.xOffset, p.yOffset]));
        expect(b.advanceWidth).toBeCloseTo(a.advanceWidth, 6);
      }
    }
  });
});
