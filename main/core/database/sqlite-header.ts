import { closeSync, openSync, readSync } from 'node:fs';

const SQLITE_HEADER = 'SQLite format 3\u0000';

/** Whether the file starts with SQLite's header, i.e. is a plain (not encrypted) database. */
export function hasSqliteHeader(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return n === 16 && buf.toString('latin1') === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}
