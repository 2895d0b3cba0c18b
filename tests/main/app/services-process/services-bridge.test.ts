// The bridge between a door and the services process (the host's child process; Electron's utility process
// through a thin adapter), tested with the real services child under plain Node, killed with SIGKILL mid-call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { AppError } from '../../../../main/core/errors';
import { openDatabase } from '../../../../main/core/database/open-database';
import { migrationsDir } from '../../../../main/core/app-paths';
import { seedDemo } from '../../../../main/demo/seed-demo';
import { startServicesProcess, type ServicesProcess } from '../../../../main/app/services-process/start-services-process';
import { tempDir } from '../../../support/temp-database';

let dir: string;
let cleanup: () => void;
let dbPath: string;
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  dbPath = join(dir, 'demo.db');
  const db = openDatabase({ path: dbPath, migrationsFolder: migrationsDir(), create: true });
  seedDemo(db, { people: 40 });
  db.close();
});
afterAll(() => cleanup());

const login = (services: ServicesProcess) => services.call({ method: 'auth.login', input: { username: 'canbo', password: 'canbo123!' } }, 'host');

/** Waits until the bridge has started a process other than `pid` and it answers. */
async function restartedFrom(services: ServicesProcess, pid: number | undefined) {
  // A call sent before the bridge has seen the exit is answered 'services-stopped'; the next one waits for the new process.
  let info = await services.call({ method: 'app.info', input: {} }, 'host');
  if (!info.ok && info.error.code === 'services-stopped') info = await services.call({ method: 'app.info', input: {} }, 'host');
  expect(info).toMatchObject({ ok: true });
  expect(services.pid()).not.toBe(pid);
}

describe('the services bridge', () => {
  it('answers a call the services process died in with a clear error, restarts it, and the next call works', async () => {
    const restarts: (number | null)[] = [];
    const services = await startServicesProcess({ dbPath, create: false, quiet: true }, undefined, { onRestart: (code) => restarts.push(code) });
    try {
      const first = await login(services);
      expect(first.ok).toBe(true);
      const token = first.ok ? (first.output as { token: string }).token : null;
      const pid = services.pid()!;
      // Frozen first, so the call is surely still in the services process when it is killed.
      process.kill(pid, 'SIGSTOP');
      const pending = services.call({ method: 'beneficiaries.list', input: {}, token }, 'host');
      await new Promise((r) => setTimeout(r, 200));
      process.kill(pid, 'SIGKILL');
      const answer = await pending;
      expect(answer).toMatchObject({ ok: false, error: { code: 'services-stopped' } });
      expect(answer.ok ? '' : answer.error.message).toMatch(/^Dịch vụ nền của ứng dụng vừa dừng đột ngột/);
      await restartedFrom(services, pid);
      expect(restarts).toHaveLength(1);
      // Sessions lived in the dead process: the page is told to sign in again, and can.
      expect(await services.call({ method: 'auth.me', input: {}, token }, 'host')).toMatchObject({ ok: false, error: { code: 'session-expired' } });
      const again = await login(services);
      expect(again.ok).toBe(true);
      const list = await services.call({ method: 'beneficiaries.list', input: {}, token: again.ok ? (again.output as { token: string }).token : null }, 'host');
      expect(list.ok).toBe(true);
    } finally {
      await services.close();
    }
  }, 120_000);

  it('answers calls made while the process restarts once it is back, never leaving one hanging', async () => {
    const services = await startServicesProcess({ dbPath, create: false, quiet: true });
    try {
      const pid = services.pid()!;
      process.kill(pid, 'SIGKILL');
      const answers = await Promise.all([1, 2, 3].map(() => services.call({ method: 'app.info', input: {} }, 'host')));
      for (const a of answers) expect(a.ok || (!a.ok && a.error.code === 'services-stopped')).toBe(true);
      await restartedFrom(services, pid);
    } finally {
      await services.close();
    }
  }, 120_000);

  it('gives up and reports when the process keeps dying; every later call is answered at once', async () => {
    const reported: AppError[] = [];
    const services = await startServicesProcess({ dbPath, create: false, quiet: true }, undefined, { maxRestarts: 2, windowMs: 60_000, onGiveUp: (e) => reported.push(e) });
    try {
      for (let death = 1; death <= 3; death++) {
        const pid = services.pid()!;
        process.kill(pid, 'SIGKILL');
        if (death < 3) await restartedFrom(services, pid);
      }
      let answer = await services.call({ method: 'app.info', input: {} }, 'host');
      if (!answer.ok && answer.error.code === 'services-stopped') answer = await services.call({ method: 'app.info', input: {} }, 'host');
      expect(answer).toMatchObject({ ok: false, error: { code: 'services-failed' } });
      const started = Date.now();
      expect(await services.call({ method: 'app.info', input: {} }, 'host')).toMatchObject({ ok: false, error: { code: 'services-failed' } });
      expect(Date.now() - started).toBeLessThan(1000);
      expect(answer.ok ? '' : answer.error.message).toMatch(/liên tục bị dừng\. Hãy đóng và mở lại ứng dụng/);
      expect(reported).toHaveLength(1);
      expect(reported[0].messageVi).toMatch(/liên tục bị dừng/);
    } finally {
      await services.close();
    }
  }, 180_000);

  it('refuses at start, with its own line, a database it cannot open (no restart loop)', async () => {
    await expect(startServicesProcess({ dbPath: join(dir, 'khong-co.db'), create: false, quiet: true })).rejects.toMatchObject({ code: expect.any(String), messageVi: expect.any(String) });
  }, 60_000);

  it('closes cleanly: the process exits and later calls are answered, not left waiting', async () => {
    const services = await startServicesProcess({ dbPath, create: false, quiet: true });
    const pid = services.pid()!;
    await services.close();
    expect(() => process.kill(pid, 0)).toThrow();
    expect(await services.call({ method: 'app.info', input: {} }, 'host')).toMatchObject({ ok: false, error: { code: 'services-closed' } });
  }, 60_000);
});
