import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServices, type Services } from '../../../main/app/services';
import { createOfficeDatabase } from '../../../main/app/office-setup';
import { readBackupHeader, rekeyOfficeDatabase, restoreDatabase } from '../../../main/app/database-files';
import { readMeta } from '../../../main/core/database/meta';
import { runCommand } from '../../../main/core/write-path';
import { beneficiaryTable } from '../../../main/registry/synced-tables';
import { loginAs, okOutput } from '../../support/services';
import { runCliAsync } from '../../support/run-cli-async';
import { tempDir } from '../../support/temp-database';

// The whole-file commands of an office's database, as an administrator: `ansinh db backup` while the app holds
// the database and keeps writing (online, still encrypted, verified), then a rekey and a restore, each named in
// the database's own audit trail with the administrator who ran it.

let dir: string;
let cleanup: () => void;
let path: string;
let passphrase: string;
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  path = join(dir, 'office.db');
  passphrase = createOfficeDatabase(path, { level: 'commune', code: '13558' }, admin).recoveryPassphrase!;
});
afterAll(() => cleanup());

const admin = { username: 'quantri', displayName: 'Phạm Văn Quản', password: 'mat-khau-dai-1' };
const ADMIN_ENV = { ANSINH_USER: admin.username, ANSINH_PASSWORD: admin.password };

type AuditRow = { action: string; userName: string | null; door: string; summary: string };
async function trail(services: Services, action: string): Promise<AuditRow[]> {
  const as = await loginAs(services, admin.username, admin.password);
  return okOutput<{ rows: AuditRow[] }>(await as('audit.list', { action })).rows;
}

/** Adds people through the write path every few milliseconds, as a clerk at the app would, until stopped. */
function keepWriting(services: Services): { stop(): Promise<number> } {
  const unitId = readMeta(services.db, 'office.unitId')!;
  let n = 0;
  let running = true;
  const done = (async () => {
    while (running) {
      n += 1;
      runCommand(services.db, { userId: null, origin: 'host' }, 'manual-add', (w) => {
        w.insert(beneficiaryTable, { unitId, fullName: `Người Thêm ${n}`, birth: '1950', categoryGroup: 'BTXH', categoryLabel: 'Người cao tuổi' });
      });
      await new Promise((r) => setTimeout(r, 15));
    }
  })();
  return { stop: async () => { running = false; await done; return n; } };
}

describe('ansinh db backup while the app holds the database', () => {
  it('backs up online, still encrypted and verified, while the app goes on writing; audited with the administrator', async () => {
    const services = createServices({ dbPath: path, quiet: true, passphrase });
    const out = join(dir, 'online.ansinh-backup');
    try {
      // A wrong passphrase is refused in one line, nothing written.
      const wrong = await runCliAsync(['db', 'backup', '--db', path, '--out', out], { ANSINH_DB_PASSPHRASE: 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA', ...ADMIN_ENV });
      expect(wrong.code).toBe(1);
      expect(wrong.stderr.trim().split('\n')).toHaveLength(1);
      expect(wrong.stderr).toMatch(/^Cụm mật khẩu khôi phục không đúng/);
      // A clerk's or a wrong password: refused as at every door.
      const badPassword = await runCliAsync(['db', 'backup', '--db', path, '--out', out], { ANSINH_DB_PASSPHRASE: passphrase, ANSINH_USER: admin.username, ANSINH_PASSWORD: 'sai-mat-khau' });
      expect(badPassword.code).toBe(1);
      expect(badPassword.stderr.trim().split('\n')).toHaveLength(1);
      expect(existsSync(out)).toBe(false);

      const writer = keepWriting(services);
      const backup = await runCliAsync(['db', 'backup', '--db', path, '--out', out, '--json'], { ANSINH_DB_PASSPHRASE: passphrase, ...ADMIN_ENV });
      const added = await writer.stop();
      expect(backup.stderr).toBe('');
      expect(backup.code).toBe(0);
      expect(JSON.parse(backup.stdout)).toMatchObject({ file: out, encrypted: true });
      expect(added).toBeGreaterThan(0);
      const header = readBackupHeader(out); // whole: size and SHA-256
      expect(header.encrypted).toBe(true);
      expect(readFileSync(out).includes(Buffer.from('Người Thêm'))).toBe(false);

      // The app saw nothing stop, and its trail names who backed up, from which door.
      const rows = await trail(services, 'database-backup');
      expect(rows.map((r) => [r.userName, r.door])).toEqual([['Phạm Văn Quản (quantri)', 'cli']]);

      // The backup is one consistent moment: it restores, whole, with as many people as it says.
      const elsewhere = join(dir, 'restored-elsewhere.db');
      const { deviceChange } = await restoreDatabase(out, elsewhere, passphrase, null);
      expect(deviceChange).toMatchObject({ previousDeviceId: services.db.deviceId }); // a copy sends as a new device
      const restored = createServices({ dbPath: elsewhere, quiet: true, passphrase });
      try {
        const people = restored.db.sqlite.prepare('SELECT count(*) FROM beneficiaries').pluck().get() as number;
        expect(people).toBe(header.counts.beneficiaries);
        expect(people).toBeLessThanOrEqual(added);
        expect(restored.db.deviceId).not.toBe(services.db.deviceId);
      } finally {
        await restored.close();
      }
    } finally {
      await services.close();
    }
  }, 120_000);
});

describe('rekey and restore are audited', () => {
  it('names the administrator who rekeyed, and the one who restored over the database', async () => {
    const before = join(dir, 'before-rekey.ansinh-backup');
    const backup = await runCliAsync(['db', 'backup', '--db', path, '--out', before, '--json'], { ANSINH_DB_PASSPHRASE: passphrase, ...ADMIN_ENV });
    expect(backup.code, backup.stderr).toBe(0);

    process.env.ANSINH_DB_PASSPHRASE = passphrase; // the administrator signs in on the database as it is
    let newPassphrase: string;
    try {
      ({ recoveryPassphrase: newPassphrase } = await rekeyOfficeDatabase(path, false, admin));
    } finally {
      delete process.env.ANSINH_DB_PASSPHRASE;
    }
    expect(newPassphrase).toMatch(/^([2-9A-Z]{5}-){5}[2-9A-Z]{5}$/);
    expect(newPassphrase).not.toBe(passphrase);
    let services = createServices({ dbPath: path, quiet: true, passphrase: newPassphrase });
    try {
      const rows = await trail(services, 'database-rekey');
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ userName: 'Phạm Văn Quản (quantri)', door: 'cli' });
    } finally {
      await services.close();
    }

    // Restoring the older backup over it: an administrator of the database it replaces (its new passphrase to
    // sign in), and the backup's own passphrase to open the backup.
    process.env.ANSINH_DB_PASSPHRASE = newPassphrase;
    try {
      await restoreDatabase(before, path, passphrase, admin);
    } finally {
      delete process.env.ANSINH_DB_PASSPHRASE;
    }
    services = createServices({ dbPath: path, quiet: true, passphrase });
    try {
      const rows = await trail(services, 'database-restore');
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ userName: 'Phạm Văn Quản (quantri)', door: 'cli' });
      expect(rows[0].summary).toContain('(quantri)');
      // The older state: the rekey is not in it, the backup taken before is.
      expect(await trail(services, 'database-rekey')).toEqual([]);
    } finally {
      await services.close();
    }
  }, 120_000);
});
