import type { InterpretOptions } from './sheet-interpreter';
import { readWorkbook } from './read-workbook';
import type { WorkbookPull } from './read-worker/pull-workbook';

/**
 * A small list read whole in this thread, handed out as the reader worker would (one batch). For the many small
 * lists of a consolidation: a worker's start costs more than reading 1,500 rows, and a small list held whole
 * costs little memory. Large files go through the worker (pull-workbook.ts), which keeps memory bounded.
 */
export async function readWhole(filePath: string, options: InterpretOptions): Promise<WorkbookPull> {
  const reading = await readWorkbook(filePath, options);
  const batch = { records: reading.records, problems: reading.needsFixing };
  const rows = reading.sheets.reduce((n, s) => n + s.dataRows, 0);
  return {
    *batches() { yield batch; },
    async *batchesAsync() { yield batch; },
    rowsRead: rows,
    result: { format: reading.format, sheets: reading.sheets },
    batchesWaiting: 0,
    close: async () => {},
  };
}
