import { createServices } from '../../../main/app/services';
import { undoCommand } from '../../../main/core/write-path';

// The process the crash harness kills (bundled by the harness, as the Electron door bundles the services):
// the real services on the database, running one long command until it ends or is SIGKILLed — an import of the
// workbook, the month's roster, a hand edit of a selection (every active person stopped, one command), the undo
// of that edit, the undo of the last import, or a sync with the province hub (push, then pull; the third argument is
// then the hub's address). Prints "open" once the database is open and "done" when the command has returned.
// No top-level await: the harness bundles this file as CommonJS.

/** The month the roster is made for: fixed, so that every run (reference and killed) makes the same lines. */
const PERIOD = '2026-11';

async function main(): Promise<void> {
  const [dbPath, job, file] = process.argv.slice(2);
  const services = createServices({ dbPath, create: false, quiet: true, syncBackground: false });
  process.stdout.write('open\n');
  const actor = { userId: null, origin: 'system' as const };
  const sqlite = services.db.sqlite;
  const lastCommand = (name: string) => sqlite.prepare(`SELECT id FROM commands WHERE name = ? AND reverts IS NULL
    AND id NOT IN (SELECT reverts FROM commands WHERE reverts IS NOT NULL) ORDER BY rowid DESC LIMIT 1`).pluck().get(name) as string;
  if (job === 'import') {
    await services.importCommits.commit(actor, file); // in its worker thread, as the app does
  } else if (job === 'roster') {
    services.payout.create(actor, { unitIds: null }, PERIOD);
  } else if (job === 'edit') {
    const ids = sqlite.prepare("SELECT id FROM beneficiaries WHERE deleted = 0 AND status = 'active'").pluck().all() as string[];
    const outcome = services.registry.changeStatus(actor, { unitIds: null }, { ids, status: 'stopped', date: '01/11/2026', reason: 'Tạm dừng để rà soát', baseRev: null });
    if (outcome.outcome !== 'saved') throw new Error(`the hand edit was refused: ${JSON.stringify(outcome)}`);
  } else if (job === 'sync') {
    // Small batches: more moments between one acknowledged batch and the next.
    await services.sync.now({ viaUrl: file, batchEntries: 250 });
  } else if (job === 'undo-edit') {
    undoCommand(services.db, actor, lastCommand('status-change'));
  } else {
    undoCommand(services.db, actor, lastCommand('import')); // the undo engine itself: who may undo is not what is tested here
  }
  await services.close();
  process.stdout.write('done\n');
}

void main();
