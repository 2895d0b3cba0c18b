import { copyFileSync, createReadStream, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DOWNLOAD_GONE, takeDownload } from '../../app/downloads';
import { AppError } from '../../app/errors';
import type { CliIo } from './cli-command';

const gone = () => new AppError(DOWNLOAD_GONE.code, DOWNLOAD_GONE.message, 'The export file is gone; export again.');

/**
 * An export the services wrote, handed over once as the other doors do: moved (or copied) to `out`, complete or
 * not at all, and the handed-over file deleted whatever happens, since it holds personal data.
 */
export function saveDownloadTo(downloadRef: string, out: string): void {
  const file = takeDownload(downloadRef);
  if (!file) throw gone();
  try {
    try {
      renameSync(file, out);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    }
    // Another volume: copied beside the target first, so a failure never leaves half a file under the real name.
    const partial = join(dirname(out), `.${basename(out)}.${process.pid}.partial`);
    try {
      copyFileSync(file, partial);
      renameSync(partial, out);
    } catch (e) {
      rmSync(partial, { force: true });
      throw e;
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'lỗi ghi';
    throw new AppError('export-write-failed', `Không ghi được tệp ${out} (${code}); kiểm tra thư mục và tệp có đang mở trong Excel không.`, `Could not write ${out} (${code}).`);
  } finally {
    rmSync(file, { force: true });
  }
}

/** An export printed on stdout (the JSON export without --out), then deleted. */
export async function printDownload(downloadRef: string, io: CliIo): Promise<void> {
  const file = takeDownload(downloadRef);
  if (!file) throw gone();
  try {
    const stream = createReadStream(file, { encoding: 'utf8' });
    for await (const chunk of stream) io.stdout(chunk as string);
  } finally {
    rmSync(file, { force: true });
  }
}
