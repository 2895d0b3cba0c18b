import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../main/core/database/open-database';
import { runCommand, undoCommand, type Actor } from '../../../main/core/write-path';
import { insertedValue } from '../../../main/core/inserted-row';
import { adminUnitTable, beneficiaryTable } from '../../../main/registry/synced-tables';
import { beneficiaryHistory } from '../../../main/registry/beneficiary-queries';
import { outboxBatch } from '../../../main/sync/outbox';
import { applyPulled } from '../../../main/sync/inbox';
import type { PulledEntry, PushBatch } from '../../../shared/sync/protocol';
import { openTempDatabase, tempDir } from '../../support/temp-database';

// The compact form of an import's inserts: no copy of the row in the log, yet every field still reaches the hub, and
// history and undo still work.

let dir: string;
let cleanup: () => void;
let a: AppDatabase;
let b: AppDatabase;
const clerk: Actor = { userId: 'u-clerk', origin: 'cli' };
const UNIT = 'vn:99999@2025-07-01';

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  a = openTempDatabase(dir, 'a.db');
  b = openTempDatabase(dir, 'b.db');
  for (const db of [a, b]) runCommand(db, clerk, 'setup', (w) => w.insert(adminUnitTable, { id: UNIT, code: '99999', effectiveFrom: '2025-07-01', name: 'Xã Thử', level: 'commune' }));
});
afterEach(() => {
  a.close();
  b.close();
  cleanup();
});

const person = (i: number) => ({ unitId: UNIT, fullName: `Nguyễn Văn Người Số ${i}`, birth: '1950-01-01', village: `Thôn ${i % 7}`, idNumber: `0010500${String(i).padStart(5, '0')}`,
  categoryGroup: 'BTXH', categoryLabel: 'Người cao tuổi', monthlyAmount: 540000 });

function importPeople(db: AppDatabase, n: number, bulk: boolean) {
  return runCommand(db, clerk, 'import', (w) => Array.from({ length: n }, (_, i) => w.insert(beneficiaryTable, person(i))), { bulk });
}

const logBytes = (db: AppDatabase, commandId: string) => db.sqlite.prepare(`SELECT sum(coalesce(length(new_value), 0) + coalesce(length(old_value), 0)) FROM change_log
  WHERE command_id = ?`).pluck().get(commandId) as number;

function asPulled(batch: PushBatch): [PushBatch['commands'], PulledEntry[]] {
  const users = new Map(batch.commands.map((c) => [c.id, c.user]));
  return [batch.commands, batch.entries.map((e) => ({ ...e, device: batch.device, user: users.get(e.command) ?? null }))];
}

describe('an import logged in the compact form', () => {
  it('keeps one entry per row but no copy of it, where a single insert logs the row', () => {
    const bulk = importPeople(a, 500, true);
    const single = importPeople(b, 500, false);
    const entries = (db: AppDatabase, id: string) => db.sqlite.prepare("SELECT count(*) FROM change_log WHERE command_id = ? AND op = 'insert'").pluck().get(id);
    expect(entries(a, bulk.commandId)).toBe(500);
    expect(entries(b, single.commandId)).toBe(500);
    expect(logBytes(a, bulk.commandId) ?? 0).toBe(0);
    expect(logBytes(b, single.commandId)).toBeGreaterThan(500 * 150);
  });

  it('sends every field of the row as inserted, even after later edits here and from elsewhere; the receiver gets the same record', () => {
    const { result: ids } = importPeople(a, 3, true);
    const rowidOf = (id: string) => a.sqlite.prepare("SELECT rowid FROM change_log WHERE entity = 'beneficiaries' AND entity_id = ? AND op = 'insert'").pluck().get(id) as number;
    const asInserted = () => JSON.parse(insertedValue(a.sqlite, { rowid: rowidOf(ids[0]), entity: 'beneficiaries', entityId: ids[0], value: null }));
    expect(asInserted()).toMatchObject({ ...person(0), status: 'active', paymentChannel: 'cash', problems: '[]' });
    expect(asInserted()).not.toHaveProperty('searchName'); // derived, as in a single insert's entry
    // Edited here twice, the village cleared, the record tombstoned and restored: the insert still says what it inserted.
    runCommand(a, clerk, 'manual-edit', (w) => w.update(beneficiaryTable, ids[0], { village: 'Thôn Đông', birth: '1950-03-02' }));
    runCommand(a, clerk, 'manual-edit', (w) => w.update(beneficiaryTable, ids[0], { village: null }));
    runCommand(a, clerk, 'stop', (w) => w.tombstone(beneficiaryTable, ids[0]));
    runCommand(a, clerk, 'restore', (w) => w.restore(beneficiaryTable, ids[0]));
    expect(asInserted()).toMatchObject({ village: 'Thôn 0', birth: '1950-01-01' });
    // A change from elsewhere logs the value it replaced too.
    const sent = outboxBatch(a, 0, 10_000)!;
    applyPulled(b, ...asPulled(sent));
    runCommand(b, clerk, 'manual-edit', (w) => w.update(beneficiaryTable, ids[1], { fullName: 'Trần Thị Mới' }));
    applyPulled(a, ...asPulled(outboxBatch(b, 0, 10_000)!));
    expect(a.sqlite.prepare('SELECT full_name FROM beneficiaries WHERE id = ?').pluck().get(ids[1])).toBe('Trần Thị Mới');
    const second = JSON.parse(insertedValue(a.sqlite, { rowid: rowidOf(ids[1]), entity: 'beneficiaries', entityId: ids[1], value: null }));
    expect(second.fullName).toBe(person(1).fullName);
    // What travelled is the row as inserted, then each change: the other side holds the same people.
    const insert = sent.entries.find((e) => e.op === 'insert' && e.id === ids[0])!;
    expect(JSON.parse(insert.value!)).toMatchObject(person(0));
    const people = (db: AppDatabase) => db.sqlite.prepare('SELECT id, full_name, birth, village, id_number, monthly_amount, search_name, deleted FROM beneficiaries ORDER BY id').all();
    expect(people(b)).toEqual(people(a));
  });

  it('shows the inserted values in the record\'s history, and is undone as before', () => {
    const { result: ids, commandId } = importPeople(a, 2, true);
    runCommand(a, clerk, 'manual-edit', (w) => w.update(beneficiaryTable, ids[0], { village: 'Thôn Đông' }));
    const history = beneficiaryHistory(a.sqlite, ids[0]);
    expect(history.find((h) => h.op === 'insert')!.newValue).toMatchObject({ fullName: person(0).fullName, village: 'Thôn 0' });
    expect(history.find((h) => h.field === 'village')).toMatchObject({ oldValue: 'Thôn 0', newValue: 'Thôn Đông' });
    const undo = undoCommand(a, clerk, commandId);
    expect(undo.result).toMatchObject({ reverted: 1, conflicts: [{ entityId: ids[0], field: '*' }] });
    expect(a.sqlite.prepare('SELECT deleted FROM beneficiaries WHERE id = ?').pluck().get(ids[1])).toBe(1);
  });
});
