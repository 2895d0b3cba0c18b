import type { AppDatabase } from './database/open-database';
import { formatHlc, parseHlc, tickHlc } from './clock';

/** Next HLC timestamp of this device, persisted so it never goes backwards across restarts. Call inside a transaction. */
export function nextLocalHlc(db: AppDatabase, nowMs: number): string {
  const last = db.sqlite.prepare("SELECT value FROM meta WHERE key = 'hlc.last'").pluck().get() as string | undefined;
  const text = formatHlc(tickHlc(last ? parseHlc(last) : null, nowMs), db.deviceId);
  db.sqlite.prepare("INSERT INTO meta (key, value) VALUES ('hlc.last', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(text);
  return text;
}
