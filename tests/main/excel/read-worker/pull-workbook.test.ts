import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../../main/excel/read-workbook';
import { MAX_BATCHES_AHEAD, RECORDS_PER_BATCH } from '../../../../main/excel/read-worker/read-protocol';
import { pullWorkbook } from '../../../../main/excel/read-worker/pull-workbook';
import { writeCommuneXls } from '../../../fixtures/excel/commune-xls';
import { writeGovernmentWorkbook } from '../../../fixtures/excel/government-xlsx';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'ansinh-pull-'));
let big: string;

beforeAll(async () => {
  big = path.join(tmp, 'big.xlsx');
  await writeGovernmentWorkbook(big, { rows: (MAX_BATCHES_AHEAD + 4) * RECORDS_PER_BATCH, text: 'tcvn3', seed: 11 });
});

describe('reading a workbook in a worker thread', () => {
  it('hands over exactly what reading in this thread gives, in file order', async () => {
    const direct = await readWorkbook(big);
    const pull = await pullWorkbook(big, {});
    try {
      const records = [];
      const problems = [];
      for (const batch of pull.batches()) {
        expect(batch.records.length).toBeLessThanOrEqual(RECORDS_PER_BATCH);
        records.push(...batch.records);
        problems.push(...batch.problems);
      }
      expect(records).toEqual(direct.records);
      expect(problems).toEqual(direct.needsFixing);
      expect(pull.result).toEqual({ format: direct.format, sheets: direct.sheets });
    } finally {
      await pull.close();
    }
  });

  it('runs only a few batches ahead of an importer that does not take them', { timeout: 30_000 }, async () => {
    const pull = await pullWorkbook(big, {});
    try {
      const batches = pull.batches();
      batches.next();
      for (let waited = 0; pull.batchesWaiting < MAX_BATCHES_AHEAD && waited < 20_000; waited += 100) await sleep(100);
      await sleep(1000); // time enough to overrun, were it not held back
      expect(pull.batchesWaiting).toBe(MAX_BATCHES_AHEAD);
    } finally {
      await pull.close();
    }
  });

  it('passes a refusal met while reading on, with its code and message', async () => {
    // A truncated .xls looks like one from its first bytes; only its reader finds it broken.
    const whole = path.join(tmp, 'whole.xls');
    writeCommuneXls(whole, 200);
    const cut = path.join(tmp, 'cut.xls');
    const bytes = readFileSync(whole);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const pull = await pullWorkbook(cut, {});
    try {
      expect(() => [...pull.batches()]).toThrow(expect.objectContaining({ code: 'workbook-unreadable', messageVi: expect.stringContaining('bị hỏng') }));
    } finally {
      await pull.close();
    }
  });

  it('refuses a broken file before starting a reader', async () => {
    const cut = path.join(tmp, 'cut.xlsx');
    const bytes = readFileSync(big);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(pullWorkbook(cut, {})).rejects.toMatchObject({ code: 'workbook-truncated' });
  });

  it('stops the reader when the importer gives up half-way', async () => {
    const pull = await pullWorkbook(big, {});
    const first = pull.batches().next();
    expect(first.done).toBe(false);
    const closing = pull.close();
    await expect(Promise.race([closing.then(() => 'closed'), sleep(5000).then(() => 'still running')])).resolves.toBe('closed');
  });
});

describe('a reader that dies without a word', () => {
  it('is given up after the stall time with a clear message, not waited for forever', async () => {
    // A worker that reads nothing stands for one killed at its memory limit: it never posts again.
    const silent = path.join(tmp, 'silent-worker.mjs');
    writeFileSync(silent, 'setTimeout(() => {}, 60_000);\n');
    const pull = await pullWorkbook(big, {}, { entry: silent, stallMs: 1500 });
    try {
      expect(() => pull.batches().next()).toThrow(expect.objectContaining({ code: 'import-read-stalled', messageVi: expect.stringContaining('chưa nhập gì') }));
    } finally {
      await pull.close();
    }
  });
});

describe('reading for a preview', () => {
  it('hands over the same records without blocking the event loop, and tells how many rows it has read', async () => {
    const direct = await readWorkbook(big);
    const pull = await pullWorkbook(big, {});
    let ticks = 0;
    const ticker = setInterval(() => { ticks += 1; }, 5);
    try {
      const records = [];
      for await (const batch of pull.batchesAsync()) {
        records.push(...batch.records);
        await sleep(10); // the preview's own work, during which the reader runs ahead
      }
      expect(records).toEqual(direct.records);
      expect(pull.rowsRead).toBeGreaterThanOrEqual(Math.floor(direct.records.length / 1000) * 1000);
      expect(ticks).toBeGreaterThan(10);
    } finally {
      clearInterval(ticker);
      await pull.close();
    }
  });
});
