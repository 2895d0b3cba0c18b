import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp-database';
import { crashRun } from './crash-harness';

// The short version of the crash harness (the long one: `npm run crash:soak`). The seed changes with every
// run, so that the suite's runs add up to many different kill moments; it is printed for replaying a failure
// (CRASH_SEED=… npx vitest run tests/main/crash).
const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const { dir, cleanup } = tempDir('ansinh-crash-');
afterAll(cleanup);

describe('a SIGKILL at any moment of a long command', () => {
  it('leaves a whole database with the import, the roster, the hand edit or an undo there completely or not at all, and a sync that resumes to where an uninterrupted one ends', async () => {
    console.log(`crash harness seed ${seed} (CRASH_SEED=${seed} to replay)`);
    const summary = await crashRun({ dir, rows: 5_000, seed, kills: 6 });
    console.log(JSON.stringify(summary));
    expect(summary.failures).toEqual([]);
    expect(summary.kills).toBe(6);
    // One kill in each command: the import, the commune's sync with the hub, the roster, the hand edit, its undo, the undo of the import.
    expect(summary.killedDuring).toEqual({ import: 1, sync: 1, roster: 1, edit: 1, 'undo-edit': 1, undo: 1 });
  }, 300_000);
});
