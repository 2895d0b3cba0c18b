import type PDFDocument from 'pdfkit';

// pdfkit lays out every word it measures or shows through fontkit's full OpenType shaping (substitutions,
// positioning), about 40 µs a word, and keeps each result for the whole document. A roster of 100,000 lines is a
// million cells, most of them unique (ID and account numbers, keys, amounts), so the cache grows without end and
// shaping is most of the time spent. Two changes, same glyphs and same advances as fontkit's own layout:
//  - a word of plain ASCII characters is put together from each character's own layout, when no two neighbours in
//    it are changed by the font's rules (kerning pairs, ligatures: checked once per pair, against fontkit itself);
//  - other words (Vietnamese names, villages, labels: few and repeated) stay in a cache that is emptied when it
//    grows past `limit` entries, so memory stays bounded however long the document.

interface Position { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }
interface Run { glyphs: { id: number }[]; positions: Position[]; advanceWidth: number }
interface EmbeddedFont {
  layoutRun(text: string): Run;
  layoutCached(text: string): Run;
  layoutCache?: unknown;
}

const ASCII = /^[\x20-\x7e]+$/;

export function useFastTextLayout(doc: InstanceType<typeof PDFDocument>, fontName: string, limit = 5_000): void {
  doc.font(fontName);
  const font = (doc as unknown as { _fontFamilies: Record<string, EmbeddedFont | undefined> })._fontFamilies[fontName];
  if (!font || typeof font.layoutRun !== 'function') return; // a standard PDF font: nothing shaped
  const words = new Map<string, Run>();
  const chars = new Map<string, Run | null>();
  const pairs = new Map<string, boolean>();

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
  /** Whether the font lays the two characters side by side unchanged (no kerning, no ligature). */
  const neutral = (a: string, b: string, ra: Run, rb: Run): boolean => {
    const pair = a + b;
    let ok = pairs.get(pair);
    if (ok === undefined) {
      const r = font.layoutRun(pair);
      ok = r.glyphs.length === 2 && r.glyphs[0].id === ra.glyphs[0].id && r.glyphs[1].id === rb.glyphs[0].id
        && r.positions.every((p, i) => p.xAdvance === [ra, rb][i].positions[0].xAdvance && !p.xOffset && !p.yOffset && !p.yAdvance);
      pairs.set(pair, ok);
    }
    return ok;
  };
  const plainRun = (text: string): Run | null => {
    if (!ASCII.test(text)) return null;
    const glyphs: Run['glyphs'] = [];
    const positions: Position[] = [];
    let advanceWidth = 0;
    let previous: Run | null = null;
    for (let i = 0; i < text.length; i++) {
      const run = charRun(text[i]);
      if (!run || (previous && !neutral(text[i - 1], text[i], previous, run))) return null;
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
