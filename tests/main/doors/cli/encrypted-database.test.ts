import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createEncryptedDatabase } from '../../../../main/core/database/create-encrypted-database';
import { migrationsDir } from '../../../../main/core/app-paths';
import { seedDemo } from '../../../../main/demo/seed-demo';
import { runCli } from '../../../support/run-cli';
import { tempDir } from '../../../support/temp-database';

let dir: string;
let cleanup: () => void;
let db: string;
let passphrase: string;
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  db = join(dir, 'office.db');
  const created = createEncryptedDatabase(db, { migrationsFolder: migrationsDir() });
  seedDemo(created.db, { people: 30 });
  created.db.close();
  passphrase = created.recoveryPassphrase;
});
afterAll(() => cleanup());

/** The demo clerk: data commands sign in as a user of the database. */
const clerk = { ANSINH_USER: 'canbo', ANSINH_PASSWORD: 'canbo123!' };

describe('the CLI on an encrypted database', { timeout: 90_000 }, () => {
  it('unlocks with ANSINH_DB_PASSPHRASE', () => {
    const r = runCli(['export', 'beneficiaries', '--db', db, '--format', 'json'], { ...clerk, ANSINH_DB_PASSPHRASE: passphrase });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(30);
  });

  it('fails at once, with one line, without a terminal and without the variable', () => {
    const r = runCli(['export', 'beneficiaries', '--db', db, '--format', 'json'], { ...clerk, ANSINH_DB_PASSPHRASE: '' });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/được mã hóa: hãy đặt biến ANSINH_DB_PASSPHRASE/);
  });

  it('refuses a wrong passphrase with one line', () => {
    const r = runCli(['export', 'beneficiaries', '--db', db, '--format', 'json'], { ...clerk, ANSINH_DB_PASSPHRASE: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/Cụm mật khẩu khôi phục không đúng/);
  });
});
