import { homedir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the app keeps its own database and logs when no --db is given. */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.ANSINH_HOME) return resolve(env.ANSINH_HOME);
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'AnSinhDesk');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'AnSinhDesk');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'ansinh-desk');
}

export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(appDataDir(env), 'ansinh.db');
}

/** The project root (where migrations/ and the built renderer live), from this file's location. */
export function projectRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
}

export function migrationsDir(): string {
  return process.env.ANSINH_MIGRATIONS_DIR ?? join(projectRoot(), 'migrations');
}
