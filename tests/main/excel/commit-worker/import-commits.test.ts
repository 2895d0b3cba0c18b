import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../../main/app/services';
import { saveUpload } from '../../../../main/app/uploads';
import { writeGovernmentWorkbook } from '../../../fixtures/excel/government-xlsx';
import { demoServices, loginAs } from '../../../support/services';
import { tempDir } from '../../../support/temp-database';

// A long import commit runs in a worker thread with its own connection: the services go on answering
// (through the same dispatch as every door) while it writes, tell how far it has come, and can roll it back.

const ROWS = 6000;
const { dir, cleanup } = tempDir('ansinh-commit-worker-');
let services: Services;
let as: Awaited<ReturnType<typeof loginAs>>;
let fileRef: string;

const count = (sql: string) => services.db.sqlite.prepare(sql).pluck().get() as number;
const facts = () => ({
  beneficiaries: count('SELECT count(*) FROM beneficiaries'),
  accounts: count('SELECT count(*) FROM payment_accounts'),
  changeLog: count('SELECT count(*) FROM change_log'),
  commands: count('SELECT count(*) FROM commands'),
  triggers: count("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"),
});

async function ok<T>(method: string, input: unknown = {}): Promise<T> {
  const res = await as(method, input);
  if (!res.ok) throw Object.assign(new Error(res.error.message), { code: res.error.code });
  return res.output as T;
}

beforeAll(async () => {
  services = demoServices(dir, { people: 50 });
  as = await loginAs(services, 'canbo', 'canbo123!');
  const file = path.join(dir, 'list.xlsx');
  await writeGovernmentWorkbook(file, { rows: ROWS, text: 'tcvn3', seed: 21 });
  fileRef = saveUpload(readFileSync(file));
}, 120_000);

afterAll(async () => {
  await services.close();
  cleanup();
});

/** Waits until the commit under way has written something (it has its transaction open). */
async function writing(): Promise<{ written: number; total: number | null }> {
  for (;;) {
    const p = await ok<{ written: number; total: number | null } | null>('import.commitProgress', { fileRef });
    if (p && p.written > 0) return p;
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('an import commit in its own worker thread', () => {
  it('rolls back completely when cancelled: no row, no change-log entry, no command', async () => {
    const preview = await ok<{ records: number }>('import.preview', { fileRef, fileName: 'list.xlsx' });
    expect(preview.records).toBeGreaterThan(ROWS * 0.9);
    const before = facts();
    const committing = as('import.commit', { fileRef, fileName: 'list.xlsx' });
    const seen = await writing();
    expect(seen.total).toBe(preview.records);
    expect(seen.written).toBeLessThan(preview.records);
    expect(await ok('import.commitCancel', { fileRef })).toEqual({ cancelling: true });
    const res = await committing;
    expect(res.ok).toBe(false);
    expect(!res.ok && res.error).toMatchObject({ code: 'command-cancelled', message: expect.stringMatching(/huỷ/) });
    expect(facts()).toEqual(before); // the full-text trigger dropped for the bulk insert is back, too
    expect(await ok('import.commitProgress', { fileRef })).toBeNull();
    expect(await ok('import.commitCancel', { fileRef })).toEqual({ cancelling: false });
  }, 120_000);

  it('answers the list while it writes (and shows it only whole), with progress rising to the total', async () => {
    const preview = await ok<{ records: number; imported: number }>('import.preview', { fileRef, fileName: 'list.xlsx' });
    const before = (await ok<{ total: number }>('beneficiaries.list', { limit: 1 })).total;
    const progress: number[] = [];
    const listWaits: number[] = [];
    let done = false;
    const started = performance.now();
    const committing = as('import.commit', { fileRef, fileName: 'list.xlsx' }).finally(() => (done = true));
    while (!done) {
      const p = await ok<{ written: number; total: number | null } | null>('import.commitProgress', { fileRef });
      if (p) {
        expect(p.total).toBe(preview.records);
        progress.push(p.written);
      }
      if (p && p.written > 0 && p.written < preview.records) {
        const asked = performance.now();
        const list = await ok<{ total: number }>('beneficiaries.list', { limit: 50 });
        listWaits.push(performance.now() - asked);
        if (!done) expect(list.total).toBe(before); // not a row of the import before it is committed whole
      }
      await new Promise((r) => setTimeout(r, 15));
    }
    const commitMs = performance.now() - started;
    const res = await committing;
    expect(res.ok).toBe(true);
    const report = (res as { output: { imported: number } }).output;
    expect(report.imported).toBe(preview.imported);
    expect((await ok<{ total: number }>('beneficiaries.list', { limit: 1 })).total).toBe(before + preview.imported);

    // Asked many times while the rows were being written, and each answer came quickly: the services' thread
    // was never held by the commit (held, a call would have waited for the whole of it).
    expect(listWaits.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...listWaits)).toBeLessThan(Math.min(1500, commitMs / 2));
    expect(progress.every((v, i) => i === 0 || v >= progress[i - 1])).toBe(true);
    expect(new Set(progress).size).toBeGreaterThanOrEqual(3);
    expect(Math.max(...progress)).toBeLessThanOrEqual(preview.records);
  }, 180_000);

  it('refuses a second commit while one is under way, and a write meets a clear busy message', async () => {
    const file = path.join(dir, 'other.xlsx');
    await writeGovernmentWorkbook(file, { rows: ROWS, text: 'tcvn3', seed: 22 });
    const other = saveUpload(readFileSync(file));
    const committing = as('import.commit', { fileRef: other, fileName: 'other.xlsx' });
    for (;;) {
      const p = await ok<{ written: number } | null>('import.commitProgress', { fileRef: other });
      if (p && p.written > 0) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const second = await as('import.commit', { fileRef: saveUpload(readFileSync(file)), fileName: 'other.xlsx' });
    expect(!second.ok && second.error.code).toBe('import-busy');
    const write = await as('import.rememberMapping', { layout: 'Lbusy0000', mapping: { fullName: 2 } });
    expect(!write.ok && write.error).toMatchObject({ code: 'database-busy', message: expect.stringMatching(/thử lại khi ghi xong/) });
    await ok('import.commitCancel', { fileRef: other });
    expect((await committing).ok).toBe(false);
  }, 180_000);
});
