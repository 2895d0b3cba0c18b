import type Database from 'better-sqlite3';

// The database file is memory-mapped for the list's type-ahead, which reads scattered pages of a big register.
// A read of a whole table (every person for duplicate detection, for the month's roster) through the map would
// leave every page it touched in the process's memory until the map is dropped: hundreds of megabytes for a
// province's register. Such reads go through SQLite's own page cache instead, which keeps its fixed size.

/** Runs `work` with the file unmapped (the pages the map held are let go), then maps it again as it was. */
export function withoutMemoryMap<T>(sqlite: Database.Database, work: () => T): T {
  const size = sqlite.pragma('mmap_size', { simple: true }) as number;
  if (!size) return work();
  sqlite.pragma('mmap_size = 0');
  try {
    return work();
  } finally {
    sqlite.pragma(`mmap_size = ${size}`);
  }
}
