import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, truncateSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../../../main/core/database/open-database';
import { migrationsDir } from '../../../../main/core/app-paths';
import { seedDemo } from '../../../../main/demo/seed-demo';
import { runCli } from '../../../support/run-cli';
import { tempDir } from '../../../support/temp-database';

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

describe('ansinh db', () => {
  it('encrypts in place, prints the recovery passphrase once, backs up and refuses a truncated backup', () => {
    const enc = runCli(['db', 'encrypt', '--db', db, '--json'], { ANSINH_DB_PASSPHRASE: '' });
    expect(enc.stderr).toBe('');
    expect(enc.code).toBe(0);
    const { recoveryPassphrase } = JSON.parse(enc.stdout);
    expect(recoveryPassphrase).toMatch(/^([2-9A-Z]{5}-){5}[2-9A-Z]{5}$/);
    expect(readFileSync(db).includes(Buffer.from(idNumber))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['office.db', 'office.db.keys.json']);

    const out = join(dir, 'office.ansinh');
    const backup = runCli(['db', 'backup', '--db', db, '--out', out, '--json'], { ANSINH_DB_PASSPHRASE: recoveryPassphrase });
    expect(backup.stderr).toBe('');
    expect(JSON.parse(backup.stdout)).toMatchObject({ file: out, encrypted: true });

    truncateSync(out, readFileSync(out).length - 1000);
    const target = join(dir, 'elsewhere.db');
    const restore = runCli(['db', 'restore', '--from', out, '--db', target], { ANSINH_DB_PASSPHRASE: recoveryPassphrase });
    expect(restore.code).toBe(1);
    expect(restore.stderr.trim().split('\n')).toHaveLength(1);
    expect(restore.stderr).toMatch(/bị cắt cụt/);
    expect(existsSync(target)).toBe(false);
  }, 180_000); // four runs of the real command on a shared machine
});
