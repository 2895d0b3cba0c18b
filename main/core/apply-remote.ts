import type { AppDatabase } from './database/open-database';
import { readMeta, writeMeta } from './database/meta';
import { formatHlc, parseHlc, receiveHlc } from './clock';
import { cachedStatement } from './statement-cache';
import { fieldVersion, fromSql, insertStatement, toSql } from './write-path';
import { syncedTableByEntity, isLoggedField } from './synced-tables';
import { hasMergeRule, mergeBase, mergeByRule, mergeField, type FieldState, type MergeDecision } from '../../shared/sync/field-merge';
import { insertedValue } from './inserted-row';

// The write path's second door: changes made on another device (pulled from the hub, or read from a receipt
// bundle). Each is applied and appended to the change log in one transaction, like a local change, but keeps its
// origin: device, sequence number, HLC time, command and user. Nothing is overwritten silently: a field changed
// here since the change's base is held for a person (or kept when ours comes from an authority).

export interface RemoteCommand {
  id: string;
  name: string;
  deviceId: string;
  userId: string | null;
  origin: string;
  hlc: string;
}

export interface RemoteEntry {
  deviceId: string;
  seq: number;
  hlc: string;
  commandId: string;
  entity: string;
  entityId: string;
  op: 'insert' | 'update' | 'tombstone';
  field: string | null;
  /** JSON text as logged at the origin (an insert: the whole row, fields this app does not know included). */
  value: string | null;
  base: string | null;
  /** The value the edit replaced at its origin (a list merged by rule): the merge's base. */
  old?: string;
}

/** A change not applied as it came: why, and what this side holds. */
export interface HeldChange {
  entry: RemoteEntry;
  command: RemoteCommand;
  why: Exclude<MergeDecision, 'apply' | 'same'> | 'refused' | 'missing';
  here: FieldState;
  message: string;
}

export interface ApplyReport {
  applied: number;
  /** Already in this device's log: a change arrives at most once. */
  alreadyHeld: number;
  held: HeldChange[];
}

type Row = Record<string, unknown>;

/**
 * Applies changes from elsewhere in origin order, in one transaction. `onHeld` records what was not applied (in the
 * same transaction, so a held change is never lost between the two).
 */
export function applyRemoteChanges(db: AppDatabase, commands: RemoteCommand[], entries: RemoteEntry[], onHeld: (held: HeldChange) => void, now: () => number = Date.now): ApplyReport {
  const byId = new Map(commands.map((c) => [c.id, c]));
  const report: ApplyReport = { applied: 0, alreadyHeld: 0, held: [] };
  const run = db.sqlite.transaction(() => {
    let newest: string | null = null;
    for (const entry of entries) {
      if (st(db, 'SELECT 1 FROM change_log WHERE device_id = ? AND seq = ?').get(entry.deviceId, entry.seq)) {
        report.alreadyHeld += 1;
        continue;
      }
      const command = byId.get(entry.commandId);
      if (!command) throw new Error(`entry ${entry.deviceId}:${entry.seq} names no command of its batch`);
      const replaced: { value: string | null } = { value: null };
      const held = applyOne(db, entry, command, replaced);
      if (held) {
        report.held.push(held);
        onHeld(held);
        continue;
      }
      st(db, 'INSERT OR IGNORE INTO commands (id, name, device_id, user_id, origin, hlc) VALUES (?, ?, ?, ?, ?, ?)')
        .run(command.id, command.name, command.deviceId, command.userId, command.origin, command.hlc);
      // The value replaced here is logged as a local edit logs it: history shows it, and a compact insert's row is rebuilt from it.
      st(db, `INSERT INTO change_log (device_id, seq, hlc, command_id, entity, entity_id, op, field, old_value, new_value, base_rev, base_change)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)`).run(entry.deviceId, entry.seq, entry.hlc, entry.commandId, entry.entity, entry.entityId, entry.op, entry.field,
        replaced.value, entry.value, entry.base);
      report.applied += 1;
      if (!newest || entry.hlc > newest) newest = entry.hlc;
    }
    // Our next timestamp sorts after everything received (an HLC never goes backwards).
    if (newest) {
      const last = readMeta(db, 'hlc.last');
      writeMeta(db, 'hlc.last', formatHlc(receiveHlc(last ? parseHlc(last) : null, parseHlc(newest), now()), db.deviceId));
    }
  });
  run.immediate();
  return report;
}

/** Applies one entry's data; returns why it was held instead, or undefined when applied (or kept as data this app does not know). */
function applyOne(db: AppDatabase, entry: RemoteEntry, command: RemoteCommand, replaced: { value: string | null }): HeldChange | undefined {
  const t = syncedTableByEntity(entry.entity);
  // A table or field of a newer app: the entry is kept in the log as it came (and so passed on), nothing else.
  if (!t) return undefined;
  const hold = (why: HeldChange['why'], here: FieldState, message: string): HeldChange => ({ entry, command, why, here, message });
  const current = st(db, `SELECT * FROM "${t.entity}" WHERE id = ?`).get(entry.entityId) as Row | undefined;
  if (entry.op === 'insert') {
    if (current) return undefined;
    const incoming = JSON.parse(entry.value ?? '{}') as Row;
    const row: Row = { id: entry.entityId, rev: 1, deleted: 0 };
    for (const p of t.columns.keys()) if (isLoggedField(t, p) && incoming[p] !== undefined && !t.secretFields.has(p)) row[p] = incoming[p];
    Object.assign(row, t.derive?.(row));
    const props = [...t.columns.keys()].filter((p) => row[p] !== undefined);
    return guarded(db, () => insertStatement(db, t, props).insert.run(...props.map((p) => toSql(row[p]))), (m) => hold('refused', empty, m));
  }
  const field = entry.field ?? 'deleted';
  if (!t.columns.has(field) || t.secretFields.has(field)) return undefined;
  const state: FieldState = { version: null, value: null, command: null };
  if (!current) return hold('missing', state, 'Hồ sơ chưa có ở máy này.');
  const row = fromSql(t, current);
  state.version = fieldVersion(db, t.entity, entry.entityId, field);
  state.value = JSON.stringify(field === 'deleted' ? row.deleted : row[field] ?? null);
  state.command = state.version ? commandNameOf(db, state.version) : null;
  let value = entry.op === 'tombstone' ? '1' : entry.value;
  let decision = mergeField(state, { base: entry.base, value, command: command.name });
  if (decision === 'conflict' && hasMergeRule(t.entity, field)) {
    // A list changed on both sides (a record's problems): merged item by item, as the hub and the other side merge it.
    value = mergeByRule(t.entity, field, mergeBase(entry.old, baseValue(db, entry.base, field)), state.value, value);
    decision = 'apply';
  }
  if (decision === 'keep') return hold('keep', state, 'Giá trị ở máy này đã được xác thực (thẻ CCCD hoặc đối chiếu dân cư): giữ nguyên.');
  if (decision === 'conflict') return hold('conflict', state, 'Trường này đã được sửa ở cả hai nơi: cần người quyết định.');
  replaced.value = state.value;
  if (decision === 'same') return undefined;
  const next: Row = { ...row, [field]: JSON.parse(value ?? 'null') };
  const derived = Object.entries(t.derive?.(next) ?? {});
  const assignments: [string, unknown][] = [[field, next[field]], ...derived];
  const sql = `UPDATE "${t.entity}" SET ${assignments.map(([p]) => `"${t.columns.get(p)}" = ?`).join(', ')}, rev = rev + 1 WHERE id = ?`;
  return guarded(db, () => st(db, sql).run(...assignments.map(([, v]) => toSql(v)), entry.entityId), (m) => hold('refused', state, m));
}

const empty: FieldState = { version: null, value: null, command: null };

/** The value a field had at entry `base` ("device:seq"), as JSON; null when this device never held that entry. */
function baseValue(db: AppDatabase, base: string | null, field: string): string | null {
  if (!base) return null;
  const at = base.lastIndexOf(':');
  const e = st(db, 'SELECT rowid, op, entity, entity_id, field, new_value FROM change_log WHERE device_id = ? AND seq = ?').get(base.slice(0, at), Number(base.slice(at + 1))) as
    { rowid: number; op: string; entity: string; entity_id: string; field: string | null; new_value: string | null } | undefined;
  if (!e) return null;
  if (e.op !== 'insert') return e.field === field ? e.new_value : null;
  const row = JSON.parse(insertedValue(db.sqlite, { rowid: e.rowid, entity: e.entity, entityId: e.entity_id, value: e.new_value })) as Record<string, unknown>;
  return row[field] === undefined ? null : JSON.stringify(row[field]);
}

/** A change this database's own rules refuse (a locked roster's triggers): held with their message, the rest goes on. */
function guarded(db: AppDatabase, write: () => unknown, refused: (message: string) => HeldChange): HeldChange | undefined {
  db.sqlite.exec('SAVEPOINT remote_change');
  try {
    write();
    db.sqlite.exec('RELEASE remote_change');
    return undefined;
  } catch (e) {
    db.sqlite.exec('ROLLBACK TO remote_change');
    db.sqlite.exec('RELEASE remote_change');
    const text = e instanceof Error ? e.message : String(e);
    return refused(/locked/i.test(text) ? 'Danh sách chi trả đã khóa: không thay đổi từ nơi khác.' : `Máy này từ chối thay đổi: ${text}`);
  }
}

function commandNameOf(db: AppDatabase, version: string): string | null {
  const at = version.lastIndexOf(':');
  return (st(db, 'SELECT c.name FROM change_log l JOIN commands c ON c.id = l.command_id WHERE l.device_id = ? AND l.seq = ?')
    .pluck().get(version.slice(0, at), Number(version.slice(at + 1))) as string | undefined) ?? null;
}

function st(db: AppDatabase, sql: string) {
  return cachedStatement(db.sqlite, sql);
}
