import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';
import { readAt, readCentralDirectory } from './file-guards';
import { MAX_COLUMNS, type RawCell, type RawRow } from './raw-cell';

// Offices merge a village's or a category's cell down over its people's rows: the value is in the top cell only.
// A sheet's merged ranges are written after its rows, where the streaming reader meets them too late, so they are
// read first, by inflating each sheet's part and scanning it for <mergeCell ref="B5:B9"/> (no XML parsing: a 100,000-
// row sheet inflates in a fraction of the time its rows take to parse).

/** A merged range spanning more than one row, in 1-based rows and columns. */
export interface VerticalMerge {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const MERGE = /<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"/g;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The vertical merges of each worksheet part, by the sheet number its name carries ("xl/worksheets/sheet3.xml" → 3). */
export async function readVerticalMerges(filePath: string): Promise<Map<number, VerticalMerge[]>> {
  const { size } = await stat(filePath);
  const out = new Map<number, VerticalMerge[]>();
  for (const entry of await readCentralDirectory(filePath, size)) {
    const sheet = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(entry.name);
    if (!sheet || (entry.method !== 0 && entry.method !== 8)) continue;
    const merges = await scanPart(filePath, entry.localHeader, entry.compressed, entry.method);
    if (merges.length) out.set(Number(sheet[1]), merges);
  }
  return out;
}

async function scanPart(filePath: string, localHeader: number, compressed: number, method: number): Promise<VerticalMerge[]> {
  const header = await readAt(filePath, localHeader, 30);
  const hv = new DataView(header.buffer, header.byteOffset, header.byteLength);
  if (header.length < 30 || hv.getUint32(0, true) !== 0x04034b50) return [];
  const start = localHeader + 30 + hv.getUint16(26, true) + hv.getUint16(28, true);
  if (compressed === 0) return [];
  const raw = createReadStream(filePath, { start, end: start + compressed - 1 });
  const text = method === 8 ? raw.pipe(createInflateRaw()) : raw;
  const merges: VerticalMerge[] = [];
  let carry = '';
  for await (const chunk of text as AsyncIterable<Buffer>) {
    const s = carry + chunk.toString('latin1');
    // mergeCells come after sheetData: nothing to scan until the rows are past.
    for (const m of s.matchAll(MERGE)) {
      const [top, bottom] = [Number(m[2]), Number(m[4])];
      if (bottom > top) merges.push({ top, bottom, left: columnNumber(m[1]), right: columnNumber(m[3]) });
    }
    // A tag cut at the chunk's end is scanned again whole with the next chunk.
    const lastTag = s.lastIndexOf('<');
    carry = lastTag >= 0 && s.indexOf('>', lastTag) < 0 && s.length - lastTag < 200 ? s.slice(lastTag) : '';
  }
  return merges;
}

/** Gives the rows under a vertically merged cell the value of its top cell (rows come in order). */
export class MergeFill {
  private readonly byTop = new Map<number, VerticalMerge[]>();
  private active: { merge: VerticalMerge; cell: RawCell | undefined }[] = [];

  constructor(merges: readonly VerticalMerge[]) {
    for (const m of merges) {
      if (m.left > MAX_COLUMNS) continue;
      const list = this.byTop.get(m.top);
      if (list) list.push(m);
      else this.byTop.set(m.top, [m]);
    }
  }

  apply(row: RawRow): RawRow {
    if (this.byTop.size === 0 && this.active.length === 0) return row;
    this.active = this.active.filter((a) => a.merge.bottom >= row.rowNumber);
    for (const a of this.active) {
      if (row.rowNumber <= a.merge.top) continue;
      for (let c = a.merge.left; c <= Math.min(a.merge.right, MAX_COLUMNS); c++) (row.merged ??= [])[c - 1] = a.cell;
    }
    for (const merge of this.byTop.get(row.rowNumber) ?? []) this.active.push({ merge, cell: row.cells[merge.left - 1] });
    this.byTop.delete(row.rowNumber);
    return row;
  }
}
