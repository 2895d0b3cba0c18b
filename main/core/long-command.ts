import { AppError } from './errors';

// A long command (a 100,000-row import) runs in a worker thread with its own database connection, so that the
// services go on answering while it writes. This is its link to the thread that waits for it: how far it has
// come (rows written of rows to write), and a request to stop. Both live in a SharedArrayBuffer, readable and
// writable from either thread without a message round trip. The command checks the request between batches
// and throws: its transaction rolls back, and nothing of it stays.

const DONE = 0;
const TOTAL = 1;
const CANCEL = 2;
const SLOTS = 3;

export class LongCommandSignal {
  private readonly slots: Int32Array;

  /** `total` 0 = not known in advance. */
  constructor(readonly buffer = new SharedArrayBuffer(SLOTS * Int32Array.BYTES_PER_ELEMENT), total?: number) {
    this.slots = new Int32Array(buffer);
    if (total !== undefined) Atomics.store(this.slots, TOTAL, total);
  }

  get done(): number {
    return Atomics.load(this.slots, DONE);
  }

  get total(): number | null {
    return Atomics.load(this.slots, TOTAL) || null;
  }

  get cancelRequested(): boolean {
    return Atomics.load(this.slots, CANCEL) === 1;
  }

  /** The command: so many rows written so far (only ever goes up). */
  report(done: number): void {
    Atomics.store(this.slots, DONE, Math.max(done, this.done));
  }

  /** The waiting side: stop as soon as you can, and leave nothing. */
  cancel(): void {
    Atomics.store(this.slots, CANCEL, 1);
  }

  /** The command, between batches: throws (rolling its transaction back) when a stop was asked. */
  throwIfCancelled(): void {
    if (this.cancelRequested) throw cancelledError();
  }
}

export function cancelledError(): AppError {
  return new AppError('command-cancelled', 'Đã huỷ theo yêu cầu; chưa ghi gì vào cơ sở dữ liệu.', 'Cancelled on request; nothing was written.');
}
