import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../main/core/database/open-database';
import { runCommand, undoCommand, type Actor } from '../../../main/core/write-path';
import { recordAudit } from '../../../main/core/audit';
import { adminUnitTable, beneficiaryTable } from '../../../main/registry/synced-tables';
import { userTable } from '../../../main/accounts/synced-tables';
import { openTempDatabase, tempDir } from '../../support/temp-database';

let dir: string;
let cleanup: () => void;
let db: AppDatabase;
const clerk: Actor = { userId: 'u-clerk', origin: 'cli' };

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  db = openTempDatabase(dir);
});
afterEach(() => {
  db.close();
  cleanup();
});

const log = () => db.sqlite.prepare('SELECT * FROM change_log ORDER BY seq').all() as Record<string, unknown>[];

function seedUnit(): string {
  return runCommand(db, clerk, 'setup', (w) => w.insert(adminUnitTable, { code: '13450', effectiveFrom: '2025-07-01', name: 'Xã An Lão', level: 'commune' })).result;
}

describe('write path and change log', () => {
  it('records an insert with who, when, where, what and why in the same transaction', () => {
    const unitId = seedUnit();
    const { result: id, commandId } = runCommand(db, clerk, 'manual-edit', (w) =>
      w.insert(beneficiaryTable, { unitId, fullName: 'Nguyễn Đức Anh', categoryGroup: 'BTXH', categoryLabel: 'Người cao tuổi' }));
    const entry = log().at(-1)!;
    expect(entry).toMatchObject({ device_id: db.deviceId, command_id: commandId, entity: 'beneficiaries', entity_id: id, op: 'insert' });
    expect(JSON.parse(String(entry.new_value))).toMatchObject({ fullName: 'Nguyễn Đức Anh', unitId });
    expect(JSON.parse(String(entry.new_value))).not.toHaveProperty('searchName'); // derived, not logged
    const command = db.sqlite.prepare('SELECT * FROM commands WHERE id = ?').get(commandId) as Record<string, unknown>;
    expect(command).toMatchObject({ name: 'manual-edit', user_id: 'u-clerk', origin: 'cli', device_id: db.deviceId });
    const row = db.sqlite.prepare('SELECT search_name, sort_key, rev FROM beneficiaries WHERE id = ?').get(id) as Record<string, unknown>;
    expect(row.search_name).toBe('nguyen duc anh');
    expect(row.rev).toBe(1);
  });

  it('records each changed field with its old value and the revision it was edited from', () => {
    const unitId = seedUnit();
    const { result: id } = runCommand(db, clerk, 'import', (w) => w.insert(beneficiaryTable, { unitId, fullName: 'Lê Văn Tám', birth: '1950', categoryGroup: 'NCC', categoryLabel: 'Bệnh binh' }));
    const { result: changed } = runCommand(db, clerk, 'manual-edit', (w) => w.update(beneficiaryTable, id, { birth: '1950-03-02', fullName: 'Lê Văn Tám', village: 'Thôn Đông' }));
    expect(changed.sort()).toEqual(['birth', 'village']);
    const updates = log().filter((e) => e.op === 'update');
    expect(updates.map((e) => [e.field, e.old_value, e.new_value, e.base_rev])).toEqual([
      ['birth', '"1950"', '"1950-03-02"', 1],
      ['village', 'null', '"Thôn Đông"', 1],
    ]);
    expect(db.sqlite.prepare('SELECT rev FROM beneficiaries WHERE id = ?').pluck().get(id)).toBe(2);
  });

  it('rewrites derived columns (and what is indexed on them) only when they change', () => {
    const unitId = seedUnit();
    const { result: id } = runCommand(db, clerk, 'import', (w) => w.insert(beneficiaryTable, { unitId, fullName: 'Lê Văn Tám', idNumber: '035090001234', categoryGroup: 'NCC', categoryLabel: 'Bệnh binh' }));
    // Counts the writes of the name's search key, as the full-text index's own trigger sees them.
    db.sqlite.exec(`CREATE TEMP TABLE name_writes (n INTEGER); INSERT INTO name_writes VALUES (0);
      CREATE TEMP TRIGGER count_name_writes AFTER UPDATE OF search_name, sort_key, id_number_reversed ON main.beneficiaries BEGIN UPDATE name_writes SET n = n + 1; END;`);
    const writes = () => db.sqlite.prepare('SELECT n FROM name_writes').pluck().get();
    runCommand(db, clerk, 'manual-edit', (w) => w.update(beneficiaryTable, id, { village: 'Thôn Đông' }));
    expect(writes()).toBe(0);
    runCommand(db, clerk, 'manual-edit', (w) => w.update(beneficiaryTable, id, { fullName: 'Lê Văn Tư' }));
    expect(writes()).toBe(1);
    const row = db.sqlite.prepare('SELECT search_name, id_number_reversed, village, rev FROM beneficiaries WHERE id = ?').get(id);
    expect(row).toEqual({ search_name: 'le van tu', id_number_reversed: '432100090530', village: 'Thôn Đông', rev: 3 });
    const fts = (word: string) => db.sqlite.prepare('SELECT rowid FROM beneficiaries_fts WHERE beneficiaries_fts MATCH ?').pluck().all(word);
    expect([fts('tam').length, fts('tu').length]).toEqual([0, 1]);
  });

  it('numbers entries per device without gaps and rolls back data and log together on failure', () => {
    const unitId = seedUnit();
    expect(() => runCommand(db, clerk, 'import', (w) => {
      w.insert(beneficiaryTable, { unitId, fullName: 'A', categoryGroup: 'BTXH', categoryLabel: 'x' });
      throw new Error('bad row');
    })).toThrow('bad row');
    expect(db.sqlite.prepare('SELECT count(*) FROM beneficiaries').pluck().get()).toBe(0);
    runCommand(db, clerk, 'import', (w) => w.insert(beneficiaryTable, { unitId, fullName: 'B', categoryGroup: 'BTXH', categoryLabel: 'x' }));
    expect(log().map((e) => e.seq)).toEqual([1, 2]);
    const hlcs = log().map((e) => String(e.hlc));
    expect([...hlcs].sort()).toEqual(hlcs);
  });

  it('never writes secrets into the change log', () => {
    runCommand(db, clerk, 'create-user', (w) => w.insert(userTable, { username: 'x', displayName: 'X', passwordHash: 'scrypt$secret', role: 'commune-clerk' }));
    expect(JSON.stringify(log())).not.toContain('scrypt$secret');
    expect(JSON.parse(String(log()[0].new_value)).passwordHash).toBe('***');
  });

  it('keeps the change log, commands and audit trail append-only', () => {
    seedUnit();
    expect(() => db.sqlite.prepare("UPDATE change_log SET new_value = '{}'").run()).toThrow(/append-only/);
    expect(() => db.sqlite.prepare('DELETE FROM change_log').run()).toThrow(/append-only/);
    expect(() => db.sqlite.prepare('DELETE FROM commands').run()).toThrow(/append-only/);
    recordAudit(db, clerk, { action: 'export', detail: { count: 1 } });
    expect(() => db.sqlite.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/);
  });

  it('undoes a whole command, tombstoning what it inserted and restoring what it changed, but not fields edited since', () => {
    const unitId = seedUnit();
    const { result: keep } = runCommand(db, clerk, 'manual-edit', (w) => w.insert(beneficiaryTable, { unitId, fullName: 'Phạm Thị Hoa', village: 'Thôn Nam', categoryGroup: 'BTXH', categoryLabel: 'x' }));
    const imported = runCommand(db, clerk, 'import', (w) => {
      w.update(beneficiaryTable, keep, { village: 'Thôn Bắc', hometown: 'Bình Lục' });
      return w.insert(beneficiaryTable, { unitId, fullName: 'Mới Nhập', categoryGroup: 'BTXH', categoryLabel: 'x' });
    });
    runCommand(db, clerk, 'manual-edit', (w) => w.update(beneficiaryTable, keep, { hometown: 'Thanh Liêm' }));
    const { result: report } = undoCommand(db, clerk, imported.commandId);
    expect(report.reverted).toBe(2);
    expect(report.conflicts).toEqual([{ entity: 'beneficiaries', entityId: keep, field: 'hometown' }]);
    const row = db.sqlite.prepare('SELECT village, hometown FROM beneficiaries WHERE id = ?').get(keep);
    expect(row).toEqual({ village: 'Thôn Nam', hometown: 'Thanh Liêm' });
    expect(db.sqlite.prepare('SELECT deleted FROM beneficiaries WHERE id = ?').pluck().get(imported.result)).toBe(1);
    expect(() => undoCommand(db, clerk, imported.commandId)).toThrow(expect.objectContaining({ code: 'already-undone' }));
  });
});
