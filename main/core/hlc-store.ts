import type { AppDatabase } from './database/open-database';
import { formatHlc, parseHlc, tickHlc } from './clock';
import { readMeta, writeMeta } from './database/meta';

/** Next HLC timestamp of this device, persisted so it never goes backwards across restarts. Call inside a transaction. */
export function nextLocalHlc(db: AppDatabase, nowMs: number): string {
  const last = readMeta(db, 'hlc.last');
  const text = formatHlc(tickHlc(last ? parseHlc(last) : null, nowMs), db.deviceId);
  writeMeta(db, 'hlc.last', text);
  return text;
}
