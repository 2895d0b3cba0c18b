import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../main/app/services';
import { call, demoServices, loginAs } from '../../support/services';
import { tempDir } from '../../support/temp-database';

let services: Services;
let cleanup: () => void;

beforeAll(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  services = demoServices(t.dir, { people: 10 });
});
afterAll(async () => {
  await services.close();
  cleanup();
});

describe('user administration through the contract', () => {
  it('creates a clerk who must change the password before anything else, on every door', async () => {
    const admin = await loginAs(services, 'quantri', 'quantri123!');
    const units = (await admin('units.list')) as { output: { id: string; level: string; effectiveTo: string | null }[] };
    const commune = units.output.find((u) => u.level === 'commune' && !u.effectiveTo)!;
    const created = await admin('users.create', { username: 'canbomoi', displayName: 'Cán bộ mới', password: 'tam-thoi-123', role: 'commune-clerk', unitIds: [commune.id] });
    expect(created).toMatchObject({ ok: true, output: { username: 'canbomoi', unitIds: [commune.id] } });

    const login = await call(services, 'auth.login', { username: 'canbomoi', password: 'tam-thoi-123' });
    expect(login).toMatchObject({ ok: true, output: { mustChangePassword: true } });
    const token = (login as { output: { token: string } }).output.token;
    expect(await call(services, 'beneficiaries.list', {}, token)).toMatchObject({ ok: false, error: { code: 'password-change-required' } });
    expect(await call(services, 'auth.me', {}, token)).toMatchObject({ ok: true, output: { username: 'canbomoi' } });
    expect(await call(services, 'auth.changePassword', { currentPassword: 'tam-thoi-123', newPassword: 'ngan' }, token))
      .toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await call(services, 'auth.changePassword', { currentPassword: 'tam-thoi-123', newPassword: 'mat-khau-rieng-1' }, token))
      .toMatchObject({ ok: true, output: { mustChangePassword: false } });
    expect(await call(services, 'beneficiaries.list', {}, token)).toMatchObject({ ok: true });
  });

  it('refuses to disable the last administrator with a Vietnamese message, and lists attempts only for the administrator', async () => {
    const admin = await loginAs(services, 'quantri', 'quantri123!');
    const users = (await admin('users.list')) as { output: { id: string; username: string; active: boolean }[] };
    const me = users.output.find((u) => u.username === 'quantri')!;
    expect(await admin('users.setActive', { id: me.id, active: false }))
      .toMatchObject({ ok: false, error: { code: 'last-administrator', message: expect.stringContaining('quản trị viên duy nhất') } });
    await call(services, 'auth.login', { username: 'canbo', password: 'sai-mat-khau' });
    const attempts = (await admin('users.signInAttempts', { username: 'canbo' })) as { ok: true; output: { rows: { outcome: string; door: string }[] } };
    expect(attempts.output.rows[0]).toMatchObject({ outcome: 'failure', door: 'host' });
    const clerk = await loginAs(services, 'canbo', 'canbo123!');
    expect(await clerk('users.signInAttempts', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await clerk('users.resetPassword', { id: me.id, temporaryPassword: 'chiem-quyen-1' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
