import type Database from 'better-sqlite3';

// Preparing a statement parses and plans it each time: for the list's and the record's queries (a recursive unit
// scope, joins, json_each) that cost as much as running them. Statements on the hot paths are prepared once per
// connection and kept, the least recently used dropped beyond CAPACITY (queries built with a varying number of
// parameters would otherwise keep adding).
const CAPACITY = 300;
const caches = new WeakMap<Database.Database, Map<string, Database.Statement<unknown[]>>>();

/** The statement for `sql` on this connection, prepared once; handed back with its default modes (not plucked, not raw). */
export function cachedStatement(sqlite: Database.Database, sql: string): Database.Statement<unknown[]> {
  let cache = caches.get(sqlite);
  if (!cache) caches.set(sqlite, (cache = new Map()));
  let stmt = cache.get(sql);
  if (stmt) {
    cache.delete(sql); // to the newest end
    // A caller's pluck()/raw() stays on the statement: undone, so that each caller chooses its own.
    if (stmt.reader) stmt.raw(false).pluck(false).expand(false);
  } else {
    stmt = sqlite.prepare<unknown[]>(sql);
    if (cache.size >= CAPACITY) cache.delete(cache.keys().next().value!);
  }
  cache.set(sql, stmt);
  return stmt;
}
