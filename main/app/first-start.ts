import { existsSync } from 'node:fs';
import { openDatabase } from '../core/database/open-database';
import { migrationsDir } from '../core/app-paths';
import { seedDemo } from '../demo/seed-demo';

/** The embedded default: the app's own database starts as a demo commune, so a newcomer sees a working app at once. */
export function ensureDefaultDatabase(path: string): 'created-demo' | 'existing' {
  if (existsSync(path)) return 'existing';
  const db = openDatabase({ path, migrationsFolder: migrationsDir(), create: true });
  try {
    seedDemo(db);
  } finally {
    db.close();
  }
  return 'created-demo';
}
