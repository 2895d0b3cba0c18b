import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { openDatabase } from '../../../../main/core/database/open-database';
import { createEncryptedDatabase } from '../../../../main/core/database/create-encrypted-database';
import { encryptInPlace } from '../../../../main/core/database/encrypt-in-place';
import { rekeyDatabase } from '../../../../main/core/database/rekey';
import { readBackup, restoreBackup, writeBackup } from '../../../../main/core/database/backup-file';
import { tableCounts } from '../../../../main/core/database/file-swap';
import { keyFilePath, readKeyFile, writeKeyFile } from '../../../../main/core/database/key-file';
import { readMeta } from '../../../../main/core/database/meta';
import { migrationsDir } from '../../../../main/core/app-paths';
import { seedDemo } from '../../../../main/demo/seed-demo';
import { tempDir } from '../../../support/temp-database';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const migrationsFolder = migrationsDir();
const fileDigest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const INSTALLATION = '33333333-3333-4333-8333-333333333333';

function plainWithPeople(name = 'plain.db') {
  const path = join(dir, name);
  const db = openDatabase({ path, migrationsFolder, create: true, installationId: INSTALLATION });
  seedDemo(db, { people: 60 });
  const person = db.sqlite.prepare('SELECT full_name AS name, id_number AS idNumber FROM beneficiaries WHERE id_number IS NOT NULL LIMIT 1').get() as { name: string; idNumber: string };
  const counts = tableCounts(db.sqlite);
  const facts = { officeId: readMeta(db, 'office.id'), deviceId: db.deviceId };
  db.close();
  return { path, person, counts, ...facts };
}

function encryptedWithPeople(name = 'office.db') {
  const path = join(dir, name);
  const { db, recoveryPassphrase } = createEncryptedDatabase(path, { migrationsFolder, installationId: INSTALLATION });
  seedDemo(db, { people: 40 });
  const counts = tableCounts(db.sqlite);
  const person = db.sqlite.prepare('SELECT full_name AS name, id_number AS idNumber FROM beneficiaries WHERE id_number IS NOT NULL LIMIT 1').get() as { name: string; idNumber: string };
  db.close();
  return { path, passphrase: recoveryPassphrase, counts, person };
}

const containsPlain = (file: string, person: { name: string; idNumber: string }) => {
  const bytes = readFileSync(file);
  return bytes.includes(Buffer.from(person.name)) || bytes.includes(Buffer.from(person.idNumber));
};

function refusal(run: () => unknown): { code?: string; messageVi?: string } {
  try {
    run();
  } catch (e) {
    return e as { code?: string; messageVi?: string };
  }
  throw new Error('expected a refusal');
}

describe('db encrypt', () => {
  it('encrypts a plain database in place, keeping every row, and leaves no plain file behind', () => {
    const plain = plainWithPeople();
    expect(containsPlain(plain.path, plain.person)).toBe(true); // the test can see plaintext when there is some
    const { recoveryPassphrase, counts } = encryptInPlace(plain.path, { migrationsFolder, installationId: INSTALLATION });
    expect(counts).toEqual(plain.counts);
    expect(readdirSync(dir).sort()).toEqual(['plain.db', 'plain.db.keys.json']);
    expect(containsPlain(plain.path, plain.person)).toBe(false);
    expect(readFileSync(plain.path).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');

    const db = openDatabase({ path: plain.path, migrationsFolder, installationId: INSTALLATION, unlock: { passphrase: recoveryPassphrase } });
    expect(db.encrypted).toBe(true);
    expect(tableCounts(db.sqlite)).toEqual(plain.counts);
    expect(readMeta(db, 'office.id')).toBe(plain.officeId);
    expect(readKeyFile(plain.path)!.officeId).toBe(plain.officeId);
    expect(db.deviceId).toBe(plain.deviceId); // same PC, same device
    db.close();
  });

  it('drops a key file stopped half-way through its writing, opening the database as it was', () => {
    const { path, counts } = plainWithPeople();
    writeFileSync(`${keyFilePath(path)}.pending.tmp`, '{"version": 1, "wrapped');
    writeFileSync(`${keyFilePath(path)}.tmp`, '{"vers');
    const db = openDatabase({ path, migrationsFolder });
    expect(db.encrypted).toBe(false);
    expect(tableCounts(db.sqlite)).toEqual(counts);
    db.close();
    expect(readdirSync(dir).filter((f) => f.includes('.keys.json'))).toEqual([]);
  });

  it('refuses a database that is already encrypted', () => {
    const { path } = encryptedWithPeople();
    expect(refusal(() => encryptInPlace(path, { migrationsFolder })).code).toBe('already-encrypted');
  });
});

describe('db rekey', () => {
  it('re-encrypts under a new data key and passphrase; the old passphrase stops working; every row kept', () => {
    const enc = encryptedWithPeople();
    const before = readFileSync(enc.path);
    const oldCheck = readKeyFile(enc.path)!.key.check;
    const { recoveryPassphrase } = rekeyDatabase(enc.path, { migrationsFolder, installationId: INSTALLATION, unlock: { passphrase: enc.passphrase } });
    expect(recoveryPassphrase).not.toBe(enc.passphrase);
    const file = readKeyFile(enc.path)!;
    expect(file.key.check).not.toBe(oldCheck);
    expect(file.next).toBeUndefined();
    expect(readFileSync(enc.path).equals(before)).toBe(false);
    expect(refusal(() => openDatabase({ path: enc.path, migrationsFolder, unlock: { passphrase: enc.passphrase } })).code).toBe('passphrase-wrong');
    const db = openDatabase({ path: enc.path, migrationsFolder, unlock: { passphrase: recoveryPassphrase } });
    expect(tableCounts(db.sqlite)).toEqual(enc.counts);
    db.close();
    expect(readdirSync(dir).sort()).toEqual(['office.db', 'office.db.keys.json']);
  });

  it('changes only the passphrase when asked, leaving the file as it was', () => {
    const enc = encryptedWithPeople();
    const { recoveryPassphrase } = rekeyDatabase(enc.path, { migrationsFolder, passphraseOnly: true, unlock: { passphrase: enc.passphrase } });
    expect(refusal(() => openDatabase({ path: enc.path, migrationsFolder, unlock: { passphrase: enc.passphrase } })).code).toBe('passphrase-wrong');
    const db = openDatabase({ path: enc.path, migrationsFolder, unlock: { passphrase: recoveryPassphrase } });
    expect(tableCounts(db.sqlite)).toEqual(enc.counts);
    db.close();
  });

  it('opens a database whose rekey stopped after the swap, with the new passphrase, and settles the key file', () => {
    const enc = encryptedWithPeople();
    const oldFile = readKeyFile(enc.path)!;
    const { recoveryPassphrase } = rekeyDatabase(enc.path, { migrationsFolder, unlock: { passphrase: enc.passphrase } });
    const newFile = readKeyFile(enc.path)!;
    writeKeyFile(enc.path, { ...oldFile, next: newFile.key }); // the key file as it was just before the last step
    const db = openDatabase({ path: enc.path, migrationsFolder, unlock: { passphrase: recoveryPassphrase } });
    expect(tableCounts(db.sqlite)).toEqual(enc.counts);
    db.close();
    expect(readKeyFile(enc.path)).toEqual({ ...newFile });
  });
});

describe('db backup and restore', () => {
  it('round-trips an encrypted database through one encrypted, verified file, restored as a new device', () => {
    const enc = encryptedWithPeople();
    const out = join(dir, 'backup.ansinh');
    const db = openDatabase({ path: enc.path, migrationsFolder, installationId: INSTALLATION, unlock: { passphrase: enc.passphrase } });
    const deviceId = db.deviceId;
    const header = writeBackup(db, out); // while the database is open
    db.close();
    expect(header.encrypted).toBe(true);
    expect(containsPlain(out, enc.person)).toBe(false);
    expect(readBackup(out).header.sha256).toBe(header.sha256);

    const target = join(dir, 'restored', 'office.db');
    const { deviceChange } = restoreBackup(out, target, { migrationsFolder, installationId: INSTALLATION, passphrase: enc.passphrase });
    expect(deviceChange?.previousDeviceId).toBe(deviceId);
    const restored = openDatabase({ path: target, migrationsFolder, installationId: INSTALLATION, unlock: { passphrase: enc.passphrase } });
    expect(restored.deviceId).toBe(deviceChange!.deviceId);
    expect(restored.deviceId).not.toBe(deviceId);
    const counts = tableCounts(restored.sqlite);
    expect(counts.beneficiaries).toBe(enc.counts.beneficiaries);
    expect(counts.change_log).toBe(enc.counts.change_log);
    restored.close();
    expect(existsSync(keyFilePath(target))).toBe(true);
  });

  it('restores over the same office database (an older state)', () => {
    const enc = encryptedWithPeople();
    const out = join(dir, 'backup.ansinh');
    const db = openDatabase({ path: enc.path, migrationsFolder, unlock: { passphrase: enc.passphrase } });
    writeBackup(db, out);
    db.sqlite.exec('DELETE FROM households WHERE 0'); // no-op: the database stays usable after a backup
    db.close();
    restoreBackup(out, enc.path, { migrationsFolder, passphrase: enc.passphrase });
    const back = openDatabase({ path: enc.path, migrationsFolder, unlock: { passphrase: enc.passphrase } });
    expect(tableCounts(back.sqlite).beneficiaries).toBe(enc.counts.beneficiaries);
    back.close();
  });

  it('refuses a truncated backup with one clear line, creating nothing', () => {
    const enc = encryptedWithPeople();
    const out = join(dir, 'backup.ansinh');
    const db = openDatabase({ path: enc.path, migrationsFolder, unlock: { passphrase: enc.passphrase } });
    writeBackup(db, out);
    db.close();
    const size = readFileSync(out).length;
    truncateSync(out, size - 4096);
    const target = join(dir, 'target.db');
    const e = refusal(() => restoreBackup(out, target, { migrationsFolder, passphrase: enc.passphrase }));
    expect(e.code).toBe('backup-truncated');
    expect(e.messageVi).toMatch(/bị cắt cụt/);
    expect(existsSync(target)).toBe(false);
    writeFileSync(out, 'ANSINH-DESK-BACKUP\n{"format":');
    expect(refusal(() => restoreBackup(out, target, { migrationsFolder, passphrase: enc.passphrase })).code).toBe('backup-invalid');
  });

  it("refuses a backup of another office over this office's database, nothing changed", () => {
    const a = encryptedWithPeople('a.db');
    const b = encryptedWithPeople('b.db');
    const out = join(dir, 'a.ansinh');
    const db = openDatabase({ path: a.path, migrationsFolder, unlock: { passphrase: a.passphrase } });
    writeBackup(db, out);
    db.close();
    // Digests, not the bytes: a deep comparison of two 4 MB buffers takes vitest tens of seconds.
    const before = [fileDigest(b.path), fileDigest(keyFilePath(b.path))];
    const e = refusal(() => restoreBackup(out, b.path, { migrationsFolder, passphrase: a.passphrase }));
    expect(e.code).toBe('backup-other-office');
    expect(e.messageVi).toMatch(/văn phòng khác/);
    expect([fileDigest(b.path), fileDigest(keyFilePath(b.path))]).toEqual(before);
  });

  it('refuses a wrong passphrase for the backup, nothing written', () => {
    const enc = encryptedWithPeople();
    const out = join(dir, 'backup.ansinh');
    const db = openDatabase({ path: enc.path, migrationsFolder, unlock: { passphrase: enc.passphrase } });
    writeBackup(db, out);
    db.close();
    const target = join(dir, 'target.db');
    expect(refusal(() => restoreBackup(out, target, { migrationsFolder, passphrase: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF' })).code).toBe('passphrase-wrong');
    expect(existsSync(target)).toBe(false);
  });
});
