import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const APP_ID = 'ansinh-desk';

export interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

/** The migrations this build knows, in order; the schema version is how many of them exist. */
export function readJournal(migrationsFolder: string): JournalEntry[] {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] };
  return journal.entries;
}
