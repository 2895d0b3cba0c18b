import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openDatabase } from '../../../main/core/database/open-database';
import { migrationsDir, projectRoot } from '../../../main/core/app-paths';
import { tableCounts } from '../../../main/core/database/file-swap';
import { hasSqliteHeader } from '../../../main/core/database/sqlite-header';
import { seedDemo } from '../../../main/demo/seed-demo';
import { tempDir } from '../../support/temp-database';
import { seededRandom } from './crash-harness';

// `ansinh db encrypt` killed with SIGKILL at random moments: the next opening (the app's, openDatabase) must find
// either the plain database as it was, or the encrypted one with its key file — never a key file beside a plain
// database, a pending key file or the encrypted copy left lying — and the same rows either way.
const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const PASSPHRASE = 'ABCDE-FGHJK-MNPQR-STVWX-YZ234-56789';
const { dir, cleanup } = tempDir('ansinh-encrypt-crash-');
afterAll(cleanup);

function run(dbPath: string, killAfterMs: number | null): Promise<{ killed: boolean; ms: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/main/crash/encrypt-child.ts', dbPath, PASSPHRASE], { cwd: projectRoot(), stdio: ['ignore', 'pipe', 'inherit'] });
    let started = 0;
    let done = false;
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line === 'start') {
        started = Date.now();
        if (killAfterMs !== null) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
      if (line === 'done') done = true;
    });
    child.on('error', reject);
    child.on('exit', () => resolve({ killed: !done, ms: Date.now() - started }));
  });
}

describe('db encrypt killed at any moment', () => {
  it('leaves the plain database or the encrypted one with its key, whole, with nothing half-done beside it', async () => {
    console.log(`encrypt crash seed ${seed} (CRASH_SEED=${seed} to replay)`);
    const base = join(dir, 'base.db');
    const seeded = openDatabase({ path: base, migrationsFolder: migrationsDir(), create: true });
    seedDemo(seeded, { people: 3000 });
    const expected = tableCounts(seeded.sqlite);
    seeded.close();

    const reference = join(dir, 'reference.db');
    copyFileSync(base, reference);
    const { ms: referenceMs } = await run(reference, null);
    const random = seededRandom(seed);
    const outcomes = { plain: 0, encrypted: 0 };
    for (let kill = 0; kill < 5; kill++) {
      const path = join(dir, `kill-${kill}.db`);
      copyFileSync(base, path);
      const { killed } = await run(path, Math.floor(random() * referenceMs * 1.1));
      const plain = hasSqliteHeader(path);
      const db = openDatabase({ path, migrationsFolder: migrationsDir(), unlock: { passphrase: PASSPHRASE } });
      try {
        expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.encrypted).toBe(!plain);
        const counts = tableCounts(db.sqlite);
        expect({ ...counts, audit_events: 0, sign_in_attempts: 0 }).toEqual({ ...expected, audit_events: 0, sign_in_attempts: 0 });
      } finally {
        db.close();
      }
      expect(existsSync(`${path}.keys.json`)).toBe(!plain);
      // The instance lock's own files (empty, nothing personal; taken over at the next opening) may stay after a kill.
      const leftovers = readdirSync(dir).filter((f) => f.startsWith(`kill-${kill}.db`) && !['', '.keys.json', '-wal', '-shm', '.lock', '.lock-journal'].includes(f.slice(`kill-${kill}.db`.length)));
      expect(leftovers).toEqual([]);
      if (killed) outcomes[plain ? 'plain' : 'encrypted']++;
      for (const f of readdirSync(dir).filter((n) => n.startsWith(`kill-${kill}.db`))) rmSync(join(dir, f), { force: true });
    }
    console.log(JSON.stringify({ seed, referenceMs, outcomes }));
  }, 240_000);
});
