import type { CanonicalRecord, Problem } from '../canonical-record';
import type { SpreadsheetFormat } from '../file-guards';
import type { InterpretOptions, SheetSummary } from '../sheet-interpreter';

// What the workbook-reading worker and the importing thread say to each other. Flow control goes through a
// small shared counter array, so that the importing thread can wait for the next batch *synchronously*
// (inside its database transaction) and the worker never runs more than a few batches ahead (bounded memory).

export const RECORDS_PER_BATCH = 500;
/** Batches the worker may have posted and the importer not yet taken. */
export const MAX_BATCHES_AHEAD = 8;

/** Slots of the shared Int32Array. */
export const POSTED = 0;
export const CONSUMED = 1;
/** Set by the importer when it stops early (an error of its own): the worker gives up. */
export const CANCELLED = 2;
/** Rows of the workbook read so far (data or not): the reader is alive even while it finds no record. */
export const ROWS_READ = 3;
export const SLOTS = 4;

export interface ReadRequest {
  filePath: string;
  options: InterpretOptions;
  counters: SharedArrayBuffer;
}

export type ReadMessage =
  | { kind: 'batch'; records: CanonicalRecord[]; problems: Problem[] }
  | { kind: 'end'; format: SpreadsheetFormat; sheets: SheetSummary[] }
  | { kind: 'failed'; error: { code: string; messageVi: string; messageEn: string } | { internal: string } };
