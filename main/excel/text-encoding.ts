import iconv from 'iconv-lite';

// The encodings Vietnamese offices' text files come in: UTF-8 (with or without BOM), Windows-1258 (Excel's
// "CSV" on a Vietnamese Windows) and UTF-16 (Excel's "Unicode Text", tab-separated).

export type TextFileEncoding = 'utf-8' | 'windows-1258' | 'utf-16le' | 'utf-16be';

/** UTF-16 is told by its byte-order mark; UTF-8 and Windows-1258 need the whole text (see `isValidUtf8`). */
export function utf16Of(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return null;
}

/** A whole small text file (a payer's result) as a string, whichever of the encodings above it is in. */
export function decodeTextFile(bytes: Uint8Array): string {
  const encoding = utf16Of(bytes) ?? (isValidUtf8(bytes) ? 'utf-8' : 'windows-1258');
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: true });
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
