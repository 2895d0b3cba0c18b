import type PDFDocument from 'pdfkit';

// Table cells written straight into the page's content stream: one text object per row, each cell a position and
// the glyphs pdfkit's own font encodes (so the subset, the widths and the text a reader copies are pdfkit's). The
// same operators pdfkit's doc.text() writes for one line without options, without its option handling, line
// wrapper and state saves around every cell: a roster of 100,000 lines is a million cells.

interface Position { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }
interface EmbeddedFont {
  id: string;
  ascender: number;
  encode(text: string): [string[], Position[]];
  widthOfString(text: string, size: number): number;
  ref(): unknown;
}
interface DocInternals {
  _font: EmbeddedFont;
  _fontSize: number;
  page: { height: number; fonts: Record<string, unknown> };
  addContent(data: string): unknown;
}

/** Numbers as pdfkit prints them (at most six decimals). */
const num = (n: number) => String(Math.round(n * 1e6) / 1e6);

export class PdfRowText {
  private ops: string[] = [];

  constructor(private readonly doc: InstanceType<typeof PDFDocument>) {}

  private get internals(): DocInternals {
    return this.doc as unknown as DocInternals;
  }

  /** The last string measured, encoded: a cell is measured, then written as it is (cut with "…" only when too wide). */
  private measured: { font: EmbeddedFont; s: string; encoded: string[]; positions: Position[] } | null = null;

  /** The width of `s` in the current font and size. */
  width(s: string): number {
    const { _font: font, _fontSize: size } = this.internals;
    const [encoded, positions] = font.encode(s);
    this.measured = { font, s, encoded, positions };
    let advance = 0;
    for (const p of positions) advance += p.xAdvance;
    return (advance * size) / 1000;
  }

  /**
   * `s` on one line in the current font and size, its left edge at `x`, the top of the line at `top` (pdfkit's
   * coordinates, as doc.text(s, x, top, { lineBreak: false })). False when the font places a glyph off the line
   * (a combining mark): the caller then lets pdfkit write it.
   */
  add(s: string, x: number, top: number): boolean {
    const { _font: font, _fontSize: size, page } = this.internals;
    const m = this.measured;
    const [encoded, positions] = m && m.font === font && m.s === s ? [m.encoded, m.positions] : font.encode(s);
    const parts: string[] = [];
    let last = 0;
    for (let i = 0; i < positions.length; i++) {
      const p = positions[i];
      if (p.xOffset || p.yOffset) return false;
      // Kerning: the advance differs from the glyph's width, written as an adjustment after it (as pdfkit does).
      if (p.xAdvance !== p.advanceWidth) {
        parts.push(`<${encoded.slice(last, i + 1).join('')}> ${num(p.advanceWidth - p.xAdvance)}`);
        last = i + 1;
      }
    }
    if (last < encoded.length) parts.push(`<${encoded.slice(last).join('')}> 0`);
    if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
    const y = page.height - top - (font.ascender / 1000) * size;
    this.ops.push(`1 0 0 1 ${num(x)} ${num(y)} Tm\n/${font.id} ${num(size)} Tf\n[${parts.join(' ')}] TJ`);
    return true;
  }

  /** Writes the cells added since the last flush as one text object. */
  flush(): void {
    if (this.ops.length === 0) return;
    const { page } = this.internals;
    this.internals.addContent(`q\n1 0 0 -1 0 ${num(page.height)} cm\nBT\n${this.ops.join('\n')}\nET\nQ`);
    this.ops = [];
  }
}
