import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appDataDir } from './app-paths';

/**
 * This installation of the app (one per user profile on one PC), kept in the app's data folder, outside any
 * database: a database opened under another installation's id has been copied or restored (open-database.ts).
 */
export function installationId(env: NodeJS.ProcessEnv = process.env): string {
  const dir = appDataDir(env);
  const path = join(dir, 'installation-id');
  if (existsSync(path)) {
    const id = readFileSync(path, 'utf8').trim();
    if (/^[0-9a-f-]{36}$/.test(id)) return id;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const id = randomUUID();
  try {
    writeFileSync(path, id + '\n', { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(path, 'utf8').trim(); // another process was first
    throw e;
  }
  return id;
}
