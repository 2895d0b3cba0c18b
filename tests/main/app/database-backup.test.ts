import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServices, type Services } from '../../../main/app/services';
import { createOfficeDatabase } from '../../../main/app/office-setup';
import { downloadPath } from '../../../main/app/downloads';
import { readBackupHeader, restoreDatabase } from '../../../main/app/database-files';
import { demoServices, loginAs } from '../../support/services';
import { tempDir } from '../../support/temp-database';

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

const admin = { username: 'quantri', displayName: 'Phạm Văn Quản', password: 'mat-khau-dai-1' };

describe('database.backup: the administrator backs up the open database from the app', () => {
  it('writes a verified, still-encrypted backup while the services hold the database, audited; it restores with the passphrase', async () => {
    const path = join(dir, 'office.db');
    const { recoveryPassphrase } = createOfficeDatabase(path, { level: 'commune', code: '13558' }, admin);
    const services: Services = createServices({ dbPath: path, quiet: true, passphrase: recoveryPassphrase });
    try {
      const as = await loginAs(services, 'quantri', admin.password);
      const res = await as('database.backup', { utcOffsetMinutes: 420 });
      expect(res).toMatchObject({ ok: true, output: { encrypted: true, people: 0 } });
      const made = (res as { output: { fileName: string; downloadRef: string; sizeBytes: number } }).output;
      expect(made.fileName).toMatch(/^Sao_luu_\d{2}-\d{2}-\d{4}_\d{2}h\d{2}\.ansinh-backup$/);
      const file = downloadPath(made.downloadRef)!;
      expect(existsSync(file)).toBe(true);
      const header = readBackupHeader(file); // checked whole: size and SHA-256
      expect(header).toMatchObject({ encrypted: true, size: made.sizeBytes });
      expect(readFileSync(file).includes(Buffer.from('Bình Sơn'))).toBe(false);

      const trail = await as('audit.list', { action: 'database-backup' });
      expect(trail).toMatchObject({ ok: true, output: { total: 1, rows: [{ action: 'database-backup', userName: 'Phạm Văn Quản (quantri)' }] } });
      expect((trail as { output: { rows: { summary: string }[] } }).output.rows[0].summary).toContain('vẫn mã hóa');

      // The app is still open on the database meanwhile; the copy restores elsewhere with the office passphrase.
      const elsewhere = join(dir, 'restored.db');
      await restoreDatabase(file, elsewhere, recoveryPassphrase, null);
      const restored = createServices({ dbPath: elsewhere, quiet: true, passphrase: recoveryPassphrase });
      try {
        expect(await (await loginAs(restored, 'quantri', admin.password))('app.info', {})).toMatchObject({ ok: true, output: { unitName: 'Xã Bình Sơn, Tỉnh Ninh Bình', encrypted: true } });
      } finally {
        await restored.close();
      }
    } finally {
      await services.close();
    }
  });

  it('is for the administrator only', async () => {
    const services = demoServices(join(dir, 'demo'), { people: 20 });
    try {
      const clerk = await loginAs(services, 'canbo', 'canbo123!');
      expect(await clerk('database.backup', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const quantri = await loginAs(services, 'quantri', 'quantri123!');
      expect(await quantri('database.backup', {})).toMatchObject({ ok: true, output: { encrypted: false, people: 20 } });
    } finally {
      await services.close();
    }
  });
});
