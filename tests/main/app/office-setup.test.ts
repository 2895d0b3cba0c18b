import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createServices, type Services } from '../../../main/app/services';
import { tempDir } from '../../support/temp-database';
import { call } from '../../support/services';

let cleanup: () => void;
let services: Services;
beforeAll(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  services = createServices({ dbPath: join(t.dir, 'office.db'), quiet: true });
});
afterAll(async () => {
  await services.close();
  cleanup();
});

const admin = { username: 'quantri', displayName: 'Phạm Văn Quản', password: 'mat-khau-dai-1' };

describe('first start of a real office through the contract', () => {
  it('a new database needs setup, and the unit picker answers without a session meanwhile', async () => {
    expect(await call(services, 'app.info', {})).toMatchObject({ ok: true, output: { needsSetup: true, unitName: null, demo: false } });
    const found = await call(services, 'units.search', { query: 'an lão', levels: ['commune'] });
    expect(found).toMatchObject({ ok: true, output: [{ label: 'Xã An Lão, Tỉnh Gia Lai' }, { label: 'Xã An Lão, Thành phố Hải Phòng' }] });
    const communes = await call(services, 'units.search', { query: '', levels: ['commune'], provinceId: 'vn:37@2025-07-01', limit: 500 });
    expect(communes.ok && (communes.output as unknown[]).length).toBe(129);
  });

  it('refuses an unknown unit and a short password, leaving the database to set up', async () => {
    expect(await call(services, 'setup.createOffice', { unit: { level: 'commune', code: '99999' }, ...admin }))
      .toMatchObject({ ok: false, error: { code: 'unknown-unit' } });
    expect(await call(services, 'setup.createOffice', { unit: { level: 'commune', code: '13558' }, ...admin, password: 'ngan' }))
      .toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await call(services, 'app.info', {})).toMatchObject({ ok: true, output: { needsSetup: true } });
  });

  it('sets the office up on its commune and signs the administrator in; nothing of the demo', async () => {
    const res = await call(services, 'setup.createOffice', { unit: { level: 'commune', code: '13558' }, ...admin });
    expect(res).toMatchObject({ ok: true, output: { mustChangePassword: false, user: { username: 'quantri', role: 'administrator', unitIds: ['vn:13558@2025-07-01'] } } });
    const token = (res as { output: { token: string } }).output.token;
    expect(await call(services, 'app.info', {})).toMatchObject({ ok: true, output: { needsSetup: false, unitName: 'Xã Bình Sơn, Tỉnh Ninh Bình', demo: false } });
    expect(await call(services, 'beneficiaries.list', {}, token)).toMatchObject({ ok: true, output: { total: 0 } });
    expect(await call(services, 'users.list', {}, token)).toMatchObject({ ok: true, output: [{ username: 'quantri' }] });
    expect(await call(services, 'units.list', {}, token)).toMatchObject({ ok: true, output: [{ name: 'Xã Bình Sơn' }] });

    // Once set up: the picker needs a session, and setup is closed.
    expect(await call(services, 'units.search', { query: 'an lão' })).toMatchObject({ ok: false, error: { code: 'session-expired' } });
    expect(await call(services, 'units.search', { query: 'an lão' }, token)).toMatchObject({ ok: true });
    expect(await call(services, 'setup.createOffice', { unit: { level: 'commune', code: '13501' }, ...admin, username: 'khac' }))
      .toMatchObject({ ok: false, error: { code: 'already-set-up' } });
  });
});
