import { renameSync } from 'node:fs';
import { handoverFolder } from './handover-folder';

// Workbooks the services wrote for the renderer to save (an export). The door hands the file over once and
// deletes it; one never fetched is swept after an hour, since it holds personal data.
const downloads = handoverFolder({ name: 'ansinh-downloads', envVar: 'ANSINH_DOWNLOADS_DIR', maxAgeMs: 3600_000 });

/** What either door answers for a reference whose file is no longer there. */
export const DOWNLOAD_GONE = { code: 'download-gone', message: 'Tệp xuất không còn (đã lưu hoặc quá hạn); hãy xuất lại.' } as const;

/** Where the services write a new export, and the reference the page gets for it. */
export function newDownload(): { ref: string; path: string } {
  return downloads.newFile();
}

/** The file of a download, or null when the reference is malformed, already fetched or expired. */
export function downloadPath(ref: string): string | null {
  return downloads.pathOf(ref);
}

/**
 * Takes a download for handing over: moved aside first, so a second request for the same reference finds
 * nothing even while the first one is still being sent. The caller deletes the returned file when done.
 */
export function takeDownload(ref: string): string | null {
  const path = downloadPath(ref);
  if (!path) return null;
  try {
    renameSync(path, `${path}.taken`);
    return `${path}.taken`;
  } catch {
    return null; // taken by another request meanwhile
  }
}
