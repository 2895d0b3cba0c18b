// The services of an encrypted database that no key opened (the window on a new PC, a host started without
// ANSINH_DB_PASSPHRASE): locked until the recovery passphrase is typed, then the real services; a crashed services
// process comes back unlocked with the key it announced.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createOfficeDatabase } from '../../../../main/app/office-setup';
import { startServicesProcess } from '../../../../main/app/services-process/start-services-process';
import type { ServiceOptions } from '../../../../main/app/services';
import { tempDir } from '../../../support/temp-database';

let dir: string;
let cleanup: () => void;
let dbPath: string;
let passphrase: string;
const admin = { username: 'quantri', displayName: 'Phạm Văn Quản', password: 'mat-khau-dai-1' };
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  dbPath = join(dir, 'office.db');
  passphrase = createOfficeDatabase(dbPath, { level: 'commune', code: '13558' }, admin).recoveryPassphrase!;
});
afterAll(() => cleanup());

describe('an encrypted database started without its key', () => {
  it('answers only app.info (needsUnlock) and database.unlock until the passphrase is right, then is the real services', async () => {
    const previous = process.env.ANSINH_DB_PASSPHRASE;
    delete process.env.ANSINH_DB_PASSPHRASE;
    const options: ServiceOptions = { dbPath, create: false, quiet: true };
    const keys: string[] = [];
    const services = await startServicesProcess(options, undefined, { onDataKey: (k) => keys.push(k) });
    try {
      const call = (method: string, input: unknown = {}) => services.call({ method, input }, 'host');
      expect(await call('app.info')).toMatchObject({ ok: true, output: { needsUnlock: true, needsSetup: false, encrypted: true } });
      expect(await call('auth.login', { username: 'quantri', password: admin.password }))
        .toMatchObject({ ok: false, error: { code: 'database-locked', message: expect.stringContaining('cụm mật khẩu khôi phục') } });
      expect(await call('database.unlock', { passphrase: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF' }))
        .toMatchObject({ ok: false, error: { code: 'passphrase-wrong', message: expect.stringContaining('không đúng') } });
      expect(await call('app.info')).toMatchObject({ ok: true, output: { needsUnlock: true } });
      expect(keys).toEqual([]);

      expect(await call('database.unlock', { passphrase: passphrase.toLowerCase().replace(/-/g, ' ') })).toEqual({ ok: true, output: { ok: true } });
      expect(await call('app.info')).toMatchObject({ ok: true, output: { needsUnlock: false, unitName: 'Xã Bình Sơn, Tỉnh Ninh Bình' } });
      expect(await call('auth.login', { username: 'quantri', password: admin.password })).toMatchObject({ ok: true });
      expect(keys).toHaveLength(1);
      expect(options.dataKeyHex).toBe(keys[0]);

      // Killed: the bridge starts it again with the announced key, not locked.
      const pid = services.pid()!;
      process.kill(pid, 'SIGKILL');
      let info = await call('app.info');
      if (!info.ok && info.error.code === 'services-stopped') info = await call('app.info');
      expect(services.pid()).not.toBe(pid);
      expect(info).toMatchObject({ ok: true, output: { needsUnlock: false, unitName: 'Xã Bình Sơn, Tỉnh Ninh Bình' } });
    } finally {
      await services.close();
      if (previous !== undefined) process.env.ANSINH_DB_PASSPHRASE = previous;
    }
  });
});
