import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, readdirSync, rmSync, statSync, writeFileSync, existsSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { AppError } from '../core/errors';

// Files the renderer hands over (a workbook to import) are written here by the door and referred to by id,
// so no path from the page ever reaches the file system. Old uploads are swept after a day.
const MAX_AGE_MS = 24 * 3600_000;

export function uploadsDir(): string {
  return process.env.ANSINH_UPLOADS_DIR ?? join(tmpdir(), 'ansinh-uploads');
}

/** Largest workbook accepted from the page (a district's list is a few MB; a zip bomb is checked later). */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

function newUploadPath(): { fileRef: string; path: string } {
  const dir = uploadsDir();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  sweep(dir);
  const fileRef = randomUUID();
  return { fileRef, path: join(dir, fileRef) };
}

export function saveUpload(bytes: Uint8Array): string {
  const { fileRef, path } = newUploadPath();
  writeFileSync(path, bytes, { mode: 0o600 });
  return fileRef;
}

/** For a door that streams a large body to disk; `discard` removes a partial file. */
export function openUploadStream(): { fileRef: string; stream: WriteStream; discard: () => void } {
  const { fileRef, path } = newUploadPath();
  return { fileRef, stream: createWriteStream(path, { mode: 0o600 }), discard: () => rmSync(path, { force: true }) };
}

export function uploadPath(fileRef: string): string {
  if (!/^[0-9a-f-]{36}$/.test(fileRef)) throw new AppError('bad-file', 'Tệp tải lên không hợp lệ.', 'Invalid file reference.');
  const path = join(uploadsDir(), fileRef);
  if (!existsSync(path)) throw new AppError('file-gone', 'Tệp tải lên đã hết hạn; hãy chọn lại tệp.', 'The uploaded file is gone; choose it again.');
  return path;
}

function sweep(dir: string): void {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (Date.now() - statSync(p).mtimeMs > MAX_AGE_MS) rmSync(p, { force: true });
  }
}
