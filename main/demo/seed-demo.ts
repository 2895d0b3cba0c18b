import type { AppDatabase } from '../core/database/open-database';
import { AppError } from '../core/errors';
import { writeMeta } from '../core/database/meta';
import { runCommand, type Actor } from '../core/write-path';
import { beneficiaryTable, householdTable, paymentAccountTable } from '../registry/synced-tables';
import { userTable } from '../accounts/synced-tables';
import { hashPassword } from '../accounts/passwords';
import type { Role } from '../../shared/contract/roles';
import { demoPerson } from './demo-people';
import { isEmptyDatabase, listUnits } from '../registry/admin-unit-queries';
import { currentUnitId, ensureAdminUnitReference } from '../registry/admin-unit-reference';
import { seededRandom } from './seeded-random';

export const DEMO_USERS: readonly { username: string; password: string; displayName: string; role: Role; scope: 'commune' | 'province' | 'all' }[] = [
  { username: 'quantri', password: 'quantri123!', displayName: 'Quản trị viên', role: 'administrator', scope: 'all' },
  { username: 'canbo', password: 'canbo123!', displayName: 'Nguyễn Thị Lan', role: 'commune-clerk', scope: 'commune' },
  { username: 'yte', password: 'yte12345!', displayName: 'Trần Văn Nam', role: 'clinic-reception', scope: 'commune' },
  { username: 'huyen', password: 'huyen123!', displayName: 'Lê Minh Hà', role: 'district-staff', scope: 'province' },
];

/**
 * The demo commune is a real unit of the official list: Xã Bình Sơn, Tỉnh Ninh Bình (code 13558), the commune that
 * old Xã An Lão, Xã An Đổ and Xã Tiêu Động of huyện Bình Lục, tỉnh Hà Nam became on 1 July 2025. Its people are invented.
 */
export const DEMO_UNIT_CODES = { commune: '13558', province: '37' } as const;
export const DEMO_COMMUNE = 'Xã Bình Sơn';
export const DEMO_PROVINCE = 'Tỉnh Ninh Bình';

const SYSTEM: Actor = { userId: null, origin: 'system' };

/** Fills an empty database with the demo commune: a few hundred beneficiaries, households, accounts and users. */
export function seedDemo(db: AppDatabase, options: { people?: number; seed?: number } = {}): { people: number; users: typeof DEMO_USERS } {
  if (!isEmptyDatabase(db)) {
    throw new AppError('database-not-empty', 'Cơ sở dữ liệu đã có dữ liệu; dữ liệu mẫu chỉ tạo trên cơ sở dữ liệu mới.', 'Demo data goes only into an empty database.');
  }
  ensureAdminUnitReference(db);
  const commune = currentUnitId(DEMO_UNIT_CODES.commune);
  const province = currentUnitId(DEMO_UNIT_CODES.province);
  if (listUnits(db.sqlite, [commune, province]).length !== 2) throw new Error('the official list lacks the demo commune');
  const rng = seededRandom(options.seed ?? 2026);
  const people = options.people ?? 420;
  runCommand(db, SYSTEM, 'demo-seed', (w) => {
    let household: { id: string; village: string } | null = null;
    for (let i = 0; i < people; i++) {
      const p = demoPerson(rng, DEMO_COMMUNE, DEMO_PROVINCE);
      if (!household || household.village !== p.village || rng.next() > 0.25) {
        household = { id: w.insert(householdTable, { unitId: commune, village: p.village, headName: p.fullName, address: p.permanentAddress, kind: rng.weighted([['ordinary', 80], ['poor', 12], ['near-poor', 8]] as const) }), village: p.village };
      }
      const { account, ...person } = p;
      const id = w.insert(beneficiaryTable, { ...person, unitId: commune, householdId: household.id });
      if (account) w.insert(paymentAccountTable, { beneficiaryId: id, kind: 'bank', ...account });
    }
    for (const u of DEMO_USERS) {
      w.insert(userTable, {
        username: u.username,
        displayName: u.displayName,
        passwordHash: hashPassword(u.password),
        role: u.role,
        unitIds: JSON.stringify(u.scope === 'all' ? [] : [u.scope === 'commune' ? commune : province]),
      });
    }
    writeMeta(db, 'demo', '1');
    writeMeta(db, 'office.unitId', commune);
    w.summary = { people };
  });
  return { people, users: DEMO_USERS };
}
