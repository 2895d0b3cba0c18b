import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../main/core/database/open-database';
import { runCommand, undoCommand, type Actor } from '../../../main/core/write-path';
import { adminUnitTable, beneficiaryTable } from '../../../main/registry/synced-tables';
import { openTempDatabase, tempDir } from '../../support/temp-database';

// A bulk command (an import) fills the full-text index in one statement instead of row by row: what a search
// finds afterwards must be exactly what the per-row trigger would have given.

let cleanup: () => void;
let db: AppDatabase;
const clerk: Actor = { userId: 'u-clerk', origin: 'cli' };

beforeEach(() => {
  let dir: string;
  ({ dir, cleanup } = tempDir());
  db = openTempDatabase(dir);
});
afterEach(() => {
  db.close();
  cleanup();
});

const found = (words: string) =>
  (db.sqlite.prepare('SELECT b.full_name FROM beneficiaries_fts f JOIN beneficiaries b ON b.rowid = f.rowid WHERE beneficiaries_fts MATCH ? ORDER BY b.full_name').pluck().all(words) as string[]);
const trigger = () => db.sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'beneficiaries_fts_insert'").pluck().get();
const integrityCheck = () => db.sqlite.exec("INSERT INTO beneficiaries_fts(beneficiaries_fts, rank) VALUES ('integrity-check', 1)");

describe('bulk commands', () => {
  it('index every inserted row, also rows renamed later in the same command, and put the trigger back', () => {
    const before = trigger();
    const unitId = runCommand(db, clerk, 'setup', (w) => w.insert(adminUnitTable, { code: '1', effectiveFrom: '2025-07-01', name: 'Xã A', level: 'commune' })).result;
    const first = runCommand(db, clerk, 'manual-edit', (w) => w.insert(beneficiaryTable, { unitId, fullName: 'Lê Văn Tám', categoryGroup: 'NCC', categoryLabel: '' })).result;
    runCommand(db, clerk, 'import', (w) => {
      const renamed = w.insert(beneficiaryTable, { unitId, fullName: 'Nguyễn Thị Hoà', categoryGroup: 'BTXH', categoryLabel: '' });
      w.insert(beneficiaryTable, { unitId, fullName: 'Trần Đức Anh', categoryGroup: 'BTXH', categoryLabel: '' });
      w.update(beneficiaryTable, renamed, { fullName: 'Nguyễn Thị Hòa Bình' });
      w.update(beneficiaryTable, first, { fullName: 'Lê Văn Tâm' });
      w.insert(beneficiaryTable, { unitId, fullName: 'Phạm Văn Đồng', categoryGroup: 'BTXH', categoryLabel: '' });
    }, { bulk: true });

    expect(trigger()).toBe(before);
    integrityCheck();
    expect(found('nguyen')).toEqual(['Nguyễn Thị Hòa Bình']);
    expect(found('binh')).toEqual(['Nguyễn Thị Hòa Bình']);
    expect(found('tam')).toEqual(['Lê Văn Tâm']);
    expect(found('duc')).toEqual(['Trần Đức Anh']);
    expect(found('dong')).toEqual(['Phạm Văn Đồng']);

    // The put-back trigger indexes later single inserts again.
    runCommand(db, clerk, 'manual-edit', (w) => w.insert(beneficiaryTable, { unitId, fullName: 'Hoàng Văn Thụ', categoryGroup: 'NCC', categoryLabel: '' }));
    expect(found('thu')).toEqual(['Hoàng Văn Thụ']);
    integrityCheck();
  });

  it('leave schema, rows and index as they were when they fail', () => {
    const before = trigger();
    const unitId = runCommand(db, clerk, 'setup', (w) => w.insert(adminUnitTable, { code: '1', effectiveFrom: '2025-07-01', name: 'Xã A', level: 'commune' })).result;
    expect(() => runCommand(db, clerk, 'import', (w) => {
      w.insert(beneficiaryTable, { unitId, fullName: 'Nguyễn Văn Một', categoryGroup: 'BTXH', categoryLabel: '' });
      throw new Error('row 2 is broken');
    }, { bulk: true })).toThrow('row 2 is broken');
    expect(trigger()).toBe(before);
    expect(found('mot')).toEqual([]);
    expect(db.sqlite.prepare('SELECT count(*) FROM beneficiaries').pluck().get()).toBe(0);
    integrityCheck();
  });

  it('can be undone, and the undone rows stay findable only as tombstones', () => {
    const unitId = runCommand(db, clerk, 'setup', (w) => w.insert(adminUnitTable, { code: '1', effectiveFrom: '2025-07-01', name: 'Xã A', level: 'commune' })).result;
    const { commandId } = runCommand(db, clerk, 'import', (w) => {
      for (let i = 0; i < 50; i++) w.insert(beneficiaryTable, { unitId, fullName: `Đinh Văn Số ${i}`, categoryGroup: 'BTXH', categoryLabel: '' });
    }, { bulk: true });
    expect(found('dinh')).toHaveLength(50);
    undoCommand(db, clerk, commandId);
    integrityCheck();
    expect(db.sqlite.prepare('SELECT count(*) FROM beneficiaries WHERE deleted = 0').pluck().get()).toBe(0);
  });

  it('write in a smaller page cache and give the reading cache back after, also when they fail', () => {
    const cache = () => db.sqlite.pragma('cache_size', { simple: true }) as number;
    const reading = cache();
    const unitId = runCommand(db, clerk, 'setup', (w) => w.insert(adminUnitTable, { code: '1', effectiveFrom: '2025-07-01', name: 'Xã A', level: 'commune' })).result;
    let during = 0;
    runCommand(db, clerk, 'import', (w) => {
      during = cache();
      w.insert(beneficiaryTable, { unitId, fullName: 'Nguyễn Văn Một', categoryGroup: 'BTXH', categoryLabel: '' });
    }, { bulk: true });
    expect(during).toBeLessThan(0); // in KiB
    expect(-during).toBeLessThan(-reading);
    expect(cache()).toBe(reading);
    expect(() => runCommand(db, clerk, 'import', () => { throw new Error('row 2 is broken'); }, { bulk: true })).toThrow('row 2 is broken');
    expect(cache()).toBe(reading);
    runCommand(db, clerk, 'manual-edit', () => { during = cache(); });
    expect(during).toBe(reading);
  });
});
