import { existsSync, rmSync, statSync } from 'node:fs';
import { openDatabase, type AppDatabase } from '../core/database/open-database';
import { readMeta, writeMeta } from '../core/database/meta';
import { migrationsDir } from '../core/app-paths';
import { AppError } from '../core/errors';
import { runCommand, type Actor } from '../core/write-path';
import { hashPassword } from '../accounts/passwords';
import { userTable } from '../accounts/synced-tables';
import { ensureAdminUnitReference } from '../registry/admin-unit-reference';
import { currentUnitsByCode, isEmptyDatabase, type UnitView } from '../registry/admin-unit-queries';
import { passwordSchema, usernameSchema } from '../../shared/contract/accounts';
import { keyFilePath, removeKeyFile } from '../core/database/key-file';
import { createEncryptedOfficeDatabase, encryptOfficeDatabaseInPlace } from './encrypted-office';

// A real office's database: the official list of units, the office's own unit(s), its first administrator, and
// nothing else (never demo users or people). The CLI (`ansinh init`) and the setup screen both come here.

/** The office's place: one commune, or (for the office above the communes) a province or some of its communes. */
export type OfficeUnitChoice =
  | { level: 'commune'; code: string }
  | { level: 'province'; code: string; communes?: readonly string[] };

export interface NewAdministrator {
  username: string;
  displayName: string;
  password: string;
}

export interface OfficeSetupResult {
  unit: { id: string; code: string; name: string; level: 'province' | 'commune' };
  /** The communes of a group office (a subset of the province); empty otherwise. */
  communes: { id: string; code: string; name: string }[];
  admin: { id: string; username: string };
}

/** Meta keys: the office's unit (a commune, or a province), and the communes of a group office as a JSON list. */
export const OFFICE_UNIT_KEY = 'office.unitId';
export const OFFICE_UNITS_KEY = 'office.unitIds';

/** What a setup would write, checked without writing anything: the username, password, emptiness and units. */
function checkOfficeSetup(db: AppDatabase, choice: OfficeUnitChoice, admin: NewAdministrator): { username: string; unit: UnitView; communes: UnitView[] } {
  const username = usernameSchema.safeParse(admin.username.trim().toLowerCase());
  if (!username.success) {
    throw new AppError('bad-username', 'Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch dưới hoặc gạch ngang (3–40 ký tự).', 'Username: 3-40 of a-z, 0-9, . _ -');
  }
  if (!passwordSchema.safeParse(admin.password).success) {
    throw new AppError('bad-password', 'Mật khẩu cần ít nhất 8 ký tự.', 'The password needs at least 8 characters.');
  }
  ensureAdminUnitReference(db);
  if (!isEmptyDatabase(db) || readMeta(db, OFFICE_UNIT_KEY)) {
    throw new AppError('database-not-empty', 'Cơ sở dữ liệu đã có dữ liệu hoặc đã được thiết lập; chỉ thiết lập văn phòng trên cơ sở dữ liệu mới.',
      'The database already holds data or is set up; an office is set up only on a new database.');
  }
  return { username: username.data, ...officeUnits(db, choice) };
}

/** Sets an opened, still empty database up as an office. One transaction for the administrator; refuses a used database. */
export function setUpOffice(db: AppDatabase, actor: Actor, choice: OfficeUnitChoice, admin: NewAdministrator): OfficeSetupResult {
  const { unit, communes, username } = checkOfficeSetup(db, choice, admin);
  const displayName = admin.displayName.trim() || 'Quản trị viên';
  const unitIds = communes.length > 0 ? communes.map((c) => c.id) : [unit.id];
  const { result: adminId } = runCommand(db, actor, 'set-up-office', (w) => {
    const id = w.insert(userTable, {
      username, displayName, passwordHash: hashPassword(admin.password), role: 'administrator', unitIds: JSON.stringify(unitIds),
      // The administrator chose this password at setup: it is not a temporary one to change at first sign-in.
      mustChangePassword: 0,
    });
    writeMeta(db, OFFICE_UNIT_KEY, unit.id);
    writeMeta(db, OFFICE_UNITS_KEY, JSON.stringify(unitIds));
    w.summary = { unit: unit.code, communes: communes.length };
    return id;
  });
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name, level: unit.level as 'province' | 'commune' },
    communes: communes.map((c) => ({ id: c.id, code: c.code, name: c.name })),
    admin: { id: adminId, username },
  };
}

/**
 * The setup screen: the services have the new database open (plain, as `ansinh serve --db NEW` or the window
 * created it); once the choice is checked it is encrypted in place, then set up. The recovery passphrase is
 * returned to be shown once. A database already encrypted (a setup that stopped after encrypting) gets a new
 * passphrase, since nobody has seen the first one.
 */
export function setUpEncryptedOffice(db: AppDatabase, actor: Actor, choice: OfficeUnitChoice, admin: NewAdministrator): OfficeSetupResult & { recoveryPassphrase: string } {
  checkOfficeSetup(db, choice, admin);
  const { recoveryPassphrase } = encryptOfficeDatabaseInPlace(db);
  return { ...setUpOffice(db, actor, choice, admin), recoveryPassphrase };
}

/** The units in force now for the choice, checked: an unknown code, or a commune outside the province, is refused. */
function officeUnits(db: AppDatabase, choice: OfficeUnitChoice): { unit: UnitView; communes: UnitView[] } {
  const [unit] = currentUnitsByCode(db.sqlite, [choice.code.trim()]).filter((u) => u.level === choice.level);
  if (!unit) {
    const what = choice.level === 'commune' ? 'xã/phường' : 'tỉnh/thành phố';
    throw new AppError('unknown-unit', `Không có ${what} mã "${choice.code}" trong danh mục đơn vị hành chính hiện hành (từ 01/07/2025).`,
      `No ${choice.level} with code "${choice.code}" in the administrative units in force since 1 July 2025.`);
  }
  if (choice.level === 'commune' || !choice.communes?.length) return { unit, communes: [] };
  const codes = [...new Set(choice.communes.map((c) => c.trim()))];
  const found = currentUnitsByCode(db.sqlite, codes).filter((u) => u.level === 'commune');
  const outside = codes.filter((c) => !found.some((u) => u.code === c && u.parentId === unit.id));
  if (outside.length > 0) {
    throw new AppError('unit-outside-province', `Các mã xã/phường không thuộc ${unit.name}: ${outside.join(', ')}.`,
      `Commune codes not in ${unit.name}: ${outside.join(', ')}.`);
  }
  return { unit, communes: codes.map((c) => found.find((u) => u.code === c)!) };
}

/**
 * `ansinh init`: creates the office database at `path`, encrypted (a real office holds real people), and returns
 * its recovery passphrase to show once. Refuses a file that already holds anything, so that an office's data can
 * never be overwritten by a second init.
 */
export function createOfficeDatabase(path: string, choice: OfficeUnitChoice, admin: NewAdministrator, origin: Actor['origin'] = 'cli'): OfficeSetupResult & { recoveryPassphrase?: string } {
  const isNew = !(existsSync(path) && statSync(path).size > 0);
  if (existsSync(keyFilePath(path))) {
    throw new AppError('database-not-empty', `Đã có cơ sở dữ liệu mã hóa (tệp khóa) ở đây, không ghi đè: ${path}`, `An encrypted database is already there, not overwriting: ${path}`);
  }
  if (!isNew) {
    const db = openDatabase({ path, migrationsFolder: migrationsDir() });
    try {
      if (!isEmptyDatabase(db) || readMeta(db, OFFICE_UNIT_KEY)) {
        throw new AppError('database-not-empty', `Cơ sở dữ liệu đã có dữ liệu, không ghi đè: ${path}`, `The database already holds data, not overwriting: ${path}`);
      }
    } finally {
      db.close();
    }
  }
  if (isNew) rmSync(path, { force: true }); // an empty file left by someone: the encrypted database takes its place
  const created = isNew ? createEncryptedOfficeDatabase(path) : { db: openDatabase({ path, migrationsFolder: migrationsDir() }), recoveryPassphrase: undefined };
  const { db, recoveryPassphrase } = created;
  try {
    return { ...setUpOffice(db, { userId: null, origin }, choice, admin), ...(recoveryPassphrase ? { recoveryPassphrase } : {}) };
  } catch (e) {
    db.close();
    // A refused choice (an unknown code, a bad password) leaves no half-made database behind.
    if (isNew) {
      for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
      removeKeyFile(path);
    }
    throw e;
  } finally {
    db.close();
  }
}
