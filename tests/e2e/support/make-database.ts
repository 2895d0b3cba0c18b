// Creates a database for the end-to-end tests that `ansinh demo` does not make:
//   npx tsx tests/e2e/support/make-database.ts PATH PEOPLE [--edits | --card-person]
// PEOPLE = 0: an empty, migrated database (first start: no administrator yet);
// otherwise the demo commune with that many beneficiaries, seeded the way `ansinh demo` seeds it.
// --edits: then, through the write path, the clerk edits the first person in list order (a manual edit and a
// card verification that leaves a problem), so the detail view has changes, badges and problems to show.
// --card-person: the test chip card's holder is already on the list, with her birth day and month swapped (a typing
// slip the card reveals), so the card screen has a difference to show, queue and accept.
import { readMeta } from '../../../main/core/database/meta';
import { openDatabase, type AppDatabase } from '../../../main/core/database/open-database';
import { migrationsDir } from '../../../main/core/app-paths';
import { runCommand } from '../../../main/core/write-path';
import { seedDemo } from '../../../main/demo/seed-demo';
import { beneficiaryTable } from '../../../main/registry/synced-tables';
import { SAMPLE_PERSON } from '../../card/soft-card/test-person';
import { verifyField } from '../../../main/identity/verification';

const [path, people, flag] = process.argv.slice(2);
if (!path || people === undefined || !/^\d+$/.test(people) || (flag !== undefined && flag !== '--edits' && flag !== '--card-person')) {
  console.error('usage: make-database.ts PATH PEOPLE [--edits | --card-person]');
  process.exit(2);
}

interface EditedPerson {
  id: string;
  fullName: string;
  idNumber: string | null;
  birth: string | null;
}

function editFirstPerson(db: AppDatabase): EditedPerson {
  const clerk = db.sqlite.prepare("SELECT id FROM users WHERE username = 'canbo'").pluck().get() as string;
  const first = db.sqlite.prepare('SELECT id, full_name AS fullName, id_number AS idNumber, birth FROM beneficiaries WHERE deleted = 0 ORDER BY sort_key LIMIT 1')
    .get() as EditedPerson;
  const actor = { userId: clerk, origin: 'cli' as const };
  runCommand(db, actor, 'manual-edit', (w) => w.update(beneficiaryTable, first.id, { monthlyAmount: 1_500_000, village: 'Xóm Mới' }));
  runCommand(db, actor, 'card-verification', (w) => {
    w.update(beneficiaryTable, first.id, { problems: [{ field: 'permanentAddress', code: 'address-differs', message: 'Địa chỉ thường trú khác với thẻ căn cước.' }] });
    for (const field of ['fullName', 'birth']) verifyField(w, first.id, field, { source: 'chip', userId: clerk });
  });
  return first;
}

/** The soft chip's holder (tests/card/soft-card/test-person.ts), born 07/03/1985, entered as 03/07/1985. */
export const CARD_HOLDER_ON_LIST = {
  fullName: SAMPLE_PERSON.fullName, idNumber: SAMPLE_PERSON.idNumber, oldIdNumber: SAMPLE_PERSON.oldIdNumber, birth: '1985-07-03', sex: 'F',
  hometown: SAMPLE_PERSON.hometown, permanentAddress: SAMPLE_PERSON.permanentAddress, ethnicity: SAMPLE_PERSON.ethnicity,
};

function addCardHolder(db: AppDatabase): string {
  const clerk = db.sqlite.prepare("SELECT id FROM users WHERE username = 'canbo'").pluck().get() as string;
  const unitId = readMeta(db, 'office.unitId');
  if (!unitId) throw new Error('the demo database has no office unit');
  runCommand(db, { userId: clerk, origin: 'cli' }, 'manual-edit', (w) => w.insert(beneficiaryTable, {
    ...CARD_HOLDER_ON_LIST, unitId, village: 'Thôn Đông', categoryGroup: 'BTXH', categoryLabel: 'Người khuyết tật nặng', monthlyAmount: 720_000,
  }));
  return CARD_HOLDER_ON_LIST.fullName;
}

const db = openDatabase({ path, migrationsFolder: migrationsDir(), create: true });
try {
  const seeded = Number(people) > 0 ? seedDemo(db, { people: Number(people) }).people : 0;
  const person = flag === '--edits' ? editFirstPerson(db) : null;
  const edited = person?.fullName ?? (flag === '--card-person' ? addCardHolder(db) : null);
  console.log(JSON.stringify({ people: seeded, edited, person }));
} finally {
  db.close();
}
