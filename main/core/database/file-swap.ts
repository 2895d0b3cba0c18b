import Database from 'better-sqlite3';
import { closeSync, existsSync, fstatSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../errors';
import { applyDataKey } from './cipher';
import { nativeBinding } from './native-binding';

// What encrypting, rekeying and restoring share: a verified copy of a database, then one atomic swap, and the
// old file's bytes overwritten before they are let go.

export type TableCounts = Record<string, number>;

/** Row counts of every table (the full-text index's shadow tables included): the copy must have the same. */
export function tableCounts(sqlite: Database.Database): TableCounts {
  const names = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(names.map((n) => [n, sqlite.prepare(`SELECT count(*) FROM "${n.replace(/"/g, '""')}"`).pluck().get() as number]));
}

/** Opens `path` (keyed when `key` is given), checks integrity and, when given, the row counts; throws when it is not a faithful copy. */
export function verifyCopy(path: string, key: Buffer | undefined, expected?: TableCounts): TableCounts {
  let copy: Database.Database | undefined;
  try {
    copy = new Database(path, { readonly: true, fileMustExist: true, nativeBinding });
    if (key) applyDataKey(copy, key);
    const integrity = copy.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`integrity_check: ${String(integrity)}`);
    const counts = tableCounts(copy);
    if (expected && JSON.stringify(counts) !== JSON.stringify(expected)) throw new Error('row counts differ');
    return counts;
  } catch (e) {
    throw new AppError('copy-not-verified', 'Bản sao không khớp với cơ sở dữ liệu gốc (kiểm tra toàn vẹn hoặc số dòng); cơ sở dữ liệu gốc không bị thay đổi.',
      'The copy did not verify (integrity or row counts); the original was not changed.', String(e));
  } finally {
    copy?.close();
  }
}

/**
 * Puts `replacement` in place of `path` in one rename (a crash leaves one or the other, never half), then
 * overwrites the replaced file's bytes with zeros through a handle held across the rename, so the old
 * content does not stay readable in the freed blocks of a plain file system. Its -wal/-shm go as well.
 */
export function swapInPlace(replacement: string, path: string): void {
  flush(replacement);
  const old = existsSync(path) ? openSync(path, 'r+') : undefined;
  try {
    renameSync(replacement, path);
    flushFolder(dirname(path));
    if (old !== undefined) zeroFill(old);
  } finally {
    if (old !== undefined) closeSync(old);
  }
  for (const suffix of ['-wal', '-shm', '-journal']) shred(path + suffix);
}

/** Overwrites a file with zeros and removes it (a temporary plain copy, an old WAL). */
export function shred(path: string): void {
  if (!existsSync(path)) return;
  try {
    const fd = openSync(path, 'r+');
    try {
      zeroFill(fd);
    } finally {
      closeSync(fd);
    }
  } finally {
    rmSync(path, { force: true });
  }
}

function zeroFill(fd: number): void {
  const size = fstatSync(fd).size;
  const zeros = Buffer.alloc(1024 * 1024);
  for (let at = 0; at < size; at += zeros.length) writeSync(fd, zeros, 0, Math.min(zeros.length, size - at), at);
  fsyncSync(fd);
}

function flush(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename in `folder` durable (the folder's entry written to disk). */
export function flushFolder(folder: string): void {
  if (process.platform === 'win32') return; // folders cannot be opened for fsync there; NTFS journals the rename
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
