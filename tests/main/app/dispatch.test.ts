import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../main/app/services';
import { call, demoServices, loginAs } from '../../support/services';
import { tempDir } from '../../support/temp-database';
import { formerUnitId } from '../../../main/registry/admin-unit-reference';

let services: Services;
let cleanup: () => void;
beforeAll(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  services = demoServices(t.dir, { people: 120 });
});
afterAll(async () => {
  await services.close();
  cleanup();
});

describe('dispatch: the contract at the main-process boundary', () => {
  it('answers app.info without a session and says the demo database is a demo', async () => {
    const res = await call(services, 'app.info', {});
    expect(res).toMatchObject({ ok: true, output: { needsSetup: false, demo: true, encrypted: false, unitName: 'Xã Bình Sơn, Tỉnh Ninh Bình' } });
  });

  it('refuses unknown methods and inputs that fail the contract, in Vietnamese', async () => {
    expect(await call(services, 'beneficiaries.dropAll', {})).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const res = await call(services, 'auth.login', { username: 'canbo', password: 'canbo123!', extra: 1 });
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid-input', message: 'Dữ liệu gửi lên không đúng mẫu.' } });
    expect(await call(services, 'auth.login', 'not an object')).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('needs a session for data', async () => {
    expect(await call(services, 'beneficiaries.list', {})).toMatchObject({ ok: false, error: { code: 'session-expired' } });
    expect(await call(services, 'beneficiaries.list', {}, 'forged-token')).toMatchObject({ ok: false, error: { code: 'session-expired' } });
  });

  it('never lets clinic reception see welfare data', async () => {
    const clinic = await loginAs(services, 'yte', 'yte12345!');
    expect(await clinic('beneficiaries.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await clinic('beneficiaries.facets', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await clinic('auth.me', {})).toMatchObject({ ok: true, output: { role: 'clinic-reception' } });
  });

  it('lets only the administrator manage users', async () => {
    const clerk = await loginAs(services, 'canbo', 'canbo123!');
    expect(await clerk('users.list')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const admin = await loginAs(services, 'quantri', 'quantri123!');
    const created = await admin('users.create', { username: 'canbo2', displayName: 'Cán bộ 2', password: 'mat-khau-2', role: 'commune-clerk', unitIds: [] });
    expect(created).toMatchObject({ ok: true, output: { username: 'canbo2' } });
    expect(await admin('users.create', { username: 'canbo2', displayName: 'X', password: 'mat-khau-2', role: 'commune-clerk' }))
      .toMatchObject({ ok: false, error: { code: 'username-taken' } });
  });

  it('scopes data to the units of the user: a clerk of another commune sees nothing', async () => {
    const admin = await loginAs(services, 'quantri', 'quantri123!');
    const units = await admin('units.list');
    // The administrator who may see everything is shown the office's area, not the whole country's units.
    expect(units).toMatchObject({ ok: true, output: [{ name: 'Xã Bình Sơn' }, { name: 'Tỉnh Ninh Bình' }] });
    // Old Xã An Lão, which the demo commune absorbed on 1 July 2025: a unit of the official list, with nobody in it.
    const oldCommune = formerUnitId('13561');
    await admin('users.create', { username: 'xacu', displayName: 'Xã cũ', password: 'mat-khau-3', role: 'commune-clerk', unitIds: [oldCommune], mustChangePassword: false });
    const other = await loginAs(services, 'xacu', 'mat-khau-3');
    expect(await other('beneficiaries.list', {})).toMatchObject({ ok: true, output: { total: 0, rows: [] } });
    const clerk = await loginAs(services, 'canbo', 'canbo123!');
    const page = await clerk('beneficiaries.list', { limit: 5 }) as { ok: true; output: { rows: { id: string }[]; total: number } };
    expect(page.output.total).toBe(120);
    expect(await other('beneficiaries.get', { id: page.output.rows[0].id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const district = await loginAs(services, 'huyen', 'huyen123!');
    expect(await district('beneficiaries.list', { limit: 1 })).toMatchObject({ ok: true, output: { total: 120 } });
  });

  it('gives the detail view and the history from the change log', async () => {
    const clerk = await loginAs(services, 'canbo', 'canbo123!');
    const page = await clerk('beneficiaries.list', { limit: 1 }) as { ok: true; output: { rows: { id: string; fullName: string }[] } };
    const id = page.output.rows[0].id;
    const detail = await clerk('beneficiaries.get', { id });
    expect(detail).toMatchObject({ ok: true, output: { id, fullName: page.output.rows[0].fullName, unitName: 'Xã Bình Sơn' } });
    const history = await clerk('beneficiaries.history', { id }) as { ok: true; output: { command: string; op: string }[] };
    expect(history.output[0]).toMatchObject({ command: 'demo-seed', op: 'insert' });
  });
});
