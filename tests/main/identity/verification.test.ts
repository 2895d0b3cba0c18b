import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationsDir } from '../../../main/core/app-paths';
import { runCommand } from '../../../main/core/write-path';
import { unverifyField, verifyField } from '../../../main/identity/verification';
import { adminUnitTable, beneficiaryTable } from '../../../main/registry/synced-tables';
import { openTempDatabase, tempDir } from '../../support/temp-database';

const { dir, cleanup } = tempDir();
const db = openTempDatabase(dir);
afterAll(() => { db.close(); cleanup(); });
const system = { userId: null, origin: 'system' as const };
const unit = runCommand(db, system, 'seed', (w) => w.insert(adminUnitTable, { code: '1', effectiveFrom: '2025-07-01', name: 'Xã A', level: 'commune' })).result;
const person = () => runCommand(db, system, 'seed', (w) => w.insert(beneficiaryTable, { unitId: unit, fullName: 'Lê Thị Mai', categoryGroup: 'BTXH', categoryLabel: 'x' })).result;
const summary = (id: string) => JSON.parse(db.sqlite.prepare('SELECT verified FROM beneficiaries WHERE id = ?').pluck().get(id) as string);

describe('verification per field', () => {
  it('is one synced row per person and field; the verified column follows it and is never written by a command', () => {
    const id = person();
    runCommand(db, { userId: 'u1', origin: 'host' }, 'card-verification', (w) => {
      verifyField(w, id, 'fullName', { source: 'chip', cardRead: 'read-1', userId: 'u1' });
      verifyField(w, id, 'birth', { source: 'chip', cardRead: 'read-1', userId: 'u1' });
    });
    // Another office verifies another field: another row, nothing of the first touched.
    runCommand(db, { userId: 'u2', origin: 'host' }, 'match-results', (w) => verifyField(w, id, 'idNumber', { source: 'population', batchId: 'b1', userId: 'u2' }));
    expect(summary(id)).toEqual({ fullName: 'chip', birth: 'chip', idNumber: 'population' });
    const rows = db.sqlite.prepare('SELECT id, field, source, batch_id AS batchId, card_read AS cardRead, verified_by AS verifiedBy FROM field_verifications WHERE beneficiary_id = ? ORDER BY field').all(id);
    expect(rows).toEqual([
      { id: `${id}:birth`, field: 'birth', source: 'chip', batchId: null, cardRead: 'read-1', verifiedBy: 'u1' },
      { id: `${id}:fullName`, field: 'fullName', source: 'chip', batchId: null, cardRead: 'read-1', verifiedBy: 'u1' },
      { id: `${id}:idNumber`, field: 'idNumber', source: 'population', batchId: 'b1', cardRead: null, verifiedBy: 'u2' },
    ]);
    runCommand(db, system, 'x', (w) => unverifyField(w, id, 'birth'));
    expect(summary(id)).toEqual({ fullName: 'chip', idNumber: 'population' });
    runCommand(db, system, 'x', (w) => verifyField(w, id, 'birth', { source: 'population', userId: null }));
    expect(summary(id)).toEqual({ fullName: 'chip', idNumber: 'population', birth: 'population' });
    const logged = db.sqlite.prepare("SELECT count(*) FROM change_log WHERE entity = 'beneficiaries' AND field = 'verified'").pluck().get();
    expect(logged).toBe(0);
  });

  it('migration moves the old JSON column\'s values into the table', () => {
    const id = person();
    db.sqlite.prepare(`UPDATE beneficiaries SET verified = '{"fullName":"chip","monthlyAmount":"manual","x":"bogus"}' WHERE id = ?`).run(id);
    const file = readdirSync(migrationsDir()).find((f) => f.endsWith('_field_verification_and_matching.sql'))!;
    const statement = readFileSync(path.join(migrationsDir(), file), 'utf8').split('--> statement-breakpoint').find((s) => s.includes('INSERT OR IGNORE INTO `field_verifications`'))!;
    db.sqlite.exec(statement);
    expect(db.sqlite.prepare('SELECT field, source FROM field_verifications WHERE beneficiary_id = ? ORDER BY field').all(id))
      .toEqual([{ field: 'fullName', source: 'chip' }, { field: 'monthlyAmount', source: 'manual' }]);
    expect(summary(id)).toEqual({ fullName: 'chip', monthlyAmount: 'manual' });
  });
});
