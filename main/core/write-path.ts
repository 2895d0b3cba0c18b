import { timeOrderedId as timeOrderedUuid } from './time-ordered-id';
import type Database from 'better-sqlite3';
import type { AppDatabase } from './database/open-database';
import { nextLocalHlc } from './hlc-store';
import { AppError } from './errors';
import { cachedStatement } from './statement-cache';
import { isLoggedField, syncedTableByEntity, type SyncedTable } from './synced-tables';

export type Origin = 'electron' | 'host' | 'cli' | 'system';

/** Who is acting and through which door. The device comes from the database itself. */
export interface Actor {
  userId: string | null;
  origin: Origin;
}

export interface CommandResult<T> {
  commandId: string;
  result: T;
  changes: number;
}

type Row = Record<string, unknown>;

/**
 * The only way to change synced data. Every insert, update and tombstone is applied and appended to the
 * change log (who, HLC time, device, entity, field, before, after, the row revision it was edited from)
 * in the same transaction, under one command that says why.
 */
export class Writer {
  private entries = 0;
  /** Rows this command has already updated: their revision goes up once per command, not once per field change. */
  private readonly updated = new Set<string>();
  /** Bulk commands: per-row index triggers dropped for now, and the last rowid already in each such index. */
  private readonly deferred = new Map<SyncedTable, { triggerSql: string[]; indexedUpTo: number; pending: boolean }>();
  summary: Record<string, unknown> | undefined;

  constructor(
    private readonly db: AppDatabase,
    readonly commandId: string,
    private readonly hlc: string,
    private seq: number,
    private readonly bulk = false,
  ) {}

  get changes(): number {
    return this.entries;
  }

  get(t: SyncedTable, id: string): Row | undefined {
    const raw = statement(this.db, `SELECT * FROM "${t.entity}" WHERE id = ?`).get(id) as Row | undefined;
    return raw && fromSql(t, raw);
  }

  insert(t: SyncedTable, values: Row): string {
    // Time-ordered (v7) ids: still unique across devices, but new rows land at the end of the id indexes
    // instead of at random pages, which keeps a 100,000-row import's index writes in the page cache.
    const id = (values.id as string | undefined) ?? timeOrderedUuid();
    if (this.bulk && t.bulkIndex) this.deferIndex(t);
    // The row is read field by field from what was given, what derives from it and the system fields, instead of
    // being copied into one object: an import's 100,000 copies (and their growing shapes) cost more than SQLite's work.
    const derived = t.derive?.(values);
    const row = (p: string): unknown => (derived && p in derived ? derived[p] : p === 'id' ? id : p === 'rev' ? 1 : p === 'deleted' ? 0 : values[p]);
    const { insert, props, logged: loggedProps } = insertStatementFor(this.db, t, row);
    const params: unknown[] = new Array(props.length);
    for (let i = 0; i < props.length; i++) params[i] = toSql(row(props[i]));
    insert.run(params);
    if (this.bulk) {
      // The compact form (inserted-row.ts): the row is in its table, later changes log what they replace; a copy of
      // every row in the log would double an import's writing (90 MB of log for 100,000 people).
      this.append(t.entity, id, 'insert', null, null, null, null);
      return id;
    }
    const logged: Row = {};
    for (const p of loggedProps) {
      const v = row(p);
      if (v !== null) logged[p] = t.secretFields.has(p) ? '***' : v;
    }
    // Not remembered in `updated`: an import inserts hundreds of thousands of rows in one command.
    this.append(t.entity, id, 'insert', null, null, JSON.stringify(logged), null);
    return id;
  }

  /** Applies the fields of `patch` that differ from the stored row; returns the names of the changed fields. */
  update(t: SyncedTable, id: string, patch: Row): string[] {
    this.catchUpIndex(t, id);
    const current = this.get(t, id);
    if (!current) throw new AppError('record-missing', 'Không tìm thấy bản ghi cần sửa.', `No ${t.entity} with this id.`);
    const changed = Object.keys(patch).filter((p) => t.columns.has(p) && isLoggedField(t, p) && patch[p] !== undefined && !sameValue(current[p], patch[p]));
    if (changed.length === 0) return [];
    const next: Row = { ...current };
    for (const p of changed) next[p] = patch[p];
    // Derived columns are written only when they change: each one written rewrites the entries of every index (and
    // fires every trigger) on it, although a village edit leaves the name's search and sort keys as they were.
    const derived = Object.entries(t.derive?.(next) ?? {}).filter(([p, v]) => !sameValue(current[p], v));
    const bump = this.updated.has(`${t.entity}:${id}`) ? 0 : 1;
    const assignments: [string, unknown][] = [...changed.map((p) => [p, patch[p]] as [string, unknown]), ...derived, ['rev', (current.rev as number) + bump]];
    const sql = `UPDATE "${t.entity}" SET ${assignments.map(([p]) => `"${t.columns.get(p)}" = ?`).join(', ')} WHERE id = ?`;
    statement(this.db, sql).run(...assignments.map(([, v]) => toSql(v)), id);
    for (const p of changed) {
      const secret = t.secretFields.has(p);
      this.append(t.entity, id, 'update', p, secret ? '"***"' : JSON.stringify(current[p] ?? null), secret ? '"***"' : JSON.stringify(patch[p] ?? null), current.rev as number,
        fieldVersion(this.db, t.entity, id, p));
    }
    this.updated.add(`${t.entity}:${id}`);
    return changed;
  }

  /**
   * A person's decision on a field changed on two devices: the field takes `value` (theirs, or ours again), logged even
   * when it holds it already, with the other side's change as its base: every device that took that change takes this
   * one after it, so all of them end on the decided value.
   */
  settle(t: SyncedTable, id: string, field: string, value: unknown, base: string): void {
    this.catchUpIndex(t, id);
    const current = this.get(t, id);
    if (!current) throw new AppError('record-missing', 'Không tìm thấy bản ghi cần sửa.', `No ${t.entity} with this id.`);
    if (!t.columns.has(field) || !isLoggedField(t, field) || t.secretFields.has(field)) throw new Error(`cannot settle ${t.entity}.${field}`);
    const next: Row = { ...current, [field]: value };
    const derived = Object.entries(t.derive?.(next) ?? {}).filter(([p, v]) => !sameValue(current[p], v));
    const bump = this.updated.has(`${t.entity}:${id}`) ? 0 : 1;
    const assignments: [string, unknown][] = [[field, value], ...derived, ['rev', (current.rev as number) + bump]];
    statement(this.db, `UPDATE "${t.entity}" SET ${assignments.map(([p]) => `"${t.columns.get(p)}" = ?`).join(', ')} WHERE id = ?`).run(...assignments.map(([, v]) => toSql(v)), id);
    this.append(t.entity, id, 'update', field, JSON.stringify(current[field] ?? null), JSON.stringify(value ?? null), current.rev as number, base);
    this.updated.add(`${t.entity}:${id}`);
  }

  /** Synced records are never hard-deleted: a tombstone travels like any other change. */
  tombstone(t: SyncedTable, id: string): void {
    this.catchUpIndex(t, id);
    const current = this.get(t, id);
    if (!current || current.deleted) return;
    const base = fieldVersion(this.db, t.entity, id, 'deleted');
    statement(this.db, `UPDATE "${t.entity}" SET deleted = 1, rev = rev + 1 WHERE id = ?`).run(id);
    this.append(t.entity, id, 'tombstone', 'deleted', '0', '1', current.rev as number, base);
  }

  restore(t: SyncedTable, id: string): void {
    this.catchUpIndex(t, id);
    const current = this.get(t, id);
    if (!current || !current.deleted) return;
    const base = fieldVersion(this.db, t.entity, id, 'deleted');
    statement(this.db, `UPDATE "${t.entity}" SET deleted = 0, rev = rev + 1 WHERE id = ?`).run(id);
    this.append(t.entity, id, 'update', 'deleted', '1', '0', current.rev as number, base);
  }

  /** Puts back every trigger a bulk command dropped, after adding the rows inserted since to its index. */
  finish(): void {
    for (const [t, state] of this.deferred) {
      this.catchUpIndex(t);
      for (const sql of state.triggerSql) this.db.sqlite.exec(sql);
    }
    this.deferred.clear();
  }

  // Dropping a trigger inside the command's transaction is undone with it if the command fails: the schema
  // never stays without the trigger.
  private deferIndex(t: SyncedTable): void {
    const state = this.deferred.get(t);
    if (state) {
      state.pending = true;
      return;
    }
    const bulkIndex = t.bulkIndex!;
    const triggerSql = bulkIndex.triggers.map((trigger) => {
      const sql = statement(this.db, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck().get(trigger) as string | undefined;
      if (!sql) throw new Error(`trigger ${trigger} of ${t.entity} is missing`);
      return sql;
    });
    const indexedUpTo = statement(this.db, `SELECT coalesce(max(rowid), 0) FROM "${t.entity}"`).pluck().get() as number;
    for (const trigger of bulkIndex.triggers) this.db.sqlite.exec(`DROP TRIGGER "${trigger}"`);
    this.deferred.set(t, { triggerSql, indexedUpTo, pending: true });
  }

  /**
   * Before a row inserted by this bulk command is changed, its index entry must exist: the update trigger
   * removes the old entry first. Rows older than the command are in the index already.
   */
  private catchUpIndex(t: SyncedTable, changing?: string): void {
    const state = this.deferred.get(t);
    if (!state?.pending) return;
    if (changing !== undefined) {
      const rowid = statement(this.db, `SELECT rowid FROM "${t.entity}" WHERE id = ?`).pluck().get(changing) as number | undefined;
      if (rowid === undefined || rowid <= state.indexedUpTo) return;
    }
    for (const sql of t.bulkIndex!.catchUp) statement(this.db, sql).run(state.indexedUpTo);
    state.indexedUpTo = statement(this.db, `SELECT coalesce(max(rowid), 0) FROM "${t.entity}"`).pluck().get() as number;
    state.pending = false;
  }

  private append(entity: string, entityId: string, op: string, field: string | null, oldValue: string | null, newValue: string | null, baseRev: number | null,
    baseChange: string | null = null): void {
    this.seq += 1;
    this.entries += 1;
    statement(this.db, `INSERT INTO change_log (device_id, seq, hlc, command_id, entity, entity_id, op, field, old_value, new_value, base_rev, base_change)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(this.db.deviceId, this.seq, this.hlc, this.commandId, entity, entityId, op, field, oldValue, newValue, baseRev, baseChange);
  }
}

export function runCommand<T>(
  db: AppDatabase,
  actor: Actor,
  name: string,
  work: (w: Writer) => T,
  options: {
    reverts?: string;
    now?: () => number;
    /**
     * Many inserts (an import): per-row index triggers give way to one catch-up statement at the end, and each insert
     * is logged in the compact form (no copy of the row: main/core/inserted-row.ts).
     */
    bulk?: boolean;
  } = {},
): CommandResult<T> {
  const commandId = timeOrderedUuid();
  const run = db.sqlite.transaction(() => {
    const hlc = nextLocalHlc(db, (options.now ?? Date.now)());
    const lastSeq = statement(db, 'SELECT coalesce(max(seq), 0) FROM change_log WHERE device_id = ?').pluck().get(db.deviceId) as number;
    const writer = new Writer(db, commandId, hlc, lastSeq, options.bulk);
    const result = work(writer);
    writer.finish();
    statement(db, 'INSERT INTO commands (id, name, device_id, user_id, origin, hlc, summary, reverts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(commandId, name, db.deviceId, actor.userId, actor.origin, hlc, writer.summary ? JSON.stringify(writer.summary) : null, options.reverts ?? null);
    return { commandId, result, changes: writer.changes };
  });
  if (!options.bulk) return run.immediate();
  // A bulk command's pages are mostly ones it writes once, which spill to the WAL when the cache is full: half the
  // reading cache costs a 500,000-row import no time and ≈60 MB of its peak memory (a quarter cost 100,000 rows 8 %).
  const cacheSize = db.sqlite.pragma('cache_size', { simple: true }) as number;
  db.sqlite.pragma(`cache_size = ${BULK_CACHE_SIZE}`);
  try {
    return run.immediate();
  } finally {
    db.sqlite.pragma(`cache_size = ${cacheSize}`);
  }
}

/** In KiB, as SQLite's `cache_size` takes a negative figure. */
const BULK_CACHE_SIZE = -32768;

export interface UndoReport {
  reverted: number;
  /** Fields changed again since the command ('*': a record it created, changed since): left as they are, for a person to decide. */
  conflicts: { entity: string; entityId: string; field: string }[];
}

/** Undo a whole command (e.g. an import) as a new command that reverses each of its changes still in place. */
export function undoCommand(db: AppDatabase, actor: Actor, commandId: string): CommandResult<UndoReport> {
  const command = statement(db, 'SELECT id, name FROM commands WHERE id = ?').get(commandId);
  if (!command) throw new AppError('command-missing', 'Không tìm thấy thao tác cần hoàn tác.', 'No such command.');
  if (statement(db, 'SELECT 1 FROM commands WHERE reverts = ?').get(commandId)) {
    throw new AppError('already-undone', 'Thao tác này đã được hoàn tác rồi.', 'This command was already undone.');
  }
  const entries = statement(db, 'SELECT entity, entity_id, op, field, old_value, new_value FROM change_log WHERE command_id = ? ORDER BY seq DESC')
    .all(commandId) as { entity: string; entity_id: string; op: string; field: string | null; old_value: string | null; new_value: string | null }[];
  return runCommand(db, actor, 'undo', (w) => {
    const report: UndoReport = { reverted: 0, conflicts: [] };
    for (const e of entries) {
      const t = syncedTableByEntity(e.entity);
      if (!t) continue;
      const current = w.get(t, e.entity_id);
      if (!current) continue;
      if (e.op === 'insert') {
        if (!current.deleted && editedSince(db, e.entity, e.entity_id, commandId)) {
          // A record created by the command and changed by someone since is kept, for a person to decide.
          report.conflicts.push({ entity: e.entity, entityId: e.entity_id, field: '*' });
        } else if (!current.deleted) {
          w.tombstone(t, e.entity_id);
          report.reverted += 1;
        }
      } else if (e.op === 'tombstone') {
        w.restore(t, e.entity_id);
        report.reverted += 1;
      } else if (e.field && !t.secretFields.has(e.field)) {
        if (sameValue(current[e.field], JSON.parse(e.new_value ?? 'null'))) {
          w.update(t, e.entity_id, { [e.field]: JSON.parse(e.old_value ?? 'null') });
          report.reverted += 1;
        } else {
          report.conflicts.push({ entity: e.entity, entityId: e.entity_id, field: e.field });
        }
      }
    }
    w.summary = { undoOf: commandId, ...report, conflicts: report.conflicts.length };
    return report;
  }, { reverts: commandId });
}

/** Whether another command that still stands (neither an undo nor undone) changed this record. */
function editedSince(db: AppDatabase, entity: string, entityId: string, commandId: string): boolean {
  return statement(db, `SELECT 1 FROM change_log l JOIN commands c ON c.id = l.command_id
    WHERE l.entity = ? AND l.entity_id = ? AND l.command_id <> ? AND c.reverts IS NULL
      AND NOT EXISTS (SELECT 1 FROM commands r WHERE r.reverts = c.id) LIMIT 1`).get(entity, entityId, commandId) !== undefined;
}

/**
 * The entry ("device:seq") that set the value a field holds here: the last one applied on this device for the
 * field, or the insert that created the record. Sync compares it with a change's base (shared/sync/field-merge.ts):
 * unlike the row's revision, it names the same thing on every device. Entries are applied in rowid order, which the
 * (entity, entity_id) index keeps, so the newest is found without a sort.
 */
export function fieldVersion(db: AppDatabase, entity: string, entityId: string, field: string): string | null {
  const row = statement(db, `SELECT device_id, seq FROM change_log WHERE entity = ? AND entity_id = ? AND (field = ? OR op = 'insert')
    ORDER BY rowid DESC LIMIT 1`).get(entity, entityId, field) as { device_id: string; seq: number } | undefined;
  return row ? `${row.device_id}:${row.seq}` : null;
}

function statement(db: AppDatabase, sql: string): Database.Statement<unknown[]> {
  return cachedStatement(db.sqlite, sql);
}

const insertStatements = new WeakMap<AppDatabase, Map<string, { insert: Database.Statement<unknown[]>; logged: string[] }>>();

const insertsByPresence = new WeakMap<AppDatabase, Map<SyncedTable, Map<number | string, { insert: Database.Statement<unknown[]>; props: string[]; logged: string[] }>>>();

/**
 * The INSERT for the properties `row` holds, found by which of the table's columns are present (a number for
 * up to 52 columns): an import inserts hundreds of thousands of rows, and joining their names into a key for
 * each one cost more than SQLite's own work on the row.
 */
function insertStatementFor(db: AppDatabase, t: SyncedTable, row: (prop: string) => unknown) {
  let byTable = insertsByPresence.get(db);
  if (!byTable) insertsByPresence.set(db, (byTable = new Map()));
  let cache = byTable.get(t);
  if (!cache) byTable.set(t, (cache = new Map()));
  const columns = t.columnProps;
  let key: number | string = 0;
  if (columns.length <= 52) {
    for (let i = 0, bit = 1; i < columns.length; i++, bit *= 2) if (row(columns[i]) !== undefined) key += bit;
  } else {
    key = columns.map((p) => (row(p) !== undefined ? '1' : '0')).join('');
  }
  let entry = cache.get(key);
  if (!entry) {
    const props = columns.filter((p) => row(p) !== undefined);
    entry = { ...insertStatement(db, t, props), props };
    cache.set(key, entry);
  }
  return entry;
}

/** The INSERT for one table and one set of properties, and which of them the change log records. */
export function insertStatement(db: AppDatabase, t: SyncedTable, props: string[]) {
  let cache = insertStatements.get(db);
  if (!cache) insertStatements.set(db, (cache = new Map()));
  const key = `${t.entity}|${props.join(',')}`;
  let entry = cache.get(key);
  if (!entry) {
    const sql = `INSERT INTO "${t.entity}" (${props.map((p) => `"${t.columns.get(p)}"`).join(',')}) VALUES (${props.map(() => '?').join(',')})`;
    entry = { insert: db.sqlite.prepare<unknown[]>(sql), logged: props.filter((p) => isLoggedField(t, p)) };
    cache.set(key, entry);
  }
  return entry;
}

export function fromSql(t: SyncedTable, raw: Row): Row {
  const row: Row = {};
  for (const [prop, col] of t.columns) row[prop] = raw[col];
  return row;
}

export function toSql(v: unknown): unknown {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return v ?? null;
}

export function sameValue(a: unknown, b: unknown): boolean {
  return (a ?? null) === (toSql(b) ?? null);
}
