import type { AppDatabase } from '../core/database/open-database';
import { cachedStatement } from '../core/statement-cache';
import { insertedValue } from '../core/inserted-row';
import { syncedTableByEntity } from '../core/synced-tables';
import { LOCAL_ONLY_ENTITIES, PROTOCOL_VERSION, batchIdOf, type PushBatch, type WireCommand, type WireEntry } from '../../shared/sync/protocol';
import { hasMergeRule } from '../../shared/sync/field-merge';
import './known-tables'; // secrets (users' password hashes) and compact inserts need every synced table known here

// The outbox is the change log itself: this device's entries after the last one the hub acknowledged.

interface LogRow {
  rowid: number;
  seq: number;
  hlc: string;
  command_id: string;
  entity: string;
  entity_id: string;
  op: WireEntry['op'];
  field: string | null;
  old_value: string | null;
  new_value: string | null;
  base_change: string | null;
}

/** This device's next batch after `after` (at most `limit` entries), or null when nothing is pending. */
export function outboxBatch(db: AppDatabase, after: number, limit: number): PushBatch | null {
  const rows = cachedStatement(db.sqlite, `SELECT rowid, seq, hlc, command_id, entity, entity_id, op, field, old_value, new_value, base_change
    FROM change_log WHERE device_id = ? AND seq > ? ORDER BY seq LIMIT ?`).all(db.deviceId, after, limit) as LogRow[];
  if (rows.length === 0) return null;
  const entries: WireEntry[] = [];
  for (const r of rows) {
    const entry = travelling(db, r);
    if (entry) entries.push(entry);
  }
  const ids = [...new Set(entries.map((e) => e.command))];
  const commands = ids.length ? (cachedStatement(db.sqlite, `SELECT id, name, user_id AS user, origin, hlc FROM commands WHERE id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as WireCommand[]) : [];
  const upTo = rows[rows.length - 1].seq;
  return { v: PROTOCOL_VERSION, batchId: batchIdOf(db.deviceId, after, upTo), device: db.deviceId, after, upTo, commands, entries };
}

/** This device's entries the hub has not acknowledged and that will travel (local-only tables' never do). */
export function pendingCount(db: AppDatabase, after: number): number {
  return cachedStatement(db.sqlite, 'SELECT count(*) FROM change_log WHERE device_id = ? AND seq > ? AND entity NOT IN (SELECT value FROM json_each(?))')
    .pluck().get(db.deviceId, after, JSON.stringify([...LOCAL_ONLY_ENTITIES])) as number;
}

/**
 * The entry as it leaves the device: secrets (users' password hashes) never do, not even as '***', and neither does
 * anything of a local-only table (clinic visits: health data). The batch's `upTo` still covers what stayed behind.
 */
function travelling(db: AppDatabase, r: LogRow): WireEntry | null {
  if (LOCAL_ONLY_ENTITIES.has(r.entity)) return null;
  const secrets = syncedTableByEntity(r.entity)?.secretFields;
  // An import's inserts are logged without a copy of the row: the row as inserted travels all the same, every field.
  let value = r.op === 'insert' ? insertedValue(db.sqlite, { rowid: r.rowid, entity: r.entity, entityId: r.entity_id, value: r.new_value }) : r.new_value;
  if (secrets?.size) {
    if (r.op !== 'insert' && r.field && secrets.has(r.field)) return null;
    if (r.op === 'insert' && value) {
      const row = JSON.parse(value) as Record<string, unknown>;
      for (const s of secrets) delete row[s];
      value = JSON.stringify(row);
    }
  }
  const entry: WireEntry = { seq: r.seq, hlc: r.hlc, command: r.command_id, entity: r.entity, id: r.entity_id, op: r.op, field: r.field, value, base: r.base_change };
  // A list merged item by item travels with the value it replaced here: the other sides' merge base.
  if (r.op === 'update' && r.field && r.old_value !== null && hasMergeRule(r.entity, r.field)) entry.old = r.old_value;
  return entry;
}
