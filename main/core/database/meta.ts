import type Database from 'better-sqlite3';
import { cachedStatement } from '../statement-cache';

/** Anything holding the connection: an open AppDatabase, or the connection while it is being opened. */
type HasConnection = { sqlite: Database.Database };

/** Facts about this database file (device id, schema version, demo flag, the office's unit…). Not synced. */
export function readMeta(db: HasConnection, key: string): string | undefined {
  return cachedStatement(db.sqlite, 'SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
}

export function writeMeta(db: HasConnection, key: string, value: string): void {
  cachedStatement(db.sqlite, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}
