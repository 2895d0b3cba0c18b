import { open, stat } from 'node:fs/promises';
import { AppError } from '../core/errors';
import { utf16Of } from './text-encoding';

// Checks made before any parser sees the file: what it really is (by its bytes, not its name), whether
// it is encrypted, truncated, or a zip bomb. A refused file is never partly imported.

export type SpreadsheetFormat = 'xlsx' | 'xls' | 'csv';

export const LIMITS = {
  /** Largest file accepted at all. */
  fileBytes: 512 * 1024 * 1024,
  /** Largest .xls/.csv read (an .xls holds at most 65,536 rows). */
  xlsBytes: 100 * 1024 * 1024,
  /** Total uncompressed size of an .xlsx (a 500,000-row list is a few hundred MB of XML). */
  unzippedBytes: 3 * 1024 * 1024 * 1024,
  /** Compression ratio of one entry beyond which it is a bomb, once larger than `ratioFloorBytes`. */
  ratio: 200,
  ratioFloorBytes: 50 * 1024 * 1024,
  entries: 10_000,
  sheets: 100,
} as const;

const refuse = (code: string, vi: string, en: string) => new AppError(code, vi, en);

const NOT_SPREADSHEET = () => refuse('not-a-spreadsheet', 'Tệp này không phải bảng tính Excel (.xlsx, .xls) hay .csv / .txt (văn bản Unicode).', 'Not a spreadsheet.');
const TRUNCATED = () => refuse('workbook-truncated', 'Tệp Excel bị hỏng hoặc không trọn vẹn (có thể tải về chưa xong); hãy lấy lại tệp.', 'The workbook is truncated or corrupt.');
const PASSWORD = () => refuse('workbook-password', 'Tệp Excel có mật khẩu; hãy mở bằng Excel, bỏ mật khẩu rồi nhập lại.', 'The workbook is password-protected.');

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export async function sniffFormat(filePath: string): Promise<SpreadsheetFormat> {
  const info = await stat(filePath).catch(() => {
    throw refuse('file-missing', 'Không tìm thấy tệp cần nhập.', 'File not found.');
  });
  if (!info.isFile()) throw NOT_SPREADSHEET();
  if (info.size === 0) throw refuse('file-empty', 'Tệp rỗng.', 'The file is empty.');
  if (info.size > LIMITS.fileBytes) throw refuse('file-too-large', 'Tệp quá lớn để nhập (trên 512 MB).', 'The file is too large.');
  const head = await readAt(filePath, 0, Math.min(info.size, 4096));
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05)) {
    await checkZip(filePath, info.size);
    return 'xlsx';
  }
  if (CFB_MAGIC.every((b, i) => head[i] === b)) {
    if (info.size > LIMITS.xlsBytes) throw refuse('file-too-large', 'Tệp .xls quá lớn để nhập.', 'The .xls file is too large.');
    await checkCfb(filePath, info.size);
    return 'xls';
  }
  if (utf16Of(head) || looksLikeText(head)) {
    if (info.size > LIMITS.xlsBytes) throw refuse('file-too-large', 'Tệp .csv quá lớn để nhập (trên 100 MB).', 'The .csv file is too large.');
    return 'csv';
  }
  throw NOT_SPREADSHEET();
}

function looksLikeText(head: Uint8Array): boolean {
  if (head.length === 0) return false;
  let control = 0;
  for (const b of head) if (b === 0 || (b < 0x09) || (b > 0x0d && b < 0x20 && b !== 0x1b)) control += 1;
  return control === 0;
}

export async function readAt(filePath: string, position: number, length: number): Promise<Uint8Array> {
  const fh = await open(filePath, 'r');
  try {
    const buf = new Uint8Array(length);
    const { bytesRead } = await fh.read(buf, 0, length, position);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

export interface ZipEntryInfo {
  name: string;
  compressed: number;
  uncompressed: number;
  /** 0 stored, 8 deflated. */
  method: number;
  /** Where the entry's local header starts. */
  localHeader: number;
}

/** Reads the zip central directory (without inflating anything) and refuses bombs and non-workbooks. */
export async function checkZip(filePath: string, size: number): Promise<ZipEntryInfo[]> {
  const entries = await readCentralDirectory(filePath, size);
  const names = new Set(entries.map((e) => e.name));
  if (names.has('EncryptionInfo') || names.has('EncryptedPackage')) throw PASSWORD();
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) throw NOT_SPREADSHEET();
  if (entries.length > LIMITS.entries) throw bomb();
  const sheets = entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name)).length;
  if (sheets > LIMITS.sheets) throw refuse('too-many-sheets', `Tệp có quá nhiều trang tính (trên ${LIMITS.sheets}).`, 'Too many sheets.');
  let total = 0;
  for (const e of entries) {
    total += e.uncompressed;
    if (e.uncompressed > LIMITS.ratioFloorBytes && e.uncompressed > e.compressed * LIMITS.ratio) throw bomb();
  }
  if (total > LIMITS.unzippedBytes) throw bomb();
  return entries;
}

const bomb = () => refuse('zip-bomb', 'Tệp Excel khai báo dung lượng giải nén bất thường (nghi "bom zip"); không nhập.', 'The workbook declares an abnormal uncompressed size (zip bomb).');

export async function readCentralDirectory(filePath: string, size: number): Promise<ZipEntryInfo[]> {
  const tailLength = Math.min(size, 22 + 65_535);
  const tail = await readAt(filePath, size - tailLength, tailLength);
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw TRUNCATED();
  let count = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // Zip64: the real figures are in the zip64 end record, located just before.
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== 0x07064b50) throw TRUNCATED();
    const z64Offset = Number(view.getBigUint64(locator + 8, true));
    const z64 = await readAt(filePath, z64Offset, 56);
    const zv = new DataView(z64.buffer, z64.byteOffset, z64.byteLength);
    if (z64.length < 56 || zv.getUint32(0, true) !== 0x06064b50) throw TRUNCATED();
    count = Number(zv.getBigUint64(32, true));
    cdSize = Number(zv.getBigUint64(40, true));
    cdOffset = Number(zv.getBigUint64(48, true));
  }
  if (count > LIMITS.entries) throw bomb();
  if (cdOffset + cdSize > size || cdSize > 64 * 1024 * 1024) throw TRUNCATED();
  const cd = await readAt(filePath, cdOffset, cdSize);
  const cv = new DataView(cd.buffer, cd.byteOffset, cd.byteLength);
  const entries: ZipEntryInfo[] = [];
  let p = 0;
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cv.getUint32(p, true) !== 0x02014b50) throw TRUNCATED();
    const method = cv.getUint16(p + 10, true);
    let compressed = cv.getUint32(p + 20, true);
    let uncompressed = cv.getUint32(p + 24, true);
    let localHeader = cv.getUint32(p + 42, true);
    const nameLength = cv.getUint16(p + 28, true);
    const extraLength = cv.getUint16(p + 30, true);
    const commentLength = cv.getUint16(p + 32, true);
    const name = decoder.decode(cd.subarray(p + 46, p + 46 + nameLength));
    // Zip64 extra field (0x0001) carries the 64-bit sizes when the 32-bit ones are saturated.
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = cv.getUint16(e, true);
      const len = cv.getUint16(e + 2, true);
      if (id === 0x0001) {
        let q = e + 4;
        if (uncompressed === 0xffffffff && q + 8 <= e + 4 + len) { uncompressed = Number(cv.getBigUint64(q, true)); q += 8; }
        if (compressed === 0xffffffff && q + 8 <= e + 4 + len) { compressed = Number(cv.getBigUint64(q, true)); q += 8; }
        if (localHeader === 0xffffffff && q + 8 <= e + 4 + len) { localHeader = Number(cv.getBigUint64(q, true)); }
      }
      e += 4 + len;
    }
    entries.push({ name, compressed, uncompressed, method, localHeader });
    p = extraEnd + commentLength;
  }
  return entries;
}

/** An OLE2 container: either a real .xls, or an encrypted .xlsx (which Office stores in this container). */
async function checkCfb(filePath: string, size: number): Promise<void> {
  const head = await readAt(filePath, 0, Math.min(size, 2 * 1024 * 1024));
  const hv = new DataView(head.buffer, head.byteOffset, head.byteLength);
  // The directory (stream names) starts at the sector the header names; search it as well as the head.
  const sectorSize = 1 << hv.getUint16(0x1e, true);
  const firstDirSector = hv.getUint32(0x30, true);
  const dirStart = (firstDirSector + 1) * sectorSize;
  const dir = dirStart < size ? await readAt(filePath, dirStart, Math.min(sectorSize * 8, size - dirStart)) : new Uint8Array();
  const marker = (text: string) => {
    const utf16 = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) utf16[i * 2] = text.charCodeAt(i);
    return indexOf(head, utf16) >= 0 || indexOf(dir, utf16) >= 0;
  };
  if (marker('EncryptionInfo') || marker('EncryptedPackage')) throw PASSWORD();
  if (size < 1536) throw TRUNCATED();
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
