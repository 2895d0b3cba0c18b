// Creates a database for the end-to-end tests that `ansinh demo` does not make:
//   npx tsx tests/e2e/support/make-database.ts PATH PEOPLE
// PEOPLE = 0: an empty, migrated database (first start: no administrator yet);
// otherwise the demo commune with that many beneficiaries, seeded the way `ansinh demo` seeds it.
import { openDatabase } from '../../../main/core/database/open-database';
import { migrationsDir } from '../../../main/core/app-paths';
import { seedDemo } from '../../../main/demo/seed-demo';

const [path, people] = process.argv.slice(2);
if (!path || people === undefined || !/^\d+$/.test(people)) {
  console.error('usage: make-database.ts PATH PEOPLE');
  process.exit(2);
}
const db = openDatabase({ path, migrationsFolder: migrationsDir(), create: true });
try {
  const seeded = Number(people) > 0 ? seedDemo(db, { people: Number(people) }).people : 0;
  console.log(JSON.stringify({ people: seeded }));
} finally {
  db.close();
}
