import { inflateSync } from 'node:zlib';

// Reads the text back out of a PDF written by pdfkit (embedded TrueType subsets, compressed content streams):
// each shown string is mapped through its font's ToUnicode CMap, the way a viewer's copy-paste and a screen
// reader see it. Enough for our own files; not a general PDF parser.

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const out = new Map<number, PdfObject>();
  const text = pdf.toString('latin1');
  const re = /(\d+) 0 obj\s*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const s = body.indexOf('stream');
    let stream: Buffer | null = null;
    let dict = body;
    if (s >= 0 && body.slice(0, s).includes('<<')) {
      dict = body.slice(0, s);
      const dataStart = start + s + 'stream'.length + (text[start + s + 6] === '\r' ? 2 : 1);
      const dataEnd = text.lastIndexOf('endstream', end);
      let raw = pdf.subarray(dataStart, dataEnd);
      if (/\/FlateDecode/.test(dict)) raw = inflateSync(raw);
      stream = raw;
    }
    out.set(Number(m[1]), { dict, stream });
    re.lastIndex = end;
  }
  return out;
}

function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const hex = (h: string) => parseInt(h, 16);
  // A destination may hold several code units with spaces between them: pdfkit writes a ligature ("ff" of a
  // transaction key) as <0066 0066>.
  const str = (h: string) => String.fromCodePoint(...(h.replace(/\s+/g, '').match(/.{4}/g) ?? []).map(hex));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const r of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const from = hex(r[1]);
      const to = hex(r[2]);
      if (r[3].startsWith('[')) {
        [...r[3].matchAll(/<([0-9a-fA-F\s]+)>/g)].forEach((d, i) => map.set(from + i, str(d[1])));
      } else {
        const base = hex(r[3].slice(1, -1));
        for (let c = from; c <= to; c++) map.set(c, String.fromCodePoint(base + c - from));
      }
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const r of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g)) map.set(hex(r[1]), str(r[2]));
  }
  return map;
}

export interface PdfFacts {
  pages: number;
  /** The text of each page, its shown strings joined by spaces. */
  pageTexts: string[];
  /** BaseFont names of the embedded fonts (FontFile2 = TrueType program inside the file). */
  embeddedFonts: string[];
}

export function readPdf(pdf: Buffer): PdfFacts {
  const objs = objects(pdf);
  const cmaps = new Map<number, Map<number, string>>();
  const embeddedFonts: string[] = [];
  for (const [, o] of objs) {
    const base = /\/Type\s*\/Font\b[\s\S]*?\/BaseFont\s*\/(\S+)/.exec(o.dict);
    const uni = /\/ToUnicode\s+(\d+) 0 R/.exec(o.dict);
    if (base && uni) {
      const descendant = /\/DescendantFonts\s*\[\s*(\d+) 0 R/.exec(o.dict);
      const descriptorOf = (d: string) => /\/FontDescriptor\s+(\d+) 0 R/.exec(d)?.[1];
      const descriptor = descriptorOf(o.dict) ?? (descendant ? descriptorOf(objs.get(Number(descendant[1]))?.dict ?? '') : undefined);
      if (descriptor && /\/FontFile2\s+\d+ 0 R/.test(objs.get(Number(descriptor))?.dict ?? '')) embeddedFonts.push(base[1]);
    }
  }
  const fontCmap = (objNo: number) => {
    let c = cmaps.get(objNo);
    if (!c) {
      const uni = /\/ToUnicode\s+(\d+) 0 R/.exec(objs.get(objNo)?.dict ?? '');
      c = uni ? toUnicode(objs.get(Number(uni[1]))?.stream?.toString('latin1') ?? '') : new Map();
      cmaps.set(objNo, c);
    }
    return c;
  };
  const pageTexts: string[] = [];
  for (const [, o] of objs) {
    if (!/\/Type\s*\/Page\b/.test(o.dict)) continue;
    const contents = /\/Contents\s+(\d+) 0 R/.exec(o.dict);
    const resources = /\/Resources\s+(\d+) 0 R/.exec(o.dict);
    const resDict = resources ? objs.get(Number(resources[1]))?.dict ?? '' : o.dict;
    const fonts = new Map<string, number>();
    const fontBlock = /\/Font\s*<<([\s\S]*?)>>/.exec(resDict);
    for (const f of fontBlock?.[1].matchAll(/\/(\S+)\s+(\d+) 0 R/g) ?? []) fonts.set(f[1], Number(f[2]));
    const content = contents ? objs.get(Number(contents[1]))?.stream?.toString('latin1') ?? '' : '';
    const parts: string[] = [];
    let cmap = new Map<number, string>();
    for (const t of content.matchAll(/\/(\S+)\s+[\d.]+\s+Tf|\[((?:[^\]])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      if (t[1]) {
        cmap = fontCmap(fonts.get(t[1]) ?? -1);
        continue;
      }
      const hexes = t[2] !== undefined ? [...t[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]) : [t[3]];
      parts.push(hexes.map((h) => (h.match(/.{4}/g) ?? []).map((g) => cmap.get(parseInt(g, 16)) ?? '?').join('')).join(''));
    }
    pageTexts.push(parts.join(' '));
  }
  return { pages: pageTexts.length, pageTexts, embeddedFonts };
}
