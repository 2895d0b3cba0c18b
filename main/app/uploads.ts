import { createWriteStream, rmSync, writeFileSync, type WriteStream } from 'node:fs';
import { AppError } from '../core/errors';
import { handoverFolder } from './handover-folder';

// Files the renderer hands over (a workbook to import) are written here by the door and referred to by id.
// Old uploads are swept after a day.
const uploads = handoverFolder({ name: 'ansinh-uploads', envVar: 'ANSINH_UPLOADS_DIR', maxAgeMs: 24 * 3600_000 });

/** Largest workbook accepted from the page (a district's list is a few MB; a zip bomb is checked later). */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

export function saveUpload(bytes: Uint8Array): string {
  const { ref, path } = uploads.newFile();
  writeFileSync(path, bytes, { mode: 0o600 });
  return ref;
}

/** For a door that streams a large body to disk; `discard` removes a partial file. */
export function openUploadStream(): { fileRef: string; stream: WriteStream; discard: () => void } {
  const { ref, path } = uploads.newFile();
  return { fileRef: ref, stream: createWriteStream(path, { mode: 0o600 }), discard: () => rmSync(path, { force: true }) };
}

export function uploadPath(fileRef: string): string {
  if (!/^[0-9a-f-]{36}$/.test(fileRef)) throw new AppError('bad-file', 'Tệp tải lên không hợp lệ.', 'Invalid file reference.');
  const path = uploads.pathOf(fileRef);
  if (!path) throw new AppError('file-gone', 'Tệp tải lên đã hết hạn; hãy chọn lại tệp.', 'The uploaded file is gone; choose it again.');
  return path;
}
