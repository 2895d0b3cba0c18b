import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../core/database/open-database';
import { isAppError } from '../../core/errors';
import { LongCommandSignal } from '../../core/long-command';
import { createImportService } from '../import-service';
import type { CommitAnswer, CommitRequest } from './commit-protocol';

// Worker thread: commits one import on its own connection to the instance's database (WAL: the services'
// connection goes on reading meanwhile), in the one transaction of the import command. The workbook itself is
// read by the reading worker this one starts, as before.

const { database, actor, filePath, options, signal } = workerData as CommitRequest;

function answer(message: CommitAnswer): void {
  parentPort!.postMessage(message);
}

// No top-level await: the worker is also bundled as CommonJS for Electron.
async function commit(): Promise<void> {
  let db: ReturnType<typeof openDatabase> | undefined;
  try {
    db = openDatabase(database);
    const report = await createImportService(db).commit(actor, filePath, options, new LongCommandSignal(signal));
    answer({ ok: true, report });
  } catch (e) {
    answer({ ok: false, error: isAppError(e) ? { code: e.code, messageVi: e.messageVi, messageEn: e.messageEn, details: e.details } : { internal: e instanceof Error ? e.stack ?? e.message : String(e) } });
  } finally {
    db?.close();
  }
}

void commit();
