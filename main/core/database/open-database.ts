import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, mkdirSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomUUID } from 'node:crypto';
import { AppError } from '../errors';
import { APP_ID, readJournal } from './schema-info';
import { readMeta, writeMeta } from './meta';
import { applyDataKey } from './cipher';
import { keyFilePath } from './key-file';
import { nativeBinding } from './native-binding';
import { unlockDatabase, type UnlockOptions } from './unlock-database';
import { holdInstanceLock, type InstanceLock } from './instance-lock';
import { settleInterruptedEncryption } from './interrupted-encryption';
import { hasSqliteHeader } from './sqlite-header';
import { keepOptimised, optimizeAtOpen, optimizeNow } from './optimize';

export type SqliteConnection = Database.Database;

export interface AppDatabase {
  sqlite: SqliteConnection;
  orm: BetterSQLite3Database;
  path: string;
  deviceId: string;
  schemaVersion: number;
  /** Whether the file is encrypted at rest. */
  encrypted: boolean;
  /** Set when this opening found the database copied or restored from another installation (see ensureMeta). */
  deviceChange?: DeviceChange;
  close(): void;
}

export interface DeviceChange {
  previousDeviceId: string;
  deviceId: string;
}

export interface OpenDatabaseOptions {
  path: string;
  migrationsFolder: string;
  /** Create the file if it does not exist (the app's own database, `ansinh demo`). */
  create?: boolean;
  /**
   * The data key of an encrypted database (32 bytes). Without it, a database with a key file beside it is
   * unlocked here (unlock-database.ts: the passphrase given in `unlock`, else ANSINH_DB_PASSPHRASE).
   */
  key?: Buffer;
  unlock?: UnlockOptions;
  /**
   * This installation's id (installation.ts). Recorded at the first opening; a database that comes back under
   * another installation's id is a copy or a restore and continues as a new device.
   */
  installationId?: string;
  /** The office id of a new database (from its key file), recorded in meta. */
  officeId?: string;
  /** A restored backup: whatever installation it names, it continues as a new device (its old sequence numbers were sent). */
  newDevice?: boolean;
  /**
   * Another connection beside the instance that already has this database open (a worker thread's, from
   * `sameInstanceOptions`; the command line's online backup while the app runs): no file checks, migrations, meta
   * writes or instance lock — the first opening did them.
   */
  sameInstance?: boolean;
}

const dataKeys = new WeakMap<AppDatabase, Buffer>();

/**
 * An open database that was encrypted while open (the setup screen's office database): from now on it is keyed
 * with `key`, and the instance's other connections (a worker's) are opened with it.
 */
export function adoptDataKey(db: AppDatabase, key: Buffer): void {
  dataKeys.set(db, key);
  db.encrypted = true;
}

/** The data key an open database was opened with (for a verified copy of it: backup, rekey), or undefined when plain. */
export function dataKeyOf(db: AppDatabase): Buffer | undefined {
  return dataKeys.get(db);
}

const LOCK_WAIT_MS = 250;

/**
 * The one place a database file is opened. A file we cannot understand (not SQLite, corrupt, another
 * program's, from a newer version, in use by another instance) is refused before anything is written to it.
 */
export function openDatabase(options: OpenDatabaseOptions): AppDatabase {
  const { path, migrationsFolder } = options;
  if (options.sameInstance) return openSameInstance(options);
  const journal = readJournal(migrationsFolder);
  if (!(existsSync(path) && statSync(path).size > 0) && !options.create) {
    throw new AppError('database-missing', `Không tìm thấy cơ sở dữ liệu: ${path}`, `Database not found: ${path}`);
  }
  mkdirSync(dirname(path), { recursive: true });

  // A second instance is refused instead of racing us (instance-lock.ts: why not `locking_mode = EXCLUSIVE`).
  // Taken first, so that what an interrupted encryption or rekey left is settled by one instance only.
  let instanceLock: InstanceLock;
  try {
    instanceLock = holdInstanceLock(path, nativeBinding);
  } catch (e) {
    throw mapSqliteError(e, path, existsSync(keyFilePath(path)));
  }
  let key: Buffer | undefined;
  try {
    settleInterruptedEncryption(path);
    const exists = existsSync(path) && statSync(path).size > 0;
    key = options.key ?? (exists ? unlockDatabase(path, options.unlock) : undefined);
    if (exists) inspectExistingFile(path, journal.length, key);
  } catch (e) {
    instanceLock.release();
    throw e;
  }
  const sqlite = new Database(path, { timeout: LOCK_WAIT_MS, nativeBinding });
  let stopOptimising = () => {};
  const closeAll = () => {
    stopOptimising();
    if (sqlite.open) optimizeNow(sqlite);
    sqlite.close();
    instanceLock.release();
  };
  try {
    if (key) applyDataKey(sqlite, key);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
    // Type-ahead over a million rows reads scattered pages: map the file and keep a larger cache.
    sqlite.pragma('mmap_size = 1073741824');
    sqlite.pragma('cache_size = -65536');
    // Temporary data in memory, as an encrypted database already keeps it (cipher.ts). Above all the statement
    // journal: a write that a trigger could abort (a roster line's insert, refused on a locked roster) saves the pages
    // it changes first, and once that journal has spilled to a temp file it stays a file for the transaction: nine
    // writes to disk for each of a month's 100,000 lines.
    sqlite.pragma('temp_store = MEMORY');
  } catch (e) {
    closeAll();
    throw mapSqliteError(e, path, !!key);
  }

  const orm = drizzle(sqlite as never);
  try {
    migrate(orm, { migrationsFolder });
  } catch (e) {
    closeAll();
    throw new AppError('database-migration-failed', 'Không nâng cấp được cơ sở dữ liệu; dữ liệu chưa bị thay đổi.',
      'Database migration failed; no data was changed.', String(e));
  }
  const { deviceId, deviceChange } = ensureMeta(sqlite, journal.length, options);
  optimizeAtOpen(sqlite);
  stopOptimising = keepOptimised(sqlite);
  const db: AppDatabase = { sqlite, orm, path, deviceId, deviceChange, schemaVersion: journal.length, encrypted: !!key, close: closeAll };
  if (key) dataKeys.set(db, key);
  openedWith.set(db, options);
  return db;
}

const openedWith = new WeakMap<AppDatabase, OpenDatabaseOptions>();

/** What a worker thread passes to `openDatabase` for its own connection to the database `db` has open. */
export function sameInstanceOptions(db: AppDatabase): OpenDatabaseOptions {
  const options = openedWith.get(db);
  if (!options) throw new Error('this database was not opened by openDatabase');
  return { path: options.path, migrationsFolder: options.migrationsFolder, key: dataKeyOf(db), sameInstance: true };
}

function openSameInstance(options: OpenDatabaseOptions): AppDatabase {
  const { path, migrationsFolder } = options;
  // Across threads a Buffer arrives as a plain Uint8Array.
  const key = options.key ? Buffer.from(options.key) : undefined;
  const sqlite = new Database(path, { fileMustExist: true, timeout: LOCK_WAIT_MS, nativeBinding });
  try {
    if (key) applyDataKey(sqlite, key);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('cache_size = -65536');
    sqlite.pragma('temp_store = MEMORY');
    const deviceId = readMeta({ sqlite }, 'device.id');
    if (!deviceId) throw new Error('no device id: the database is not open in this instance');
    const db: AppDatabase = { sqlite, orm: drizzle(sqlite as never), path, deviceId, schemaVersion: readJournal(migrationsFolder).length, encrypted: !!key, close: () => sqlite.close() };
    if (key) dataKeys.set(db, key);
    openedWith.set(db, options);
    return db;
  } catch (e) {
    sqlite.close();
    throw mapSqliteError(e, path, !!key);
  }
}

function inspectExistingFile(path: string, knownVersion: number, key?: Buffer): void {
  const plain = hasSqliteHeader(path);
  if (!key && !plain) {
    if (looksEncrypted(path)) {
      throw new AppError('database-key-file-missing', `Cơ sở dữ liệu ${path} đã được mã hóa nhưng thiếu tệp khóa ${keyFilePath(path)} bên cạnh; hãy chép tệp khóa (hoặc khôi phục từ bản sao lưu).`,
        `The database is encrypted but its key file ${keyFilePath(path)} is missing.`);
    }
    throw new AppError('database-not-sqlite', `Tệp không phải cơ sở dữ liệu An Sinh Desk (hoặc đã hỏng): ${path}`,
      `Not an An Sinh Desk database (or damaged): ${path}`);
  }
  if (key && plain) {
    throw new AppError('database-not-encrypted', `Cơ sở dữ liệu ${path} không được mã hóa, nhưng bên cạnh có tệp khóa: tệp có thể đã bị thay. Không mở.`,
      `The database is not encrypted but has a key file beside it: it may have been replaced. Not opening it.`);
  }
  let probe: SqliteConnection | undefined;
  try {
    probe = new Database(path, { readonly: true, fileMustExist: true, timeout: LOCK_WAIT_MS, nativeBinding });
    if (key) applyDataKey(probe, key);
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
    throw mapSqliteError(e, path, !!key);
  } finally {
    probe?.close();
  }
}

/** Not SQLite's header, a whole number of pages, and binary from the first byte: an encrypted database. */
function looksEncrypted(path: string): boolean {
  const size = statSync(path).size;
  if (size < 1024 || size % 512 !== 0) return false;
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(64);
    readSync(fd, buf, 0, 64, 0);
    const printable = buf.filter((b) => (b >= 0x20 && b < 0x7f) || b === 0x0a || b === 0x0d || b === 0x09).length;
    return printable < 56;
  } finally {
    closeSync(fd);
  }
}

/**
 * The facts every database carries, and its device identity. The device id names this copy of the data in the
 * change log (device id + sequence number identify every entry sent to the hub), so two PCs must never share
 * it: the installation that first opened the database is recorded, and a database opened under another
 * installation (copied to a second PC, or restored after a reinstall) continues as a new device, the previous
 * ids kept in 'device.previous' for the hub to link them.
 */
function ensureMeta(sqlite: SqliteConnection, schemaVersion: number, options: OpenDatabaseOptions): { deviceId: string; deviceChange?: DeviceChange } {
  const db = { sqlite };
  let deviceId = readMeta(db, 'device.id');
  let deviceChange: DeviceChange | undefined;
  sqlite.transaction(() => {
    writeMeta(db, 'app.id', APP_ID);
    writeMeta(db, 'schema.version', String(schemaVersion));
    if (!readMeta(db, 'office.id')) writeMeta(db, 'office.id', options.officeId ?? randomUUID());
    const recordedInstallation = readMeta(db, 'device.installationId');
    if (!deviceId) {
      deviceId = randomUUID();
      writeMeta(db, 'device.id', deviceId);
    } else if (options.newDevice || (options.installationId && recordedInstallation && recordedInstallation !== options.installationId)) {
      const previous = JSON.parse(readMeta(db, 'device.previous') ?? '[]') as unknown[];
      previous.push({ deviceId, installationId: recordedInstallation ?? null, until: new Date().toISOString(), why: options.newDevice ? 'restored' : 'copied' });
      deviceChange = { previousDeviceId: deviceId, deviceId: randomUUID() };
      deviceId = deviceChange.deviceId;
      writeMeta(db, 'device.id', deviceId);
      writeMeta(db, 'device.previous', JSON.stringify(previous));
    }
    if (options.installationId) writeMeta(db, 'device.installationId', options.installationId);
  })();
  return { deviceId: deviceId!, deviceChange };
}

function foreign(path: string): AppError {
  return new AppError('database-foreign', `Tệp là cơ sở dữ liệu của chương trình khác, không phải An Sinh Desk: ${path}`,
    `This database belongs to another program: ${path}`);
}

function mapSqliteError(e: unknown, path: string, keyed = false): AppError {
  if (e instanceof AppError) return e;
  const code = (e as { code?: string }).code ?? '';
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new AppError('database-in-use', 'Cơ sở dữ liệu đang được mở ở một cửa sổ hoặc chương trình khác. Hãy đóng nó rồi thử lại.',
      'The database is open in another instance. Close it and try again.');
  }
  if (code === 'SQLITE_NOTADB' && keyed) {
    return new AppError('database-wrong-key', `Khóa không mở được cơ sở dữ liệu ${path}: tệp khóa bên cạnh là của một cơ sở dữ liệu khác (hoặc tệp đã hỏng). Không có gì bị thay đổi.`,
      `The key does not open ${path}: the key file belongs to another database (or the file is damaged). Nothing was changed.`);
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new AppError('database-corrupt', `Cơ sở dữ liệu bị hỏng hoặc sai khóa mã hóa: ${path}`, `Database is corrupt or the key is wrong: ${path}`);
  }
  return new AppError('database-open-failed', `Không mở được cơ sở dữ liệu: ${path}`, `Cannot open database: ${path}`, String(e));
}
