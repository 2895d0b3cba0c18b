import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { sameInstanceOptions, type AppDatabase } from '../../core/database/open-database';
import { AppError } from '../../core/errors';
import { LongCommandSignal } from '../../core/long-command';
import type { Logger } from '../../core/logging';
import type { Actor } from '../../core/write-path';
import type { ImportOptions, ImportReport } from '../import-service';
import type { CommitAnswer, CommitRequest } from './commit-protocol';

// Import commits, off the services' thread. better-sqlite3 is synchronous: a 100,000-row commit run here
// would hold the services for its whole length (seconds here, minutes on an old office PC), and every other
// call — the list, a search, even the progress of the import — would wait for it. So each commit runs in a
// worker thread with its own connection to the same database (WAL: readers go on, and see the import only
// once it is committed whole). This side answers how far it has come and passes on a cancel request.
// One commit at a time per instance: a second would only wait for the first's write lock.

export interface CommitProgress {
  /** Records written so far in the import's transaction. */
  written: number;
  /** Records to write, as the preview of the same file counted them (null when it was not previewed). */
  total: number | null;
}

const WORKER_EXIT_MS = 30_000;

interface Running {
  signal: LongCommandSignal;
  ended: Promise<unknown>;
}

export function createImportCommits(db: AppDatabase, logger?: Logger, entry = commitWorkerEntry()) {
  const running = new Map<string, Running>();
  /** Records per previewed file: the "of" of the progress. */
  const previewed = new Map<string, number>();

  return {
    /** Remembers how many records the preview found in the file, for the progress of its commit. */
    previewed(filePath: string, records: number): void {
      previewed.set(filePath, records);
    },

    /** Commits the file in a worker thread; resolves with the import's report, or rejects (nothing written). */
    async commit(actor: Actor, filePath: string, options: ImportOptions = {}): Promise<ImportReport> {
      if (running.size > 0) {
        throw new AppError('import-busy', 'Đang ghi một danh sách khác; hãy đợi ghi xong rồi thử lại.', 'Another list is being written; wait for it to finish.');
      }
      const signal = new LongCommandSignal(undefined, previewed.get(filePath));
      const request: CommitRequest = { database: sameInstanceOptions(db), actor, filePath, options, signal: signal.buffer };
      const worker = new Worker(entry, { workerData: request });
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      const ended = new Promise<ImportReport>((resolve, reject) => {
        let answered = false;
        worker.once('message', (message: CommitAnswer) => {
          answered = true;
          if (message.ok) resolve(message.report);
          else if ('code' in message.error) reject(new AppError(message.error.code, message.error.messageVi, message.error.messageEn, message.error.details));
          else {
            logger?.log('error', 'import-commit-failed', { message: message.error.internal.split('\n')[0] });
            reject(new AppError('import-failed', 'Không ghi được danh sách; chưa nhập gì.', 'The import failed; nothing was imported.', message.error.internal));
          }
        });
        worker.once('error', (e) => reject(new AppError('import-failed', 'Không ghi được danh sách; chưa nhập gì.', 'The import failed; nothing was imported.', String(e))));
        worker.once('exit', () => {
          if (!answered) reject(new AppError('import-failed', 'Việc ghi danh sách bị dừng giữa chừng; chưa nhập gì.', 'The import stopped; nothing was imported.'));
        });
      });
      running.set(filePath, { signal, ended: ended.catch(() => undefined) });
      try {
        return await ended;
      } finally {
        // The worker closes its connection after answering: let it, rather than cut it off.
        const late = setTimeout(() => void worker.terminate(), WORKER_EXIT_MS);
        await exited;
        clearTimeout(late);
        running.delete(filePath);
        previewed.delete(filePath);
      }
    },

    /** How far the commit of this file has come (null when none is under way). */
    progress(filePath: string): CommitProgress | null {
      const r = running.get(filePath);
      return r ? { written: r.signal.done, total: r.signal.total } : null;
    },

    /** Asks the commit of this file to stop and roll back; false when none is under way. */
    cancel(filePath: string): boolean {
      const r = running.get(filePath);
      r?.signal.cancel();
      return r !== undefined;
    },

    get busy(): boolean {
      return running.size > 0;
    },

    /** Stops every commit under way (rolled back) and waits for its worker to let go of the database. */
    async close(): Promise<void> {
      for (const r of running.values()) r.signal.cancel();
      await Promise.all([...running.values()].map((r) => r.ended));
    },
  };
}

export type ImportCommits = ReturnType<typeof createImportCommits>;

/**
 * From sources the worker is a bootstrap that loads TypeScript; in the Electron bundle (a .cjs file) it is the
 * bundled worker beside it.
 */
function commitWorkerEntry(): string {
  const here = import.meta.url;
  if (here.endsWith('.cjs')) return fileURLToPath(new URL('./import-commit-worker.cjs', here));
  return fileURLToPath(new URL('./import-commit-worker.mjs', here));
}
