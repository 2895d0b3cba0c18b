import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, sameInstanceOptions } from '../../../../main/core/database/open-database';
import { migrationsDir, projectRoot } from '../../../../main/core/app-paths';
import { tempDir } from '../../../support/temp-database';

// One instance per database file, without `locking_mode = EXCLUSIVE` (which would shut out the instance's own
// worker threads): another process is refused, a killed one leaves no stale lock, and the instance's own
// second connection reads while the first writes.

const { dir, cleanup } = tempDir('ansinh-instance-lock-');
afterAll(cleanup);
const path = join(dir, 'office.db');
const open = () => openDatabase({ path, migrationsFolder: migrationsDir(), create: true });

/** Another process that opens the database and keeps it open until killed. */
function otherInstance(): Promise<{ kill: () => Promise<void> }> {
  const script = `import { openDatabase } from './main/core/database/open-database.ts';
// Held in a global: an unreferenced connection is closed when it is garbage-collected, which would drop the lock.
globalThis.held = openDatabase({ path: ${JSON.stringify(path)}, migrationsFolder: 'migrations' }); console.log('open'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: projectRoot(), stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => String(d).includes('open') && resolve({ kill: () => (child.kill('SIGKILL'), exited) }));
    child.once('exit', (code) => reject(new Error(`the other instance exited (${code})`)));
  });
}

describe('the instance lock', () => {
  it('refuses a database another process has open, and is gone when that process is killed', async () => {
    open().close();
    const other = await otherInstance();
    try {
      expect(() => open()).toThrow(expect.objectContaining({ code: 'database-in-use', messageVi: expect.stringMatching(/đang được mở/) }));
    } finally {
      await other.kill();
    }
    expect(existsSync(`${path}.lock`)).toBe(true); // the killed one could not tidy up…
    open().close(); // …but its lock went with it, and a clean close removes the file
    expect(existsSync(`${path}.lock`)).toBe(false);
  }, 60_000);

  it("lets the instance's own second connection read while the first is writing", () => {
    const first = open();
    try {
      const second = openDatabase(sameInstanceOptions(first));
      try {
        expect(second.deviceId).toBe(first.deviceId);
        first.sqlite.exec("BEGIN IMMEDIATE; INSERT INTO meta (key, value) VALUES ('probe', 'uncommitted')");
        expect(second.sqlite.prepare("SELECT count(*) FROM meta WHERE key = 'probe'").pluck().get()).toBe(0);
        first.sqlite.exec('COMMIT');
        expect(second.sqlite.prepare("SELECT value FROM meta WHERE key = 'probe'").pluck().get()).toBe('uncommitted');
      } finally {
        second.close();
      }
      expect(() => open()).toThrow(expect.objectContaining({ code: 'database-in-use' })); // still held by `first`
    } finally {
      first.close();
    }
  });
});
