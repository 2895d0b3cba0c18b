import type { AppDatabase } from '../core/database/open-database';
import { AppError } from '../core/errors';
import { writeMeta } from '../core/database/meta';
import { runCommand, type Actor } from '../core/write-path';
import { adminUnitTable, beneficiaryTable, householdTable, paymentAccountTable } from '../registry/synced-tables';
import { userTable } from '../accounts/synced-tables';
import { hashPassword } from '../accounts/passwords';
import type { Role } from '../../shared/contract/roles';
import { demoPerson } from './demo-people';
import { isEmptyDatabase } from '../registry/admin-unit-queries';
import { seededRandom } from './seeded-random';

export const DEMO_USERS: readonly { username: string; password: string; displayName: string; role: Role; scope: 'commune' | 'province' | 'all' }[] = [
  { username: 'quantri', password: 'quantri123!', displayName: 'Quản trị viên', role: 'administrator', scope: 'all' },
  { username: 'canbo', password: 'canbo123!', displayName: 'Nguyễn Thị Lan', role: 'commune-clerk', scope: 'commune' },
  { username: 'yte', password: 'yte12345!', displayName: 'Trần Văn Nam', role: 'clinic-reception', scope: 'commune' },
  { username: 'huyen', password: 'huyen123!', displayName: 'Lê Minh Hà', role: 'district-staff', scope: 'province' },
];

export const DEMO_COMMUNE = 'Xã An Lão';
export const DEMO_UNITS = {
  provinceOld: { code: '35', name: 'Tỉnh Hà Nam', effectiveFrom: '1997-01-01', effectiveTo: '2025-07-01' },
  province: { code: '37', name: 'Tỉnh Ninh Bình', effectiveFrom: '2025-07-01', effectiveTo: null },
  // The merged commune of 1 July 2025 reuses the code of one of the communes it absorbed.
  communeOld: { code: '13450', name: 'Xã An Lão (cũ, huyện Bình Lục)', effectiveFrom: '2008-08-01', effectiveTo: '2025-07-01' },
  commune: { code: '13450', name: DEMO_COMMUNE, effectiveFrom: '2025-07-01', effectiveTo: null },
} as const;

const SYSTEM: Actor = { userId: null, origin: 'system' };

/** Fills an empty database with a demo commune: units, a few hundred beneficiaries, households, accounts and users. */
export function seedDemo(db: AppDatabase, options: { people?: number; seed?: number } = {}): { people: number; users: typeof DEMO_USERS } {
  if (!isEmptyDatabase(db)) {
    throw new AppError('database-not-empty', 'Cơ sở dữ liệu đã có dữ liệu; dữ liệu mẫu chỉ tạo trên cơ sở dữ liệu mới.', 'Demo data goes only into an empty database.');
  }
  const rng = seededRandom(options.seed ?? 2026);
  const people = options.people ?? 420;
  runCommand(db, SYSTEM, 'demo-seed', (w) => {
    const provinceOld = w.insert(adminUnitTable, { ...DEMO_UNITS.provinceOld, level: 'province' });
    const province = w.insert(adminUnitTable, { ...DEMO_UNITS.province, level: 'province' });
    w.insert(adminUnitTable, { ...DEMO_UNITS.communeOld, level: 'commune', parentId: provinceOld });
    const commune = w.insert(adminUnitTable, { ...DEMO_UNITS.commune, level: 'commune', parentId: province });
    let household: { id: string; village: string } | null = null;
    for (let i = 0; i < people; i++) {
      const p = demoPerson(rng, DEMO_COMMUNE);
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
