import { existsSync, statSync } from 'node:fs';
import { openDatabase } from '../core/database/open-database';
import { migrationsDir } from '../core/app-paths';
import { AppError } from '../core/errors';
import { seedDemo } from '../demo/seed-demo';

/** A new demo commune database at `path` (never over an existing file): its people count and demo users. */
export function createDemoDatabase(path: string): ReturnType<typeof seedDemo> {
  if (existsSync(path) && statSync(path).size > 0) {
    throw new AppError('file-exists', `Tệp đã tồn tại, không ghi đè: ${path}`, `File exists, not overwriting: ${path}`);
  }
  const db = openDatabase({ path, migrationsFolder: migrationsDir(), create: true });
  try {
    return seedDemo(db);
  } finally {
    db.close();
  }
}
