import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, mkdirSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomUUID } from 'node:crypto';
import { AppError } from '../errors';
import { APP_ID, readJournal } from './schema-info';
import { readMeta, writeMeta } from './meta';

export type SqliteConnection = Database.Database;

export interface AppDatabase {
  sqlite: SqliteConnection;
  orm: BetterSQLite3Database;
  path: string;
  deviceId: string;
  schemaVersion: number;
  close(): void;
}

export interface OpenDatabaseOptions {
  path: string;
  migrationsFolder: string;
  /** Create the file if it does not exist (the app's own database, `ansinh demo`). */
  create?: boolean;
  /** Encryption at rest (SQLCipher-compatible through better-sqlite3-multiple-ciphers): the switch is here. */
  key?: string;
}

const SQLITE_HEADER = 'SQLite format 3\u0000';
const LOCK_WAIT_MS = 250;
// Under Electron the addon is a separate build for Electron's ABI (scripts/prepare-electron-native.mjs).
const nativeBinding = process.env.ANSINH_SQLITE_BINDING || undefined;

/**
 * The one place a database file is opened. A file we cannot understand (not SQLite, corrupt, another
 * program's, from a newer version, in use by another instance) is refused before anything is written to it.
 */
export function openDatabase(options: OpenDatabaseOptions): AppDatabase {
  const { path, migrationsFolder } = options;
  const journal = readJournal(migrationsFolder);
  const exists = existsSync(path) && statSync(path).size > 0;
  if (!exists && !options.create) {
    throw new AppError('database-missing', `Không tìm thấy cơ sở dữ liệu: ${path}`, `Database not found: ${path}`);
  }
  if (exists) inspectExistingFile(path, journal.length, options.key);
  else mkdirSync(dirname(path), { recursive: true });

  const sqlite = new Database(path, { timeout: LOCK_WAIT_MS, nativeBinding });
  try {
    if (options.key) sqlite.pragma(`key='${options.key.replace(/'/g, "''")}'`);
    // Exclusive locking: a second instance (or a second app on the same file) is refused instead of racing us.
    sqlite.pragma('locking_mode = EXCLUSIVE');
    sqlite.pragma('journal_mode = WAL');
    sqlite.exec('BEGIN EXCLUSIVE; COMMIT;');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
    // Type-ahead over a million rows reads scattered pages: map the file and keep a larger cache.
    sqlite.pragma('mmap_size = 1073741824');
    sqlite.pragma('cache_size = -65536');
  } catch (e) {
    sqlite.close();
    throw mapSqliteError(e, path);
  }

  const orm = drizzle(sqlite as never);
  try {
    migrate(orm, { migrationsFolder });
  } catch (e) {
    sqlite.close();
    throw new AppError('database-migration-failed', 'Không nâng cấp được cơ sở dữ liệu; dữ liệu chưa bị thay đổi.',
      'Database migration failed; no data was changed.', String(e));
  }
  const deviceId = ensureMeta(sqlite, journal.length);
  return { sqlite, orm, path, deviceId, schemaVersion: journal.length, close: () => sqlite.close() };
}

function inspectExistingFile(path: string, knownVersion: number, key?: string): void {
  if (!key && !hasSqliteHeader(path)) {
    throw new AppError('database-not-sqlite', `Tệp không phải cơ sở dữ liệu An Sinh Desk (hoặc đã hỏng): ${path}`,
      `Not an An Sinh Desk database (or damaged): ${path}`);
  }
  let probe: SqliteConnection | undefined;
  try {
    probe = new Database(path, { readonly: true, fileMustExist: true, timeout: LOCK_WAIT_MS, nativeBinding });
    if (key) probe.pragma(`key='${key.replace(/'/g, "''")}'`);
    const check = probe.pragma('quick_check(1)', { simple: true });
    if (check !== 'ok') throw new AppError('database-corrupt', `Cơ sở dữ liệu bị hỏng: ${path}`, `Database is corrupt: ${path}`);
    const tables = (probe.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    if (tables.length === 0) return;
    if (!tables.includes('meta')) throw foreign(path);
    const rows = probe.prepare("SELECT key, value FROM meta WHERE key IN ('app.id', 'schema.version')").all() as { key: string; value: string }[];
    const facts = Object.fromEntries(rows.map((r) => [r.key, r.value]));
    if (facts['app.id'] !== APP_ID) throw foreign(path);
    const version = Number(facts['schema.version'] ?? 0);
    if (version > knownVersion) {
      throw new AppError('database-newer', `Cơ sở dữ liệu được tạo bởi phiên bản mới hơn của ứng dụng (lược đồ ${version} > ${knownVersion}). Hãy cập nhật ứng dụng.`,
        `Database comes from a newer app version (schema ${version} > ${knownVersion}). Update the app.`);
    }
  } catch (e) {
    throw mapSqliteError(e, path);
  } finally {
    probe?.close();
  }
}

function hasSqliteHeader(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return n === 16 && buf.toString('latin1') === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

function ensureMeta(sqlite: SqliteConnection, schemaVersion: number): string {
  const db = { sqlite };
  let deviceId = readMeta(db, 'device.id');
  sqlite.transaction(() => {
    writeMeta(db, 'app.id', APP_ID);
    writeMeta(db, 'schema.version', String(schemaVersion));
    if (!deviceId) {
      deviceId = randomUUID();
      writeMeta(db, 'device.id', deviceId);
    }
  })();
  return deviceId!;
}

function foreign(path: string): AppError {
  return new AppError('database-foreign', `Tệp là cơ sở dữ liệu của chương trình khác, không phải An Sinh Desk: ${path}`,
    `This database belongs to another program: ${path}`);
}

function mapSqliteError(e: unknown, path: string): AppError {
  if (e instanceof AppError) return e;
  const code = (e as { code?: string }).code ?? '';
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new AppError('database-in-use', 'Cơ sở dữ liệu đang được mở ở một cửa sổ hoặc chương trình khác. Hãy đóng nó rồi thử lại.',
      'The database is open in another instance. Close it and try again.');
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new AppError('database-corrupt', `Cơ sở dữ liệu bị hỏng hoặc sai khóa mã hóa: ${path}`, `Database is corrupt or the key is wrong: ${path}`);
  }
  return new AppError('database-open-failed', `Không mở được cơ sở dữ liệu: ${path}`, `Cannot open database: ${path}`, String(e));
}
