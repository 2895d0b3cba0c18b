import type PDFDocument from 'pdfkit';

// pdfkit lays out every word it measures or shows through fontkit's full OpenType shaping (substitutions,
// positioning), about 40 µs a word, and keeps each result for the whole document. A roster of 100,000 lines is a
// million cells, most of them unique (ID and account numbers, keys, amounts), so the cache grows without end and
// shaping is most of the time spent. Two changes, same glyphs and same advances as fontkit's own layout:
//  - a word of plain ASCII characters (or the ellipsis) is put together from each character's own layout and the
//    kerning of each pair of neighbours, when the font's rules do nothing else to them (no ligature, no glyph moved:
//    checked once per pair, against fontkit itself);
//  - other words (Vietnamese names, villages, labels: few and repeated) stay in a cache that is emptied when it
//    grows past `limit` entries, so memory stays bounded however long the document.

interface Position { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }
interface Run { glyphs: { id: number }[]; positions: Position[]; advanceWidth: number }
interface EmbeddedFont {
  layoutRun(text: string): Run;
  layoutCached(text: string): Run;
  layoutCache?: unknown;
}

// Plain characters, and the ellipsis a cell cut to its width ends with (every cut of a key or a transfer note is a
// new word: shaped in full, it cost most of a transfer list's time).
export const PLAIN = /^[\x20-\x7e\u2026]+$/;

export function useFastTextLayout(doc: InstanceType<typeof PDFDocument>, fontName: string, limit = 5_000): void {
  doc.font(fontName);
  const font = (doc as unknown as { _fontFamilies: Record<string, EmbeddedFont | undefined> })._fontFamilies[fontName];
  if (!font || typeof font.layoutRun !== 'function') return; // a standard PDF font: nothing shaped
  const words = new Map<string, Run>();
  const chars = new Map<string, Run | null>();
  /** Per pair of characters: how the font moves the second closer (kerning, in font units), null if it changes more. */
  const pairs = new Map<string, number | null>();

  /** A character alone, when the font shapes it as one glyph with no offset. */
  const charRun = (c: string): Run | null => {
    let run = chars.get(c);
    if (run === undefined) {
      const r = font.layoutRun(c);
      run = r.glyphs.length === 1 && !r.positions[0].xOffset && !r.positions[0].yOffset && !r.positions[0].yAdvance ? r : null;
      chars.set(c, run);
    }
    return run;
  };
  /**
   * What the font does to two characters side by side: nothing (0), or only a kerning of the first one's advance
   * (the difference); null when it does more (a ligature, a moved glyph), and the word is then shaped whole.
   */
  const kerning = (a: string, b: string, ra: Run, rb: Run): number | null => {
    const pair = a + b;
    let kern = pairs.get(pair);
    if (kern === undefined) {
      const r = font.layoutRun(pair);
      const [pa, pb] = r.positions;
      const same = r.glyphs.length === 2 && r.glyphs[0].id === ra.glyphs[0].id && r.glyphs[1].id === rb.glyphs[0].id
        && r.positions.every((p) => !p.xOffset && !p.yOffset && !p.yAdvance) && pb.xAdvance === rb.positions[0].xAdvance;
      kern = same ? pa.xAdvance - ra.positions[0].xAdvance : null;
      pairs.set(pair, kern);
    }
    return kern;
  };
  const plainRun = (text: string): Run | null => {
    if (!PLAIN.test(text)) return null;
    const glyphs: Run['glyphs'] = [];
    const positions: Position[] = [];
    let advanceWidth = 0;
    let previous: Run | null = null;
    for (let i = 0; i < text.length; i++) {
      const run = charRun(text[i]);
      if (!run) return null;
      if (previous) {
        const kern = kerning(text[i - 1], text[i], previous, run);
        if (kern === null) return null;
        if (kern !== 0) {
          positions[i - 1] = { ...positions[i - 1], xAdvance: positions[i - 1].xAdvance + kern };
          advanceWidth += kern;
        }
      }
      glyphs.push(run.glyphs[0]);
      positions.push(run.positions[0]);
      advanceWidth += run.positions[0].xAdvance;
      previous = run;
    }
    return { glyphs, positions, advanceWidth };
  };

  font.layoutCache = undefined;
  font.layoutCached = (text: string): Run => {
    const known = words.get(text);
    if (known) return known;
    const plain = plainRun(text);
    if (plain) return plain;
    const run = font.layoutRun(text);
    if (words.size >= limit) words.clear();
    words.set(text, run);
    return run;
  };
}
