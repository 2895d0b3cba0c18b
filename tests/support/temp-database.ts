import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type AppDatabase } from '../../main/core/database/open-database';
import { migrationsDir } from '../../main/core/app-paths';

/** A fresh folder per test file; removed by cleanup(). */
export function tempDir(prefix = 'ansinh-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function openTempDatabase(dir: string, name = 'test.db'): AppDatabase {
  return openDatabase({ path: join(dir, name), migrationsFolder: migrationsDir(), create: true });
}
