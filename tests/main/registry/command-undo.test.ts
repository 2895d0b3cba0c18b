import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../main/core/database/open-database';
import { runCommand } from '../../../main/core/write-path';
import { undoChecked, undoRefusal, unitsTouchedBy, type UndoableCommand, type UndoRequester } from '../../../main/registry/command-undo';
import { adminUnitTable, beneficiaryTable, paymentAccountTable } from '../../../main/registry/synced-tables';
import { openTempDatabase, tempDir } from '../../support/temp-database';

const clerkA: UndoRequester = { userId: 'clerk-a', role: 'commune-clerk', scope: ['A'] };
const command = (over: Partial<UndoableCommand> = {}): UndoableCommand => ({ id: 'c1', name: 'import', userId: 'clerk-a', undone: false, ...over });
const inA = { unitIds: ['A'], unplaced: 0 };

describe('the one undo rule', () => {
  it.each([
    ['its author, in the area', command(), clerkA, inA, null],
    ['a hand edit by its author', command({ name: 'manual-edit' }), clerkA, inA, null],
    ['a command that does not exist', null, clerkA, inA, 'missing'],
    ['an undo (no redo by undo)', command({ name: 'undo' }), clerkA, inA, 'not-undoable'],
    ['a card read', command({ name: 'card-verification' }), clerkA, inA, 'not-undoable'],
    ['creating a user', command({ name: 'create-user' }), clerkA, inA, 'not-undoable'],
    ['an import undone already', command({ undone: true }), clerkA, inA, 'already-undone'],
    ["someone else's import", command({ userId: 'clerk-b' }), clerkA, inA, 'not-author'],
    ['an import that touched another commune', command(), clerkA, { unitIds: ['A', 'B'], unplaced: 0 }, 'outside-area'],
    ['a command that touched records of no commune', command(), clerkA, { unitIds: ['A'], unplaced: 1 }, 'outside-area'],
    ["an administrator, someone else's import in the area", command({ userId: 'clerk-b' }), { userId: 'adm', role: 'administrator', scope: ['A'] }, inA, null],
    ['an administrator of some units, outside them', command(), { userId: 'adm', role: 'administrator', scope: ['B'] }, inA, 'outside-area'],
    ['an administrator of everything', command({ userId: null }), { userId: 'adm', role: 'administrator', scope: null }, { unitIds: ['A', 'B'], unplaced: 3 }, null],
  ] as const)('%s', (_what, cmd, requester, touched, refusal) => {
    expect(undoRefusal(cmd, requester, touched)).toBe(refusal);
  });
});

describe('undo against a real database, two communes', () => {
  let db: AppDatabase;
  let cleanup: () => void;
  const units: Record<string, string> = {};
  const system = { userId: null, origin: 'system' as const };

  beforeAll(() => {
    const t = tempDir();
    cleanup = t.cleanup;
    db = openTempDatabase(t.dir);
    runCommand(db, system, 'seed', (w) => {
      units.A = w.insert(adminUnitTable, { code: '00001', effectiveFrom: '2025-07-01', name: 'Xã Một', level: 'commune' });
      units.B = w.insert(adminUnitTable, { code: '00002', effectiveFrom: '2025-07-01', name: 'Xã Hai', level: 'commune' });
    });
  });
  afterAll(() => {
    db.close();
    cleanup();
  });

  const person = (unit: string, name: string) => ({ unitId: unit, fullName: name, categoryGroup: 'BTXH', categoryLabel: '' });
  const clerk = (id: string, unit: string): UndoRequester => ({ userId: id, role: 'commune-clerk', scope: [units[unit]] });
  const live = (id: string) => db.sqlite.prepare('SELECT deleted FROM beneficiaries WHERE id = ?').pluck().get(id);

  it('finds the communes of people and of their accounts', () => {
    const { commandId } = runCommand(db, { userId: 'u1', origin: 'host' }, 'import', (w) => {
      const p = w.insert(beneficiaryTable, person(units.A, 'Nguyễn Văn An'));
      w.insert(paymentAccountTable, { beneficiaryId: p, kind: 'bank', number: '0123456789', holderName: 'Nguyễn Văn An' });
    });
    expect(unitsTouchedBy(db, commandId)).toEqual({ unitIds: [units.A], unplaced: 0 });
  });

  it("refuses someone else's import with one Vietnamese line and changes nothing", () => {
    const { commandId, result: id } = runCommand(db, { userId: 'u1', origin: 'host' }, 'import', (w) => w.insert(beneficiaryTable, person(units.A, 'Trần Thị Bình')));
    const count = db.sqlite.prepare('SELECT count(*) FROM commands').pluck().get();
    expect(() => undoChecked(db, { userId: 'u2', origin: 'host' }, clerk('u2', 'A'), commandId)).toThrow(expect.objectContaining({
      code: 'undo-not-author', messageVi: 'Chỉ người đã làm thao tác này hoặc quản trị viên mới được hoàn tác nó.',
    }));
    expect(db.sqlite.prepare('SELECT count(*) FROM commands').pluck().get()).toBe(count);
    expect(live(id)).toBe(0);
  });

  it('refuses an import that touched a record of another commune, even to its author', () => {
    const { commandId, result } = runCommand(db, { userId: 'u1', origin: 'host' }, 'import', (w) => [
      w.insert(beneficiaryTable, person(units.A, 'Lê Văn Cường')),
      w.insert(beneficiaryTable, person(units.B, 'Lê Văn Dũng')),
    ]);
    expect(() => undoChecked(db, { userId: 'u1', origin: 'host' }, clerk('u1', 'A'), commandId)).toThrow(expect.objectContaining({ code: 'undo-outside-area' }));
    expect(result.map(live)).toEqual([0, 0]);
  });

  it('undoes an older import, not only the last, and names the person of a field edited since', () => {
    const actor = { userId: 'u1', origin: 'host' as const };
    const first = runCommand(db, actor, 'import', (w) => w.insert(beneficiaryTable, person(units.A, 'Phạm Văn Em')));
    const update = runCommand(db, actor, 'import', (w) => w.update(beneficiaryTable, first.result, { village: 'Thôn Đông', hometown: 'Hà Nam' }));
    runCommand(db, actor, 'import', (w) => w.insert(beneficiaryTable, person(units.A, 'Đỗ Thị Gấm')));
    runCommand(db, actor, 'manual-edit', (w) => w.update(beneficiaryTable, first.result, { village: 'Thôn Tây' }));
    const { result } = undoChecked(db, actor, clerk('u1', 'A'), update.commandId, 'import');
    expect(result.reverted).toBe(1);
    expect(result.conflicts).toEqual([{ entity: 'beneficiaries', entityId: first.result, field: 'village', beneficiaryId: first.result, personName: 'Phạm Văn Em' }]);
    const row = db.sqlite.prepare('SELECT village, hometown FROM beneficiaries WHERE id = ?').get(first.result);
    expect(row).toEqual({ village: 'Thôn Tây', hometown: null });
    expect(() => undoChecked(db, actor, clerk('u1', 'A'), update.commandId)).toThrow(expect.objectContaining({ code: 'undo-already-undone' }));
  });

  it('refuses to undo an undo, and a command of another kind through the import door', () => {
    const actor = { userId: 'u1', origin: 'host' as const };
    const edit = runCommand(db, actor, 'manual-edit', (w) => w.insert(beneficiaryTable, person(units.A, 'Vũ Văn Hải')));
    expect(() => undoChecked(db, actor, clerk('u1', 'A'), edit.commandId, 'import')).toThrow(expect.objectContaining({ code: 'command-missing' }));
    const undo = undoChecked(db, actor, clerk('u1', 'A'), edit.commandId);
    expect(live(edit.result)).toBe(1);
    expect(() => undoChecked(db, actor, clerk('u1', 'A'), undo.commandId)).toThrow(expect.objectContaining({ code: 'undo-not-undoable' }));
  });

  it('lets an administrator undo a clerk\'s import', () => {
    const imp = runCommand(db, { userId: 'u1', origin: 'host' }, 'import', (w) => w.insert(beneficiaryTable, person(units.B, 'Hoàng Văn Khánh')));
    undoChecked(db, { userId: 'adm', origin: 'host' }, { userId: 'adm', role: 'administrator', scope: null }, imp.commandId);
    expect(live(imp.result)).toBe(1);
  });
});
