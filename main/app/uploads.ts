import { randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, readdirSync, rmSync, statSync, writeFileSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AppError } from '../core/errors';
import { handoverFolder } from './handover-folder';

// Files the renderer hands over (a workbook to import) are written here by the door and referred to by id.
// A workbook holds real people's data, so it lives no longer than its use: removed as soon as its import is
// committed or cancelled, with the folder of the app that received it when that app exits, and, after a crash,
// at the next start (the folder of a process that no longer runs).
//
// Layout: <root>/<pid of the door that received the uploads>/<ref>. The door's services process (a child that
// inherits the door's environment) finds the same folder through ANSINH_UPLOADS_OWNER.

const ROOT_VAR = 'ANSINH_UPLOADS_DIR';
const OWNER_VAR = 'ANSINH_UPLOADS_OWNER';
const FOLDER_VAR = 'ANSINH_UPLOADS_FOLDER';
/** Backstop only (a window left on a preview for days): every normal path removes the file long before. */
const MAX_AGE_MS = 12 * 3600_000;

const root = () => process.env[ROOT_VAR] ?? join(tmpdir(), 'ansinh-uploads');

/** This process's uploads folder: its own, or the one of the door that started it. */
function ownFolder(): string {
  if (!process.env[OWNER_VAR]) {
    process.env[OWNER_VAR] = String(process.pid);
    cleanLeftoverUploads();
    process.once('exit', () => rmSync(join(root(), String(process.pid)), { recursive: true, force: true }));
  }
  const folder = join(root(), process.env[OWNER_VAR]!);
  process.env[FOLDER_VAR] = folder;
  return folder;
}

ownFolder();
const uploads = handoverFolder({ name: 'ansinh-uploads', envVar: FOLDER_VAR, maxAgeMs: MAX_AGE_MS });

/** Largest workbook accepted from the page (a district's list is a few MB; a zip bomb is checked later). */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

export function saveUpload(bytes: Uint8Array): string {
  ownFolder();
  const { ref, path } = uploads.newFile();
  writeFileSync(path, bytes, { mode: 0o600 });
  return ref;
}

/** For a door that streams a large body to disk; `discard` removes a partial file. */
export function openUploadStream(): { fileRef: string; stream: WriteStream; discard: () => void } {
  ownFolder();
  const { ref, path } = uploads.newFile();
  return { fileRef: ref, stream: createWriteStream(path, { mode: 0o600 }), discard: () => rmSync(path, { force: true }) };
}

// A door that runs the services in its own process (the CLI) hands over a file the user named by its path:
// nothing is copied to the uploads folder (a workbook of personal data would only gain a second copy), the
// reference exists only in this process's memory, so no page or other process can ever reach it, and the
// user's file is never removed: discarding the reference only forgets it.
const localFiles = new Map<string, string>();

/** A reference to a file the user named (CLI). Only code in the services' own process can make one. */
export function registerLocalFile(path: string): string {
  const ref = randomUUID();
  localFiles.set(ref, resolve(path));
  return ref;
}

export function uploadPath(fileRef: string): string {
  ownFolder();
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
  ownFolder();
  const path = uploads.pathOf(fileRef);
  if (!path) return;
  try {
    rmSync(path, { force: true });
  } catch {
    // Still open (Windows: a preview reading it): the folder goes when the app exits or at the next start.
  }
}

/**
 * At start: the upload folders of processes that no longer run (a crash, a power cut), and loose files of the
 * old single-folder layout, are removed.
 */
export function cleanLeftoverUploads(): void {
  const base = root();
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    return; // no folder yet
  }
  for (const name of names) {
    const path = join(base, name);
    try {
      if (/^\d+$/.test(name)) {
        if (Number(name) !== process.pid && !isRunning(Number(name))) rmSync(path, { recursive: true, force: true });
      } else if (statSync(path).isFile() && Date.now() - statSync(path).mtimeMs > 3600_000) {
        rmSync(path, { force: true });
      }
    } catch {
      // removed meanwhile by another process
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
