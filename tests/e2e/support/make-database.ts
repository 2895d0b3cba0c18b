// Creates a database for the end-to-end tests that `ansinh demo` does not make:
//   npx tsx tests/e2e/support/make-database.ts PATH PEOPLE [--edits]
// PEOPLE = 0: an empty, migrated database (first start: no administrator yet);
// otherwise the demo commune with that many beneficiaries, seeded the way `ansinh demo` seeds it.
// --edits: then, through the write path, the clerk edits the first person in list order (a manual edit and a
// card verification that leaves a problem), so the detail view has changes, badges and problems to show.
import { openDatabase, type AppDatabase } from '../../../main/core/database/open-database';
import { migrationsDir } from '../../../main/core/app-paths';
import { runCommand } from '../../../main/core/write-path';
import { seedDemo } from '../../../main/demo/seed-demo';
import { beneficiaryTable } from '../../../main/registry/synced-tables';

const [path, people, flag] = process.argv.slice(2);
if (!path || people === undefined || !/^\d+$/.test(people) || (flag !== undefined && flag !== '--edits')) {
  console.error('usage: make-database.ts PATH PEOPLE [--edits]');
  process.exit(2);
}

function editFirstPerson(db: AppDatabase): string {
  const clerk = db.sqlite.prepare("SELECT id FROM users WHERE username = 'canbo'").pluck().get() as string;
  const first = db.sqlite.prepare('SELECT id, full_name AS fullName FROM beneficiaries WHERE deleted = 0 ORDER BY sort_key LIMIT 1').get() as { id: string; fullName: string };
  const actor = { userId: clerk, origin: 'cli' as const };
  runCommand(db, actor, 'manual-edit', (w) => w.update(beneficiaryTable, first.id, { monthlyAmount: 1_500_000, village: 'Xóm Mới' }));
  runCommand(db, actor, 'card-verification', (w) => w.update(beneficiaryTable, first.id, {
    verified: { fullName: 'chip', birth: 'chip' },
    problems: [{ field: 'permanentAddress', code: 'address-differs', message: 'Địa chỉ thường trú khác với thẻ căn cước.' }],
  }));
  return first.fullName;
}

const db = openDatabase({ path, migrationsFolder: migrationsDir(), create: true });
try {
  const seeded = Number(people) > 0 ? seedDemo(db, { people: Number(people) }).people : 0;
  const edited = flag === '--edits' ? editFirstPerson(db) : null;
  console.log(JSON.stringify({ people: seeded, edited }));
} finally {
  db.close();
}
