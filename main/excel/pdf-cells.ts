import type PDFDocument from 'pdfkit';
import { PLAIN } from './pdf-text-layout';

// Table cells written straight into the page's content stream: one text object per row, each cell a position and
// the glyphs pdfkit's own font encodes (so the subset, the widths and the text a reader copies are pdfkit's). The
// same operators pdfkit's doc.text() writes for one line without options, without its option handling, line
// wrapper and state saves around every cell: a roster of 100,000 lines is a million cells. A string shown again
// (a name, a village, an amount, a label) is encoded once per font: its glyphs stay in the subset once included.

interface Position { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }
interface EmbeddedFont {
  id: string;
  ascender: number;
  encode(text: string): [string[], Position[]];
  ref(): unknown;
}
interface DocInternals {
  _font: EmbeddedFont;
  _fontSize: number;
  page: { height: number; fonts: Record<string, unknown> };
  addContent(data: string): unknown;
}
/** A string as the font shows it: the TJ operand (null: a glyph off the line) and its advance in 1/1000 em. */
interface Encoded { tj: string | null; advance: number }

/** A plain character's one glyph: its code in the font's subset, its width and its advance alone, in 1/1000 em. */
interface PlainGlyph { hex: string; width: number; advance: number }

/**
 * The font size, in quarter points and not below `min`, at which a text `width` wide at `size` fits `room`
 * (`size` itself when it fits already).
 */
export function sizeToFit(size: number, width: number, room: number, min: number): number {
  return width <= room ? size : Math.max(min, Math.floor(((size * room) / width) * 4) / 4);
}

/** Numbers as pdfkit prints them (at most six decimals). */
const num = (n: number) => String(Math.round(n * 1e6) / 1e6);
const LIMIT = 20_000;
// Characters put together one by one (keys, account numbers, amounts, transfer notes, the ellipsis of a cut cell):
// pdfkit's own encode costs a layout, a subset lookup and a hex string per glyph of every new string, and a
// transfer list is hundreds of thousands of strings seen once. Each character is encoded once through pdfkit (so
// the subset, the widths and the text a reader copies stay pdfkit's), each pair's kerning once, and a string is
// assembled from them as pdfkit would write it: words end after a space, and no kerning reaches across one. Plain
// characters are those the fast text layout puts together too (pdf-text-layout.ts).

export class PdfRowText {
  private ops: string[] = [];
  private readonly encoded = new Map<EmbeddedFont, Map<string, Encoded>>();
  private readonly glyphs = new Map<EmbeddedFont, Map<number, PlainGlyph | null>>();
  private readonly kerns = new Map<EmbeddedFont, Map<number, number | null>>();

  constructor(private readonly doc: InstanceType<typeof PDFDocument>) {}

  private get internals(): DocInternals {
    return this.doc as unknown as DocInternals;
  }

  private encode(font: EmbeddedFont, s: string): Encoded {
    let known = this.encoded.get(font);
    if (!known) this.encoded.set(font, (known = new Map()));
    let e = known.get(s);
    if (e) return e;
    e = this.encodePlain(font, s) ?? this.encodeShaped(font, s);
    if (known.size >= LIMIT) known.clear();
    known.set(s, e);
    return e;
  }

  private encodeShaped(font: EmbeddedFont, s: string): Encoded {
    const [hex, positions] = font.encode(s);
    const parts: string[] = [];
    let last = 0;
    let advance = 0;
    let offLine = false;
    for (let i = 0; i < positions.length; i++) {
      const p = positions[i];
      advance += p.xAdvance;
      if (p.xOffset || p.yOffset) offLine = true;
      // Kerning: the advance differs from the glyph's width, written as an adjustment after it (as pdfkit does).
      if (p.xAdvance !== p.advanceWidth) {
        parts.push(`<${hex.slice(last, i + 1).join('')}> ${num(p.advanceWidth - p.xAdvance)}`);
        last = i + 1;
      }
    }
    if (last < hex.length) parts.push(`<${hex.slice(last).join('')}> 0`);
    return { tj: offLine ? null : `[${parts.join(' ')}] TJ`, advance };
  }

  /** The same as encodeShaped, from each character's glyph and each pair's kerning; null when a character needs shaping. */
  private encodePlain(font: EmbeddedFont, s: string): Encoded | null {
    if (!PLAIN.test(s)) return null;
    const parts: string[] = [];
    let run = '';
    let advance = 0;
    let next = this.glyph(font, s.charCodeAt(0));
    for (let i = 0; i < s.length; i++) {
      const g = next;
      if (!g) return null;
      const code = s.charCodeAt(i);
      let x = g.advance;
      if (i + 1 < s.length) {
        next = this.glyph(font, s.charCodeAt(i + 1));
        if (!next) return null;
        if (code !== 0x20) {
          const kern = this.kern(font, code, s.charCodeAt(i + 1), g, next);
          if (kern === null) return null;
          x += kern;
        }
      }
      run += g.hex;
      advance += x;
      if (x !== g.width) {
        parts.push(`<${run}> ${num(g.width - x)}`);
        run = '';
      }
    }
    if (run) parts.push(`<${run}> 0`);
    return { tj: `[${parts.join(' ')}] TJ`, advance };
  }

  private glyph(font: EmbeddedFont, code: number): PlainGlyph | null {
    let known = this.glyphs.get(font);
    if (!known) this.glyphs.set(font, (known = new Map()));
    let g = known.get(code);
    if (g === undefined) {
      const [hex, [p]] = font.encode(String.fromCharCode(code));
      g = hex.length === 1 && !p.xOffset && !p.yOffset ? { hex: hex[0], width: p.advanceWidth, advance: p.xAdvance } : null;
      known.set(code, g);
    }
    return g;
  }

  /** How the font moves the second of two characters of one word (kerning), null when it does more to them. */
  private kern(font: EmbeddedFont, a: number, b: number, ga: PlainGlyph, gb: PlainGlyph): number | null {
    let known = this.kerns.get(font);
    if (!known) this.kerns.set(font, (known = new Map()));
    const key = a * 0x10000 + b;
    let k = known.get(key);
    if (k === undefined) {
      const [hex, positions] = font.encode(String.fromCharCode(a, b));
      const same = hex.length === 2 && hex[0] === ga.hex && hex[1] === gb.hex && positions.every((p) => !p.xOffset && !p.yOffset) && positions[1].xAdvance === gb.advance;
      k = same ? positions[0].xAdvance - ga.advance : null;
      known.set(key, k);
    }
    return k;
  }

  /** The width of `s` in the current font and size. */
  width(s: string): number {
    const { _font: font, _fontSize: size } = this.internals;
    return (this.encode(font, s).advance * size) / 1000;
  }

  /**
   * `s` on one line in the current font and size, its left edge at `x`, the top of the line at `top` (pdfkit's
   * coordinates, as doc.text(s, x, top, { lineBreak: false })). False when the font places a glyph off the line
   * (a combining mark): the caller then lets pdfkit write it.
   */
  add(s: string, x: number, top: number): boolean {
    const { _font: font, _fontSize: size, page } = this.internals;
    const { tj } = this.encode(font, s);
    if (tj === null) return false;
    if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
    const y = page.height - top - (font.ascender / 1000) * size;
    this.ops.push(`1 0 0 1 ${num(x)} ${num(y)} Tm\n/${font.id} ${num(size)} Tf\n${tj}`);
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
