import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { AppDatabase } from '../../../main/core/database/open-database';
import { openDatabase } from '../../../main/core/database/open-database';
import { migrationsDir } from '../../../main/core/app-paths';
import { runCommand, type Actor } from '../../../main/core/write-path';
import { adminUnitTable, beneficiaryTable } from '../../../main/registry/synced-tables';
import { userTable } from '../../../main/accounts/synced-tables';
import { outboxBatch } from '../../../main/sync/outbox';
import { applyPulled } from '../../../main/sync/inbox';
import { openIssues } from '../../../main/sync/sync-issues';
import { currentEnrolment, saveEnrolment, SyncRefusal } from '../../../main/sync/sync-state';
import type { PulledEntry, PushBatch } from '../../../shared/sync/protocol';
import { openTempDatabase, tempDir } from '../../support/temp-database';

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
});
afterEach(() => {
  a.close();
  b.close();
  cleanup();
});

const log = (db: AppDatabase) => db.sqlite.prepare('SELECT * FROM change_log ORDER BY rowid').all() as Record<string, unknown>[];

/** What the hub would hand the other device: the batch's entries with their origin. */
function asPulled(batch: PushBatch): Parameters<typeof applyPulled> extends [unknown, infer C, infer E] ? [C, E] : never {
  const users = new Map(batch.commands.map((c) => [c.id, c.user]));
  return [batch.commands, batch.entries.map((e): PulledEntry => ({ ...e, device: batch.device, user: users.get(e.command) ?? null }))];
}

/** Sends everything of `from` not yet sent to `to`. */
function travel(from: AppDatabase, to: AppDatabase, after = 0) {
  const batch = outboxBatch(from, after, 10_000)!;
  return { batch, report: applyPulled(to, ...asPulled(batch)) };
}

function seedPerson(db: AppDatabase): string {
  runCommand(db, clerk, 'setup', (w) => w.insert(adminUnitTable, { id: UNIT, code: '99999', effectiveFrom: '2025-07-01', name: 'Xã Thử', level: 'commune' }));
  return runCommand(db, clerk, 'import', (w) => w.insert(beneficiaryTable, { unitId: UNIT, fullName: 'Lê Văn Tám', birth: '1950', categoryGroup: 'NCC', categoryLabel: 'Bệnh binh' })).result;
}

describe('the change log travels', () => {
  it('records as base the entry whose value an edit replaced, the same on every device', () => {
    const id = seedPerson(a);
    runCommand(a, clerk, 'manual-edit', (w) => w.update(beneficiaryTable, id, { birth: '1950-03-02', village: 'Thôn Đông' }));
    runCommand(a, clerk, 'manual-edit', (w) => w.update(beneficiaryTable, id, { birth: '1950-03-04' }));
    const entries = log(a);
    const insertSeq = entries.find((e) => e.op === 'insert' && e.entity === 'beneficiaries')!.seq;
    const births = entries.filter((e) => e.field === 'birth');
    expect(births[0].base_change).toBe(`${a.deviceId}:${insertSeq}`);
    expect(births[1].base_change).toBe(`${a.deviceId}:${births[0].seq}`);
  });

  it('applies changes from elsewhere keeping their device, sequence, time, command and user, once', () => {
    const id = seedPerson(a);
    runCommand(a, clerk, 'manual-edit', (w) => w.update(beneficiaryTable, id, { village: 'Thôn Đông' }));
    const { report } = travel(a, b);
    expect(report).toMatchObject({ applied: 3, alreadyHeld: 0, held: [] });
    expect(b.sqlite.prepare('SELECT full_name, village, search_name, rev FROM beneficiaries WHERE id = ?').get(id)).toEqual({ full_name: 'Lê Văn Tám', village: 'Thôn Đông', search_name: 'le van tam', rev: 2 });
    const pick = (e: Record<string, unknown>) => [e.device_id, e.seq, e.hlc, e.command_id, e.op, e.field, e.new_value, e.base_change];
    expect(log(b).map(pick)).toEqual(log(a).map(pick));
    const commandsOf = (db: AppDatabase) => db.sqlite.prepare('SELECT id, name, device_id, user_id, hlc FROM commands ORDER BY hlc').all();
    expect(commandsOf(b)).toEqual(commandsOf(a));
    // Again: nothing applied twice.
    expect(travel(a, b).report).toMatchObject({ applied: 0, alreadyHeld: 3 });
    // B's own next change sorts after what it received, and is numbered as B's.
    runCommand(b, clerk, 'manual-edit', (w) => w.update(beneficiaryTable, id, { birth: '1951' }));
    const mine = log(b).at(-1)!;
    expect(mine).toMatchObject({ device_id: b.deviceId, seq: 1, base_change: `${a.deviceId}:2` });
    expect(String(mine.hlc) > String(log(a).at(-1)!.hlc)).toBe(true);
  });

  it('merges different fields and holds the same field changed on both sides for a person', () => {
    const id = seedPerson(a);
    travel(a, b);
    const sentUpTo = outboxBatch(a, 0, 10_000)!.upTo;
    runCommand(a, clerk, 'manual-edit', (w) => w.update(beneficiaryTable, id, { village: 'Thôn Đông', birth: '1950-01-01' }));
    runCommand(b, clerk, 'manual-edit', (w) => w.update(beneficiaryTable, id, { hometown: 'Hà Nam', birth: '1950-12-31' }));
    const { report } = travel(a, b, sentUpTo);
    expect(report.applied).toBe(1);
    expect(report.held.map((h) => [h.why, h.entry.field])).toEqual([['conflict', 'birth']]);
    expect(b.sqlite.prepare('SELECT village, hometown, birth FROM beneficiaries WHERE id = ?').get(id)).toEqual({ village: 'Thôn Đông', hometown: 'Hà Nam', birth: '1950-12-31' });
    expect(openIssues(b)).toMatchObject([{ why: 'conflict', entity: 'beneficiaries', entityId: id, field: 'birth', status: 'open' }]);
  });

  it('keeps a value verified by an authority against a hand edit from elsewhere, and lets an authority replace a hand edit', () => {
    const id = seedPerson(a);
    travel(a, b);
    const sentUpTo = outboxBatch(a, 0, 10_000)!.upTo;
    runCommand(b, clerk, 'card-verification', (w) => w.update(beneficiaryTable, id, { birth: '1950-05-05' }));
    runCommand(a, clerk, 'manual-edit', (w) => w.update(beneficiaryTable, id, { birth: '1950-01-01' }));
    const { report } = travel(a, b, sentUpTo);
    expect(report.held.map((h) => h.why)).toEqual(['keep']);
    expect(b.sqlite.prepare('SELECT birth FROM beneficiaries WHERE id = ?').pluck().get(id)).toBe('1950-05-05');
    // The other way: the chip's value replaces the hand edit.
    const { report: back } = travel(b, a);
    expect(back.held).toEqual([]);
    expect(a.sqlite.prepare('SELECT birth FROM beneficiaries WHERE id = ?').pluck().get(id)).toBe('1950-05-05');
  });

  it('never sends a password hash, not even masked', () => {
    const { result: uid } = runCommand(a, clerk, 'account-edit', (w) => w.insert(userTable, { username: 'canbo', displayName: 'Cán bộ', passwordHash: 'scrypt$secret', role: 'commune-clerk' }));
    runCommand(a, clerk, 'change-password', (w) => w.update(userTable, uid, { passwordHash: 'scrypt$other' }));
    const batch = outboxBatch(a, 0, 100)!;
    const text = JSON.stringify(batch);
    expect(text).not.toContain('passwordHash');
    expect(text).not.toContain('***');
    expect(text).not.toContain('scrypt');
    expect(batch.entries.map((e) => e.op)).toEqual(['insert']);
    expect(batch.upTo).toBe(2); // the skipped entry is covered all the same
  });

  it('keeps fields and tables of a newer app in the log as they came, and applies what it knows', () => {
    const id = seedPerson(a);
    const batch = outboxBatch(a, 0, 100)!;
    const person = batch.entries.find((e) => e.entity === 'beneficiaries')!;
    person.value = JSON.stringify({ ...JSON.parse(person.value!), favouriteColour: 'xanh' });
    batch.entries.push({ ...person, seq: 99, op: 'update', field: 'favouriteColour', value: '"đỏ"', base: null },
      { ...person, seq: 100, entity: 'future_things', id: 'x1', op: 'insert', value: '{"a":1}' });
    const report = applyPulled(b, ...asPulled(batch));
    expect(report).toMatchObject({ applied: 4, held: [] });
    expect(b.sqlite.prepare('SELECT full_name FROM beneficiaries WHERE id = ?').pluck().get(id)).toBe('Lê Văn Tám');
    const kept = log(b).filter((e) => String(e.new_value).includes('xanh') || e.field === 'favouriteColour' || e.entity === 'future_things');
    expect(kept).toHaveLength(3);
  });

  it('a database copied to another installation must enrol again instead of sending as the device it was copied from', () => {
    const path = join(dir, 'office.db');
    const first = openDatabase({ path, migrationsFolder: migrationsDir(), create: true, installationId: '11111111-1111-1111-1111-111111111111' });
    saveEnrolment(first, { hubUrl: 'http://127.0.0.1:1', hubId: 'h', hubSignKey: '', hubBoxKey: '', deviceId: first.deviceId, officeUnitId: UNIT,
      signPublic: '', signPrivate: '', boxPublic: '', boxPrivate: '', enrolledAt: new Date().toISOString() });
    expect(currentEnrolment(first).deviceId).toBe(first.deviceId);
    first.close();
    const copy = openDatabase({ path, migrationsFolder: migrationsDir(), installationId: '22222222-2222-2222-2222-222222222222' });
    try {
      expect(() => currentEnrolment(copy)).toThrow(SyncRefusal);
      expect(() => currentEnrolment(copy)).toThrow(/copied/);
    } finally {
      copy.close();
    }
  });
});
