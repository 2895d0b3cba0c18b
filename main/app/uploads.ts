import { randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, rmSync, writeFileSync, type WriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../core/errors';
import { handoverFolder } from './handover-folder';

// Files the renderer hands over (a workbook to import) are written here by the door and referred to by id.
// A workbook holds real people's data, so it lives no longer than its use: removed as soon as its import is
// committed or cancelled, with the folder of the app that received it when that app exits, and, after a crash,
// at the next start (the folder of a process that no longer runs).
//
// The files sit in the door's own private hand-over folder (handover-folder.ts), shared with the services process
// the door starts, and found only there.

/** Backstop only (a window left on a preview for days): every normal path removes the file long before. */
const MAX_AGE_MS = 12 * 3600_000;
const uploads = handoverFolder({ name: 'ansinh-uploads', envVar: 'ANSINH_UPLOADS_DIR', maxAgeMs: MAX_AGE_MS, ownerVar: 'ANSINH_UPLOADS_OWNER' });

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

// A door that runs the services in its own process (the CLI) hands over a file the user named by its path:
// nothing is copied to the uploads folder (a workbook of personal data would only gain a second copy), the
// reference exists only in this process's memory, so no page or other process can ever reach it, and the
// user's file is never removed: discarding the reference only forgets it.
const localFiles = new Map<string, string>();

/** Whether a reference names a file the user named by its path (CLI), rather than one uploaded to the uploads folder. */
export function isLocalFile(fileRef: string): boolean {
  return localFiles.has(fileRef);
}

/** A reference to a file the user named (CLI). Only code in the services' own process can make one. */
export function registerLocalFile(path: string): string {
  const ref = randomUUID();
  localFiles.set(ref, resolve(path));
  return ref;
}

export function uploadPath(fileRef: string): string {
  if (!/^[0-9a-f-]{36}$/.test(fileRef)) throw new AppError('bad-file', 'Tệp tải lên không hợp lệ.', 'Invalid file reference.');
  const local = localFiles.get(fileRef);
  if (local) {
    if (!existsSync(local)) throw new AppError('file-unreadable', `Không đọc được tệp: ${local}`, `Cannot read ${local}`);
    return local;
  }
  const path = uploads.pathOf(fileRef);
  if (!path) throw new AppError('file-gone', 'Tệp tải lên không còn (đã nhập xong, đã huỷ hoặc đã hết hạn); hãy chọn lại tệp.', 'The uploaded file is gone; choose it again.');
  return path;
}

/** Removes an upload once it has been used (import committed) or given up (import cancelled); the one way to remove one. */
export function discardUpload(fileRef: string): void {
  if (localFiles.delete(fileRef)) return; // the user's own file (CLI): forgotten, never deleted
  const path = uploads.pathOf(fileRef);
  if (!path) return;
  try {
    rmSync(path, { force: true });
  } catch {
    // Still open (Windows: a preview reading it): the folder goes when the app exits or at the next start.
  }
}
