// A demo commune for the payout and identity end-to-end tests:
//   npx tsx tests/e2e/support/make-payout-database.ts PATH PEOPLE
// The demo commune with PEOPLE beneficiaries, every ID number verified by chip (so that lines are held only for
// real reasons), a commune leader who approves the roster (lanhdao / lanhdao123!), one person listed twice under
// the same ID and one probably listed twice (no ID, another village), and two items from the police's results in the mismatch queue (a spelling-only name, a not-found).
import { openDatabase } from '../../../main/core/database/open-database';
import { migrationsDir } from '../../../main/core/app-paths';
import { readMeta } from '../../../main/core/database/meta';
import { runCommand } from '../../../main/core/write-path';
import { seedDemo } from '../../../main/demo/seed-demo';
import { hashPassword } from '../../../main/accounts/passwords';
import { userTable } from '../../../main/accounts/synced-tables';
import { beneficiaryTable } from '../../../main/registry/synced-tables';
import { mismatchTable } from '../../../main/identity/synced-tables';
import { verifyField } from '../../../main/identity/verification';

export const LEADER = { username: 'lanhdao', password: 'lanhdao123!' } as const;

const [path, people] = process.argv.slice(2);
if (!path || !/^\d+$/.test(people ?? '')) {
  console.error('usage: make-payout-database.ts PATH PEOPLE');
  process.exit(2);
}

const db = openDatabase({ path, migrationsFolder: migrationsDir(), create: true });
try {
  seedDemo(db, { people: Number(people) });
  const unitId = readMeta(db, 'office.unitId')!;
  const clerk = db.sqlite.prepare("SELECT id FROM users WHERE username = 'canbo'").pluck().get() as string;
  const everyone = db.sqlite.prepare('SELECT id, full_name AS fullName, id_number AS idNumber, village, birth, sex FROM beneficiaries WHERE deleted = 0 ORDER BY sort_key')
    .all() as { id: string; fullName: string; idNumber: string | null; village: string | null; birth: string | null; sex: string | null }[];
  const withId = everyone.filter((p) => p.idNumber);
  const [twice, spelled, missing, probable] = withId;
  const result = runCommand(db, { userId: clerk, origin: 'cli' }, 'fixture', (w) => {
    w.insert(userTable, { username: LEADER.username, displayName: 'Phạm Văn Duyệt', passwordHash: hashPassword(LEADER.password), role: 'commune-leader', unitIds: JSON.stringify([unitId]) });
    for (const p of withId) verifyField(w, p.id, 'idNumber', { source: 'chip', userId: clerk });
    const copy = w.insert(beneficiaryTable, { unitId, fullName: twice.fullName, idNumber: twice.idNumber, village: 'Thôn Mới', birth: twice.birth, sex: twice.sex,
      categoryGroup: 'BTXH', categoryLabel: 'Người cao tuổi' });
    // The same person again without an ID number, in another village: a probable pair, never merged by itself.
    w.insert(beneficiaryTable, { unitId, fullName: probable.fullName, idNumber: null, village: probable.village === 'Thôn Đông' ? 'Thôn Tây' : 'Thôn Đông',
      birth: probable.birth, sex: probable.sex, categoryGroup: 'BTXH', categoryLabel: 'Người cao tuổi' });
    const at = new Date().toISOString();
    w.insert(mismatchTable, { beneficiaryId: spelled.id, source: 'population', kind: 'differs', field: 'fullName', recordValue: spelled.fullName,
      sourceValue: spelled.fullName.toUpperCase(), difference: 'spelling', status: 'open', createdAt: at });
    w.insert(mismatchTable, { beneficiaryId: missing.id, source: 'population', kind: 'not-found', status: 'open', createdAt: at });
    return { copy };
  }).result;
  console.log(JSON.stringify({ people: everyone.length, twice: { id: twice.id, copy: result.copy, fullName: twice.fullName }, spelled: spelled.fullName, missing: missing.fullName, probable: probable.fullName }));
} finally {
  db.close();
}
