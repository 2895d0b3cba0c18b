import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../main/core/database/open-database';
import { runCommand, undoCommand, type Actor } from '../../../main/core/write-path';
import { adminUnitTable, beneficiaryTable } from '../../../main/registry/synced-tables';
import { openTempDatabase, tempDir } from '../../support/temp-database';

// The name-word postings (migration 0017) must always be exactly the words of every living record's folded name,
// with its sort key: through single inserts, renames, tombstones, restores, undo and bulk imports.

let cleanup: () => void;
let db: AppDatabase;
let unitId: string;
const clerk: Actor = { userId: 'u-clerk', origin: 'cli' };

beforeEach(() => {
  let dir: string;
  ({ dir, cleanup } = tempDir());
  db = openTempDatabase(dir);
  unitId = runCommand(db, clerk, 'setup', (w) => w.insert(adminUnitTable, { code: '1', effectiveFrom: '2025-07-01', name: 'Xã A', level: 'commune' })).result;
});
afterEach(() => {
  db.close();
  cleanup();
});

type Posting = [word: string, sortKey: string, person: number, searchName: string];
const stored = () => db.sqlite.prepare('SELECT word, sort_key, person, search_name FROM beneficiary_name_words ORDER BY 1, 2, 3').raw().all() as Posting[];
function expected(): Posting[] {
  const rows = db.sqlite.prepare('SELECT rowid, search_name, sort_key FROM beneficiaries WHERE deleted = 0').raw().all() as [number, string, string][];
  return rows.flatMap(([rowid, name, key]) => [...new Set(name.split(' ').filter(Boolean))].map((w): Posting => [w, key, rowid, name]))
    .sort((a, b) => (a[0] !== b[0] ? (a[0] < b[0] ? -1 : 1) : a[1] !== b[1] ? (a[1] < b[1] ? -1 : 1) : a[2] - b[2]));
}
const person = (fullName: string) => ({ unitId, fullName, categoryGroup: 'BTXH', categoryLabel: '' });

describe('name-word postings', () => {
  it('follow inserts, renames, tombstones, restores and undo, one entry per distinct word', () => {
    const [a, b] = runCommand(db, clerk, 'manual-edit', (w) => [w.insert(beneficiaryTable, person('Lê Thị Lê')), w.insert(beneficiaryTable, person('Nguyễn Văn An'))]).result;
    expect(stored()).toEqual(expected());
    expect(stored().filter((p) => p[0] === 'le')).toHaveLength(1);
    const rename = runCommand(db, clerk, 'manual-edit', (w) => w.update(beneficiaryTable, a, { fullName: 'Lê Thị Hoa' }));
    runCommand(db, clerk, 'manual-edit', (w) => w.update(beneficiaryTable, b, { village: 'Thôn Đông' }));
    expect(stored()).toEqual(expected());
    runCommand(db, clerk, 'manual-edit', (w) => w.tombstone(beneficiaryTable, b));
    expect(stored()).toEqual(expected());
    expect(stored().some((p) => p[0] === 'nguyen')).toBe(false);
    runCommand(db, clerk, 'manual-edit', (w) => w.restore(beneficiaryTable, b));
    undoCommand(db, clerk, rename.commandId);
    expect(stored()).toEqual(expected());
    expect(stored().some((p) => p[0] === 'nguyen')).toBe(true);
  });

  it('are filled by a bulk import in one statement, rows renamed in the same command included, and the trigger put back', () => {
    const first = runCommand(db, clerk, 'manual-edit', (w) => w.insert(beneficiaryTable, person('Lê Văn Tám'))).result;
    runCommand(db, clerk, 'import', (w) => {
      const renamed = w.insert(beneficiaryTable, person('Nguyễn Thị Hoà'));
      w.insert(beneficiaryTable, person('Trần Đức Anh'));
      w.update(beneficiaryTable, renamed, { fullName: 'Nguyễn Thị Hòa Bình' });
      w.update(beneficiaryTable, first, { fullName: 'Lê Văn Tâm' });
      const gone = w.insert(beneficiaryTable, person('Phạm Văn Đồng'));
      w.tombstone(beneficiaryTable, gone);
    }, { bulk: true });
    expect(stored()).toEqual(expected());
    runCommand(db, clerk, 'manual-edit', (w) => w.insert(beneficiaryTable, person('Hoàng Văn Thụ')));
    expect(stored()).toEqual(expected());
    expect(stored().some((p) => p[0] === 'thu')).toBe(true);
  });
});
