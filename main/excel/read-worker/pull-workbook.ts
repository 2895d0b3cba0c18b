import { MessageChannel, receiveMessageOnPort, Worker, type ResourceLimits } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../core/errors';
import type { CanonicalRecord, Problem } from '../canonical-record';
import { sniffFormat, type SpreadsheetFormat } from '../file-guards';
import type { InterpretOptions, SheetSummary } from '../sheet-interpreter';
import { CANCELLED, CONSUMED, POSTED, ROWS_READ, SLOTS, type ReadMessage, type ReadRequest } from './read-protocol';

/**
 * Without a row read for this long, the reader is taken for dead: a worker stopped at its memory limit cannot
 * say so while this thread waits synchronously. Long enough for a slow PC to open a 100 MB .xls.
 */
const STALL_MS = 60_000;

/**
 * The reader's heap. .xlsx and .csv are streamed: their live data is small, and a tight old generation keeps
 * V8 from letting garbage pile up (≈100 MB less at 500,000 rows) while the writer needs the memory. Their young
 * generation is not kept small: at 16 MB the reader spent a third of its time collecting short-lived garbage
 * (100,000 rows read in 7.8 s; 5.5–6 s at 64 MB, with the same peak memory of the whole import). An .xls is parsed whole by SheetJS (≈600 MB
 * for 65,000 rows), so it gets room, still bounded against a hostile file.
 */
const HEAP_LIMITS: Record<SpreadsheetFormat, ResourceLimits> = {
  xlsx: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 64 },
  csv: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 64 },
  xls: { maxOldGenerationSizeMb: 1536 },
};

export interface WorkbookPull {
  /** Batches of records and needs-fixing problems, in file order; blocks (synchronously) until each is read. */
  batches(): Generator<{ records: CanonicalRecord[]; problems: Problem[] }>;
  /** The same, waiting without blocking the event loop (so that progress can be asked meanwhile). */
  batchesAsync(): AsyncGenerator<{ records: CanonicalRecord[]; problems: Problem[] }>;
  /** Rows of the workbook read so far (data or not), to the nearest thousand. */
  readonly rowsRead: number;
  /** After `batches()` has ended: what was read. */
  readonly result: { format: SpreadsheetFormat; sheets: SheetSummary[] };
  /** Batches the reader has sent and `batches()` has not yet taken (never more than MAX_BATCHES_AHEAD). */
  readonly batchesWaiting: number;
  /** Stops the reader (always call it, also after an error). */
  close(): Promise<void>;
}

/**
 * Reads a workbook in a worker thread and hands its records over synchronously, so that an import can write
 * them inside one database transaction while the next ones are being read.
 */
export async function pullWorkbook(filePath: string, options: InterpretOptions, reader: { entry?: string; stallMs?: number } = {}): Promise<WorkbookPull> {
  const { entry = readWorkerEntry(), stallMs = STALL_MS } = reader;
  const format = await sniffFormat(filePath);
  const counters = new SharedArrayBuffer(SLOTS * Int32Array.BYTES_PER_ELEMENT);
  const slots = new Int32Array(counters);
  const { port1, port2 } = new MessageChannel();
  const request: ReadRequest & { port: typeof port2 } = { filePath, options, counters, port: port2 };
  const worker = new Worker(entry, { workerData: request, transferList: [port2], resourceLimits: HEAP_LIMITS[format] });
  let result: WorkbookPull['result'] | undefined;
  let consumed = 0;

  const stall = { rows: 0, since: Date.now() };

  function take(): ReadMessage | null {
    const got = receiveMessageOnPort(port1);
    if (!got) return null;
    consumed += 1;
    Atomics.store(slots, CONSUMED, consumed);
    Atomics.notify(slots, CONSUMED);
    stall.since = Date.now();
    return got.message as ReadMessage;
  }

  /** Nothing new for a while: alive as long as it reads rows, else given up after `stallMs`. */
  function checkStall(): void {
    const rows = Atomics.load(slots, ROWS_READ);
    if (rows !== stall.rows) {
      stall.rows = rows;
      stall.since = Date.now();
    } else if (Date.now() - stall.since > stallMs) {
      throw new AppError('import-read-stalled', 'Không đọc hết được tệp (tệp quá lớn hoặc quá phức tạp, hoặc việc đọc bị gián đoạn); chưa nhập gì.', 'Reading the file stopped (too large or too complex, or interrupted); nothing was imported.');
    }
  }

  /** Blocks this thread until the next message: for a caller inside a database transaction. */
  function next(): ReadMessage {
    for (;;) {
      const message = take();
      if (message) return message;
      const posted = Atomics.load(slots, POSTED);
      if (posted > consumed) continue; // counted before its message became visible: look again
      Atomics.wait(slots, POSTED, posted, 1000);
      checkStall();
    }
  }

  /** Waits without blocking the event loop: for a caller that writes nothing (a preview). */
  async function nextAsync(): Promise<ReadMessage> {
    for (;;) {
      const message = take();
      if (message) return message;
      const posted = Atomics.load(slots, POSTED);
      if (posted > consumed) {
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      const waiting = Atomics.waitAsync(slots, POSTED, posted, 1000);
      if (waiting.async) await waiting.value;
      checkStall();
    }
  }

  /** A batch to hand on, or the end (the summary kept in `result`); a refusal is thrown. */
  function settle(message: ReadMessage): Extract<ReadMessage, { kind: 'batch' }> | null {
    if (message.kind === 'batch') return message;
    if (message.kind === 'end') {
      result = { format: message.format, sheets: message.sheets };
      return null;
    }
    if ('code' in message.error) throw new AppError(message.error.code, message.error.messageVi, message.error.messageEn);
    throw new AppError('import-read-failed', 'Không đọc được tệp; chưa nhập gì.', `Reading the file failed: ${message.error.internal}`);
  }

  return {
    *batches() {
      for (let batch = settle(next()); batch; batch = settle(next())) yield batch;
    },
    async *batchesAsync() {
      for (let batch = settle(await nextAsync()); batch; batch = settle(await nextAsync())) yield batch;
    },
    get result() {
      if (!result) throw new Error('the workbook has not been read to its end');
      return result;
    },
    get rowsRead() {
      return Atomics.load(slots, ROWS_READ);
    },
    get batchesWaiting() {
      return Atomics.load(slots, POSTED) - consumed;
    },
    async close() {
      Atomics.store(slots, CANCELLED, 1);
      Atomics.notify(slots, CONSUMED);
      port1.close();
      await worker.terminate();
    },
  };
}

/**
 * From sources the worker is a bootstrap that loads TypeScript; in the Electron bundle (a .cjs file) it is the
 * bundled worker beside it.
 */
function readWorkerEntry(): string {
  const here = import.meta.url;
  if (here.endsWith('.cjs')) return fileURLToPath(new URL('./workbook-read-worker.cjs', here));
  return fileURLToPath(new URL('./workbook-read-worker.mjs', here));
}
