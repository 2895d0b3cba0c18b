import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../../../main/core/database/open-database';
import { createEncryptedDatabase } from '../../../../main/core/database/create-encrypted-database';
import { unlockDatabase } from '../../../../main/core/database/unlock-database';
import { keyFilePath, readKeyFile } from '../../../../main/core/database/key-file';
import { readMeta } from '../../../../main/core/database/meta';
import { migrationsDir } from '../../../../main/core/app-paths';
import { seedDemo } from '../../../../main/demo/seed-demo';
import { tempDir } from '../../../support/temp-database';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const migrationsFolder = migrationsDir();

/** An encrypted database with a few dozen generated people; returns one person's name and ID number. */
function encryptedWithPeople(name = 'office.db') {
  const path = join(dir, name);
  const { db, recoveryPassphrase } = createEncryptedDatabase(path, { migrationsFolder });
  seedDemo(db, { people: 40 });
  const person = db.sqlite.prepare('SELECT full_name AS name, id_number AS idNumber FROM beneficiaries WHERE id_number IS NOT NULL LIMIT 1').get() as { name: string; idNumber: string };
  db.close();
  return { path, passphrase: recoveryPassphrase, person };
}

/** Digests, not the bytes: a deep comparison of two 4 MB buffers takes vitest tens of seconds. */
function snapshot(path: string): string[] {
  return [path, keyFilePath(path)].map((p) => createHash('sha256').update(existsSync(p) ? readFileSync(p) : Buffer.alloc(0)).digest('hex'));
}

function refusal(run: () => unknown): { code?: string; messageVi?: string } {
  try {
    run();
  } catch (e) {
    return e as { code?: string; messageVi?: string };
  }
  throw new Error('expected a refusal');
}

describe('encryption at rest', () => {
  it('creates an encrypted database whose file holds no plaintext, opened again with the recovery passphrase', () => {
    const { path, passphrase, person } = encryptedWithPeople();
    expect(passphrase).toMatch(/^([2-9A-HJKMNP-TV-Z]{5}-){5}[2-9A-HJKMNP-TV-Z]{5}$/);
    for (const file of [path, `${path}-wal`, keyFilePath(path)].filter(existsSync)) {
      const bytes = readFileSync(file);
      expect(bytes.includes(Buffer.from(person.name, 'utf8'))).toBe(false);
      expect(bytes.includes(Buffer.from(person.idNumber, 'latin1'))).toBe(false);
      expect(bytes.includes(Buffer.from(passphrase))).toBe(false);
    }
    expect(readFileSync(path).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');

    // Typed back as people do: lower case, spaces instead of dashes.
    const key = unlockDatabase(path, { passphrase: passphrase.toLowerCase().replace(/-/g, ' ') });
    const db = openDatabase({ path, migrationsFolder, key });
    expect(db.encrypted).toBe(true);
    expect(db.sqlite.prepare('SELECT count(*) FROM beneficiaries WHERE id_number = ?').pluck().get(person.idNumber)).toBe(1);
    db.close();
  });

  it('opens with ANSINH_DB_PASSPHRASE and refuses at once when there is none', () => {
    const { path, passphrase } = encryptedWithPeople();
    expect(unlockDatabase(path, { env: { ANSINH_DB_PASSPHRASE: passphrase } })).toHaveLength(32);
    expect(refusal(() => unlockDatabase(path, { env: {} })).code).toBe('passphrase-needed');
  });

  it('refuses a wrong passphrase with one Vietnamese line, nothing changed', () => {
    const { path } = encryptedWithPeople();
    const before = snapshot(path);
    const e = refusal(() => unlockDatabase(path, { passphrase: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF' }));
    expect(e.code).toBe('passphrase-wrong');
    expect(e.messageVi).toMatch(/Cụm mật khẩu khôi phục không đúng/);
    expect(snapshot(path)).toEqual(before);
  });

  it('refuses a database encrypted with another key (the key file of another office beside it), nothing changed', () => {
    const a = encryptedWithPeople('a.db');
    const b = encryptedWithPeople('b.db');
    copyFileSync(keyFilePath(b.path), keyFilePath(a.path));
    const before = snapshot(a.path);
    const key = unlockDatabase(a.path, { passphrase: b.passphrase });
    const e = refusal(() => openDatabase({ path: a.path, migrationsFolder, key }));
    expect(e.code).toBe('database-wrong-key');
    expect(e.messageVi).toMatch(/tệp khóa bên cạnh là của một cơ sở dữ liệu khác/);
    expect(snapshot(a.path)).toEqual(before);
  });

  it('refuses an encrypted database whose key file is missing, nothing changed', () => {
    const { path } = encryptedWithPeople();
    rmSync(keyFilePath(path));
    const before = readFileSync(path);
    expect(unlockDatabase(path, {})).toBeUndefined();
    const e = refusal(() => openDatabase({ path, migrationsFolder }));
    expect(e.code).toBe('database-key-file-missing');
    expect(e.messageVi).toMatch(/thiếu tệp khóa/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a plain database that has a key file beside it (a swapped file), nothing changed', () => {
    const { path, passphrase } = encryptedWithPeople();
    const plainPath = join(dir, 'plain.db');
    const plain = openDatabase({ path: plainPath, migrationsFolder, create: true });
    plain.close();
    copyFileSync(keyFilePath(path), keyFilePath(plainPath));
    const before = readFileSync(plainPath);
    const key = unlockDatabase(plainPath, { passphrase });
    const e = refusal(() => openDatabase({ path: plainPath, migrationsFolder, key }));
    expect(e.code).toBe('database-not-encrypted');
    expect(readFileSync(plainPath).equals(before)).toBe(true);
  });

  it('refuses a key file that is not ours', () => {
    const { path, passphrase } = encryptedWithPeople();
    writeFileSync(keyFilePath(path), '{"format":"something-else"}');
    expect(refusal(() => unlockDatabase(path, { passphrase })).code).toBe('key-file-invalid');
  });

  it('records the office id in the key file and in the database', () => {
    const { path, passphrase } = encryptedWithPeople();
    const file = readKeyFile(path)!;
    const db = openDatabase({ path, migrationsFolder, key: unlockDatabase(path, { passphrase }) });
    expect(readMeta(db, 'office.id')).toBe(file.officeId);
    expect(file.cipher).toBe('sqlcipher-4');
    db.close();
  });
});

describe('device identity of a copied database', () => {
  it('keeps the device id under the same installation and re-enrols a copy opened under another one', () => {
    const path = join(dir, 'device.db');
    const first = openDatabase({ path, migrationsFolder, create: true, installationId: '11111111-1111-4111-8111-111111111111' });
    const original = first.deviceId;
    expect(first.deviceChange).toBeUndefined();
    first.close();
    const again = openDatabase({ path, migrationsFolder, installationId: '11111111-1111-4111-8111-111111111111' });
    expect(again.deviceId).toBe(original);
    again.close();

    const copy = join(dir, 'copy.db');
    copyFileSync(path, copy);
    const elsewhere = openDatabase({ path: copy, migrationsFolder, installationId: '22222222-2222-4222-8222-222222222222' });
    expect(elsewhere.deviceChange).toEqual({ previousDeviceId: original, deviceId: elsewhere.deviceId });
    expect(elsewhere.deviceId).not.toBe(original);
    expect(JSON.parse(readMeta(elsewhere, 'device.previous')!)).toEqual([expect.objectContaining({ deviceId: original, installationId: '11111111-1111-4111-8111-111111111111' })]);
    const newId = elsewhere.deviceId;
    elsewhere.close();
    const settled = openDatabase({ path: copy, migrationsFolder, installationId: '22222222-2222-4222-8222-222222222222' });
    expect(settled.deviceId).toBe(newId);
    expect(settled.deviceChange).toBeUndefined();
    settled.close();
  });
});
