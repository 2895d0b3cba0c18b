import { workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { isAppError } from '../../core/errors';
import type { CanonicalRecord, Problem } from '../canonical-record';
import { streamWorkbook } from '../read-workbook';
import { CANCELLED, CONSUMED, MAX_BATCHES_AHEAD, POSTED, RECORDS_PER_BATCH, ROWS_READ, type ReadMessage, type ReadRequest } from './read-protocol';

// Worker thread: reads and interprets a workbook while the importing thread writes the records it has already
// received. The two run on different cores, so an import costs little more than the slower of the two.

const { filePath, options, counters, port } = workerData as ReadRequest & { port: MessagePort };
const slots = new Int32Array(counters);

class Cancelled extends Error {}

function post(message: ReadMessage, last = false): void {
  port.postMessage(message);
  Atomics.add(slots, POSTED, 1);
  Atomics.notify(slots, POSTED);
  if (last) return;
  // Back-pressure: block this thread (and so the file stream) while the importer is far behind.
  for (;;) {
    if (Atomics.load(slots, CANCELLED)) throw new Cancelled();
    const consumed = Atomics.load(slots, CONSUMED);
    if (Atomics.load(slots, POSTED) - consumed < MAX_BATCHES_AHEAD) return;
    Atomics.wait(slots, CONSUMED, consumed, 1000);
  }
}

let records: CanonicalRecord[] = [];
let problems: Problem[] = [];
function flush(): void {
  if (records.length === 0 && problems.length === 0) return;
  const batch = { kind: 'batch' as const, records, problems };
  records = [];
  problems = [];
  post(batch);
}

// No top-level await: the worker is also bundled as CommonJS for Electron.
async function readAll(): Promise<void> {
  try {
    const read = await streamWorkbook(filePath, {
      record(r) {
        records.push(r);
        if (records.length >= RECORDS_PER_BATCH) flush();
      },
      needsFixing: (p) => problems.push(p),
      progress: (rowsRead) => Atomics.store(slots, ROWS_READ, rowsRead),
    }, options);
    flush();
    post({ kind: 'end', format: read.format, sheets: read.sheets }, true);
  } catch (error) {
    if (!(error instanceof Cancelled)) {
      post({
        kind: 'failed',
        error: isAppError(error) ? { code: error.code, messageVi: error.messageVi, messageEn: error.messageEn } : { internal: error instanceof Error ? error.message : String(error) },
      }, true);
    }
  }
}

void readAll();
