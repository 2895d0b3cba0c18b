import { join } from 'node:path';
import { expect } from 'vitest';
import { createServices, type Services } from '../../main/app/services';
import { dispatch } from '../../main/app/dispatch';
import { openDatabase } from '../../main/core/database/open-database';
import { migrationsDir } from '../../main/core/app-paths';
import { seedDemo } from '../../main/demo/seed-demo';
import type { ContractResponse } from '../../shared/contract/methods';

/** A demo commune database in `dir`, and its services as the doors see them. */
export function demoServices(dir: string, options: { people?: number; idleLockMinutes?: number } = {}): Services {
  const path = join(dir, 'demo.db');
  const db = openDatabase({ path, migrationsFolder: migrationsDir(), create: true });
  seedDemo(db, { people: options.people });
  db.close();
  return createServices({ dbPath: path, quiet: true, idleLockMinutes: options.idleLockMinutes ?? 15 });
}

export function call(services: Services, method: string, input: unknown, token: string | null = null): Promise<ContractResponse> {
  return dispatch(services, { method, input, token }, 'host');
}

/** Logs a demo user in and returns a caller bound to the session. */
export async function loginAs(services: Services, username: string, password: string) {
  const res = await call(services, 'auth.login', { username, password });
  if (!res.ok) throw new Error(res.error.message);
  const token = (res.output as { token: string }).token;
  return (method: string, input: unknown = {}) => call(services, method, input, token);
}

/** The output of a call that must succeed: the test fails here, showing the error, when it did not. */
export function okOutput<T>(res: unknown): T {
  expect(res).toMatchObject({ ok: true });
  return (res as { output: T }).output;
}
