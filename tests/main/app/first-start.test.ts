import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstStartOf, prepareDatabase, type StartState } from '../../../main/app/first-start';
import { createServices } from '../../../main/app/services';
import { migrationsDir } from '../../../main/core/app-paths';
import { openDatabase } from '../../../main/core/database/open-database';
import { readMeta } from '../../../main/core/database/meta';
import { call } from '../../support/services';
import { tempDir } from '../../support/temp-database';

// What the app opens at start, decided from its state (Electron cannot run here, so its door asks this function):
// the installed app and any named database start at setup, never with demo people; only a run from the sources on
// its own default database starts as the demo commune; an existing database is opened as it is.

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

describe('the first-start decision', () => {
  const cases: [string, StartState, string][] = [
    ['installed app, no database yet', { packaged: true, pathGiven: false, databaseExists: false }, 'setup'],
    ['installed app, a database named by ANSINH_DB', { packaged: true, pathGiven: true, databaseExists: false }, 'setup'],
    ['installed app, its database already there', { packaged: true, pathGiven: false, databaseExists: true }, 'open'],
    ['npm start on the app\'s own database, first time', { packaged: false, pathGiven: false, databaseExists: false }, 'demo'],
    ['ansinh serve --db NEW', { packaged: false, pathGiven: true, databaseExists: false }, 'setup'],
    ['ansinh serve --db EXISTING', { packaged: false, pathGiven: true, databaseExists: true }, 'open'],
  ];
  it.each(cases)('%s', (_name, state, expected) => {
    expect(firstStartOf(state)).toBe(expected);
  });
});

describe('preparing the database', { timeout: 60_000 }, () => {
  it('the installed app creates an empty database whose first screen is the setup, with no demo user or person', async () => {
    const path = join(dir, 'installed.db');
    expect(prepareDatabase(path, { packaged: true, pathGiven: false })).toBe('setup');
    const db = openDatabase({ path, migrationsFolder: migrationsDir() });
    try {
      expect(db.sqlite.prepare('SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM beneficiaries)').pluck().get()).toBe(0);
      expect(readMeta(db, 'demo')).toBeUndefined();
    } finally {
      db.close();
    }
    const services = createServices({ dbPath: path, quiet: true, idleLockMinutes: 15 });
    try {
      expect(await call(services, 'app.info', {})).toMatchObject({ ok: true, output: { needsSetup: true, demo: false } });
    } finally {
      await services.close();
    }
    // A second start opens what the first made.
    expect(prepareDatabase(path, { packaged: true, pathGiven: false })).toBe('open');
  });

  it('a run from the sources on its own database starts as the demo commune', async () => {
    const path = join(dir, 'sources.db');
    expect(prepareDatabase(path, { packaged: false, pathGiven: false })).toBe('demo');
    const services = createServices({ dbPath: path, quiet: true, idleLockMinutes: 15 });
    try {
      expect(await call(services, 'app.info', {})).toMatchObject({ ok: true, output: { needsSetup: false, demo: true } });
    } finally {
      await services.close();
    }
  });

  it('leaves an existing file alone', () => {
    const path = join(dir, 'sources.db');
    expect(existsSync(path)).toBe(true);
    expect(prepareDatabase(path, { packaged: true, pathGiven: true })).toBe('open');
  });
});
