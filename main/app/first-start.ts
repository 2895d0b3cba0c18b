import { existsSync } from 'node:fs';
import { openDatabase } from '../core/database/open-database';
import { migrationsDir } from '../core/app-paths';
import { seedDemo } from '../demo/seed-demo';

// What the app opens at start. An installed app (and any database named by its path) is an office's: a missing
// database starts empty, at the setup screen, and is never seeded with demo people or users. Only a run from the
// sources on its own default database (`npm start`, `ansinh serve` without --db) starts as the demo commune, so a
// newcomer sees a working app at once.

export type FirstStart = 'open' | 'setup' | 'demo';

export interface StartState {
  /** The database file exists already: it is opened as it is, whatever it holds. */
  databaseExists: boolean;
  /** The installed app (Electron's app.isPackaged), not a run from the sources. */
  packaged: boolean;
  /** The database was named (`--db PATH`, ANSINH_DB), not the app's own default one. */
  pathGiven: boolean;
}

/** The decision alone, from the app's state (pure: the doors and the tests ask it). */
export function firstStartOf(state: StartState): FirstStart {
  if (state.databaseExists) return 'open';
  return state.packaged || state.pathGiven ? 'setup' : 'demo';
}

/**
 * Makes the database the decision asks for: a missing one is created empty (the setup screen follows) or as the
 * demo commune; an existing one is left alone. Answers the decision.
 */
export function prepareDatabase(path: string, state: Omit<StartState, 'databaseExists'>): FirstStart {
  const decision = firstStartOf({ ...state, databaseExists: existsSync(path) });
  if (decision === 'open') return decision;
  const db = openDatabase({ path, migrationsFolder: migrationsDir(), create: true });
  try {
    if (decision === 'demo') seedDemo(db);
  } finally {
    db.close();
  }
  return decision;
}
