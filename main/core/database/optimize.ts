import type { SqliteConnection } from './open-database';

// The query planner's statistics, kept as SQLite advises for a connection that lives long: `PRAGMA optimize=0x10002`
// when it opens (every table, also those never analysed: an office database never ran ANALYZE), `PRAGMA optimize`
// now and then while it is open and when it closes (tables whose size changed much since). Each is quick: SQLite
// analyses a sample of each index (analysis_limit) and skips tables that did not change.

const OPEN = 'optimize=0x10002';

/** Statistics for every table that has none or whose size changed much: at the opening of the main connection. */
export function optimizeAtOpen(sqlite: SqliteConnection): void {
  runOptimize(sqlite, OPEN);
}

/** Statistics of the tables whose size changed much since they were last analysed (periodically, and at close). */
export function optimizeNow(sqlite: SqliteConnection): void {
  runOptimize(sqlite, 'optimize');
}

/**
 * Runs `PRAGMA optimize` every `everyMs` while the connection is open (the timer never keeps the process alive);
 * returns the stop.
 */
export function keepOptimised(sqlite: SqliteConnection, everyMs = 60 * 60 * 1000): () => void {
  const timer = setInterval(() => {
    if (sqlite.open) optimizeNow(sqlite);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

function runOptimize(sqlite: SqliteConnection, pragma: string): void {
  try {
    sqlite.pragma(pragma);
  } catch {
    // Statistics are an optimisation: a busy database (another connection writing) is analysed next time.
  }
}
