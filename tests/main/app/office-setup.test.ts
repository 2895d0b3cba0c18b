import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { hasSqliteHeader } from '../../../main/core/database/sqlite-header';
import { createServices, type Services } from '../../../main/app/services';
import { tempDir } from '../../support/temp-database';
import { call } from '../../support/services';

let cleanup: () => void;
let services: Services;
let dbPath: string;
beforeAll(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  dbPath = join(t.dir, 'office.db');
  services = createServices({ dbPath, quiet: true });
});
afterAll(async () => {
  await services.close();
  cleanup();
});

let recoveryPassphraseShown = '';
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
    expect(hasSqliteHeader(dbPath)).toBe(true); // the services created it plain, before anyone chose the office
    const res = await call(services, 'setup.createOffice', { unit: { level: 'commune', code: '13558' }, ...admin });
    recoveryPassphraseShown = (res as { output: { recoveryPassphrase: string } }).output.recoveryPassphrase;
    expect(res).toMatchObject({ ok: true, output: { mustChangePassword: false, user: { username: 'quantri', role: 'administrator', unitIds: ['vn:13558@2025-07-01'] } } });
    const token = (res as { output: { token: string } }).output.token;
    expect(await call(services, 'app.info', {})).toMatchObject({ ok: true, output: { needsSetup: false, unitName: 'Xã Bình Sơn, Tỉnh Ninh Bình', demo: false, encrypted: true } });
    expect(await call(services, 'beneficiaries.list', {}, token)).toMatchObject({ ok: true, output: { total: 0 } });
    expect(await call(services, 'users.list', {}, token)).toMatchObject({ ok: true, output: [{ username: 'quantri' }] });
    expect(await call(services, 'units.list', {}, token)).toMatchObject({ ok: true, output: [{ name: 'Xã Bình Sơn' }] });

    // Once set up: the picker needs a session, and setup is closed.
    expect(await call(services, 'units.search', { query: 'an lão' })).toMatchObject({ ok: false, error: { code: 'session-expired' } });
    expect(await call(services, 'units.search', { query: 'an lão' }, token)).toMatchObject({ ok: true });
    expect(await call(services, 'setup.createOffice', { unit: { level: 'commune', code: '13501' }, ...admin, username: 'khac' }))
      .toMatchObject({ ok: false, error: { code: 'already-set-up' } });
  });

  it('encrypted the database in place: the recovery passphrase shown once opens it, the file is not plain SQLite', async () => {
    const passphrase = recoveryPassphraseShown;
    expect(passphrase).toMatch(/^[A-Z0-9]{5}(-[A-Z0-9]{5}){5}$/);
    // Written meanwhile, while the services still had it open.
    expect(await call(services, 'users.list', {}, (await call(services, 'auth.login', { username: 'quantri', password: admin.password }) as { output: { token: string } }).output.token))
      .toMatchObject({ ok: true });
    await services.close();
    expect(hasSqliteHeader(dbPath)).toBe(false);
    expect(existsSync(`${dbPath}.keys.json`)).toBe(true);
    expect(existsSync(`${dbPath}.keys.json.pending`)).toBe(false);
    const plain = new Database(dbPath, { readonly: true });
    expect(() => plain.prepare('SELECT count(*) FROM users').get()).toThrow(/not a database/);
    plain.close();
    expect(() => createServices({ dbPath, quiet: true, passphrase: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF' })).toThrow(/không đúng/);
    services = createServices({ dbPath, quiet: true, passphrase });
    expect(await call(services, 'auth.login', { username: 'quantri', password: admin.password })).toMatchObject({ ok: true });
    expect(await call(services, 'app.info', {})).toMatchObject({ ok: true, output: { encrypted: true, unitName: 'Xã Bình Sơn, Tỉnh Ninh Bình' } });
  });
});
