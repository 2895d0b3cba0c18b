import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../../main/core/database/open-database';
import { withoutMemoryMap } from '../../../../main/core/database/without-memory-map';
import { openTempDatabase, tempDir } from '../../../support/temp-database';

let cleanup: () => void;
let db: AppDatabase;
beforeEach(() => {
  let dir: string;
  ({ dir, cleanup } = tempDir());
  db = openTempDatabase(dir);
});
afterEach(() => {
  db.close();
  cleanup();
});

const mmap = () => db.sqlite.pragma('mmap_size', { simple: true });

describe('reads without the memory map', () => {
  it('run unmapped and map the file again as it was, also when the read fails', () => {
    const before = mmap();
    expect(before).toBeGreaterThan(0);
    expect(withoutMemoryMap(db.sqlite, () => [mmap(), db.sqlite.prepare('SELECT count(*) FROM beneficiaries').pluck().get()])).toEqual([0, 0]);
    expect(mmap()).toBe(before);
    expect(() => withoutMemoryMap(db.sqlite, () => { throw new Error('read failed'); })).toThrow('read failed');
    expect(mmap()).toBe(before);
  });
});
