import type { OpenDatabaseOptions } from '../../core/database/open-database';
import type { Actor } from '../../core/write-path';
import type { ImportOptions, ImportReport } from '../import-service';

// What the services' thread and the import-commit worker say to each other: one request in workerData, one
// answer back. Progress and the cancel request travel through the LongCommandSignal's shared memory.

export interface CommitRequest {
  database: OpenDatabaseOptions;
  actor: Actor;
  filePath: string;
  options: ImportOptions;
  signal: SharedArrayBuffer;
}

export type CommitAnswer =
  | { ok: true; report: ImportReport }
  | { ok: false; error: { code: string; messageVi: string; messageEn: string; details?: unknown } | { internal: string } };
