import { createServices } from '../../../main/app/services';
import { undoCommand } from '../../../main/core/write-path';

// The process the crash harness kills (bundled by the harness, as the Electron door bundles the services):
// the real services on the database, running one long command — an import of the workbook, or the undo of
// the last import — until it ends or is SIGKILLed. Prints "open" once the database is open and "done" when
// the command has returned.
// No top-level await: the harness bundles this file as CommonJS.

async function main(): Promise<void> {
  const [dbPath, job, file] = process.argv.slice(2);
  const services = createServices({ dbPath, create: false, quiet: true });
  process.stdout.write('open\n');
  const actor = { userId: null, origin: 'system' as const };
  if (job === 'import') {
    await services.importCommits.commit(actor, file); // in its worker thread, as the app does
  } else {
    const last = services.db.sqlite.prepare("SELECT id FROM commands WHERE name = 'import' AND id NOT IN (SELECT reverts FROM commands WHERE reverts IS NOT NULL) ORDER BY rowid DESC LIMIT 1").pluck().get() as string;
    undoCommand(services.db, actor, last); // the undo engine itself: who may undo is not what is tested here
  }
  await services.close();
  process.stdout.write('done\n');
}

void main();
