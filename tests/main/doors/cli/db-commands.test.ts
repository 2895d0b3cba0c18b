import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, truncateSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../../../main/core/database/open-database';
import { migrationsDir } from '../../../../main/core/app-paths';
import { seedDemo } from '../../../../main/demo/seed-demo';
import { runCli } from '../../../support/run-cli';
import { tempDir } from '../../../support/temp-database';
import { createServices } from '../../../../main/app/services';
import { loginAs } from '../../../support/services';

let dir: string;
let cleanup: () => void;
let db: string;
let idNumber: string;
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  db = join(dir, 'office.db');
  const open = openDatabase({ path: db, migrationsFolder: migrationsDir(), create: true });
  seedDemo(open, { people: 25 });
  idNumber = open.sqlite.prepare('SELECT id_number FROM beneficiaries WHERE id_number IS NOT NULL LIMIT 1').pluck().get() as string;
  open.close();
});
afterAll(() => cleanup());

const ADMIN = { ANSINH_USER: 'quantri', ANSINH_PASSWORD: 'quantri123!' };

describe('ansinh db', () => {
  it('encrypts in place as an administrator, prints the recovery passphrase once, backs up and refuses a truncated backup, audited', async () => {
    // Only an administrator of the database, signed in like every door; a refusal changes nothing.
    const anonymous = runCli(['db', 'encrypt', '--db', db, '--json'], { ANSINH_DB_PASSPHRASE: '', ANSINH_USER: '', ANSINH_PASSWORD: '' });
    expect(anonymous.code).toBe(1);
    expect(anonymous.stderr).toMatch(/^Cần tên người dùng/);
    const clerk = runCli(['db', 'encrypt', '--db', db, '--user', 'canbo', '--json'], { ANSINH_DB_PASSPHRASE: '', ANSINH_PASSWORD: 'canbo123!' });
    expect(clerk.code).toBe(1);
    expect(clerk.stderr.trim().split('\n')).toHaveLength(1);
    expect(clerk.stderr).toMatch(/"canbo" không phải quản trị viên/);
    expect(readFileSync(db).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    expect(readdirSync(dir).sort()).toEqual(['office.db']);

    const enc = runCli(['db', 'encrypt', '--db', db, '--json'], { ANSINH_DB_PASSPHRASE: '', ...ADMIN });
    expect(enc.stderr).toBe('');
    expect(enc.code).toBe(0);
    const { recoveryPassphrase } = JSON.parse(enc.stdout);
    expect(recoveryPassphrase).toMatch(/^([2-9A-Z]{5}-){5}[2-9A-Z]{5}$/);
    expect(readFileSync(db).includes(Buffer.from(idNumber))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['office.db', 'office.db.keys.json']);

    const out = join(dir, 'office.ansinh');
    const backup = runCli(['db', 'backup', '--db', db, '--out', out, '--json'], { ANSINH_DB_PASSPHRASE: recoveryPassphrase, ...ADMIN });
    expect(backup.stderr).toBe('');
    expect(JSON.parse(backup.stdout)).toMatchObject({ file: out, encrypted: true });

    // Both in the database's own audit trail, naming the administrator and the door.
    const services = createServices({ dbPath: db, quiet: true, passphrase: recoveryPassphrase });
    try {
      const trail = await (await loginAs(services, 'quantri', 'quantri123!'))('audit.list', {});
      const rows = (trail as { output: { rows: { action: string; userName: string | null; door: string }[] } }).output.rows;
      expect(rows.filter((r) => r.action.startsWith('database-')).map((r) => [r.action, r.userName, r.door]).sort()).toEqual([
        ['database-backup', expect.stringContaining('(quantri)'), 'cli'],
        ['database-encrypt', expect.stringContaining('(quantri)'), 'cli'],
      ]);
    } finally {
      await services.close();
    }

    truncateSync(out, readFileSync(out).length - 1000);
    const target = join(dir, 'elsewhere.db');
    const restore = runCli(['db', 'restore', '--from', out, '--db', target], { ANSINH_DB_PASSPHRASE: recoveryPassphrase });
    expect(restore.code).toBe(1);
    expect(restore.stderr.trim().split('\n')).toHaveLength(1);
    expect(restore.stderr).toMatch(/bị cắt cụt/);
    expect(existsSync(target)).toBe(false);
  }, 300_000); // six runs of the real command on a shared machine
});
