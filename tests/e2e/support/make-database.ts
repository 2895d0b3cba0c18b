// Creates a demo database with many beneficiaries (default 100,000) for the list's scrolling test:
// `npx tsx tests/e2e/support/large-demo.ts PATH [PEOPLE]`. Uses the same seeding the `ansinh demo` command uses.
import { openDatabase } from '../../../main/core/database/open-database';
import { migrationsDir } from '../../../main/core/app-paths';
import { seedDemo } from '../../../main/demo/seed-demo';

const [path, people = '100000'] = process.argv.slice(2);
if (!path) {
  console.error('usage: large-demo.ts PATH [PEOPLE]');
  process.exit(2);
}
const db = openDatabase({ path, migrationsFolder: migrationsDir(), create: true });
try {
  const result = seedDemo(db, { people: Number(people) });
  console.log(JSON.stringify({ people: result.people }));
} finally {
  db.close();
}
