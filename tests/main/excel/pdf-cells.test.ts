import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { PdfRowText } from '../../../main/excel/pdf-cells';
import { useFastTextLayout } from '../../../main/excel/pdf-text-layout';

const require = createRequire(import.meta.url);

// Keys, accounts, amounts, transfer notes, kerned pairs ("AV", "Ty", "r."), pairs across a space, cut cells.
const PLAIN = ['035090001234', '1.234.567', '2026-12:0190a3f2-7c3b-7d2e-9a1b-33f0c2d1e4a5:btxh-monthly', 'AVATAR Type office fifty r. y. T.',
  'NGUYEN VAN AN', 'TCXH hang thang T12/2026 (2 thang) 33F0C2D1E4', 'W. Yo, LT-V', 'A V', 'T.  y', '2026-12:0190a3f2-7c3b-7d…', 'AVAV…', 'Ty…', '7…', '…', ' x ', 'L\'A'];

interface Encoded { tj: string | null; advance: number }
// The two ways a string is encoded, compared directly: through pdfkit's own encode, and put together per character.
type Encoders = { encodeShaped(font: unknown, s: string): Encoded; encodePlain(font: unknown, s: string): Encoded | null };

describe('table cells written straight into the page', () => {
  for (const fast of [false, true]) {
    it(`put plain strings together exactly as pdfkit encodes them${fast ? ' (with the fast text layout)' : ''}`, () => {
      const doc = new PDFDocument({ autoFirstPage: false });
      for (const [name, file] of [['body', 'DejaVuSans.ttf'], ['bold', 'DejaVuSans-Bold.ttf']]) {
        doc.registerFont(name, require.resolve(`dejavu-fonts-ttf/ttf/${file}`));
        if (fast) useFastTextLayout(doc, name);
        else doc.font(name);
        const font = (doc as unknown as { _font: unknown })._font;
        const row = new PdfRowText(doc) as unknown as Encoders;
        for (const s of PLAIN) {
          const plain = row.encodePlain(font, s);
          // A ligature ("fi" of "office") is left to pdfkit.
          if (/f[fil]/.test(s)) expect(plain, `${name}: ${s}`).toBeNull();
          else expect(plain, `${name}: ${s}`).toEqual(row.encodeShaped(font, s));
        }
        expect(row.encodePlain(font, 'Nguyễn Văn An')).toBeNull();
      }
    });
  }
});
