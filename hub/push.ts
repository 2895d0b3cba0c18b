import { LOCAL_ONLY_ENTITIES, REFERENCE_ENTITIES, entryKey, versionProblem, type EntryOutcome, type PushAnswer, type PushBatch, type WireEntry, PROTOCOL_VERSION } from '../shared/sync/protocol';
import { hasMergeRule, mergeBase, mergeByRule, mergeField, type FieldState } from '../shared/sync/field-merge';
import { activeDevice, officeOf, type Office } from './offices';
import { HubRefusal } from './hub-refusal';
import type { HubStore, Sql } from './store';

// A device's batch of change-log entries, applied once: entries at or below what the hub holds of the device are
// acknowledged without being applied again, whoever sends them (a retried request, a bundle imported twice).

/** Tables whose entries the hub never passes on to other offices (kept for "who did what"). */
const OFFICE_LOCAL = new Set(['users']);

/** What the hub says to an older app that still sends a local-only table's entry (its value is not kept). */
export const NOT_KEPT = 'Dữ liệu khám chữa bệnh (lượt tiếp đón, tình trạng BHYT) chỉ ở lại trạm y tế: máy chủ tỉnh không nhận và không lưu.';

interface RecordRow { entity: string; entity_id: string; scope: string; version: string; row_json: string; command_name: string | null }
interface FieldRow { entity: string; entity_id: string; field: string; version: string; value: string | null; command_name: string | null }

export async function applyBatch(store: HubStore, batch: PushBatch): Promise<PushAnswer> {
  const problem = versionProblem(batch?.v);
  if (problem) throw new HubRefusal(400, 'version', problem.vi, problem.en);
  return store.tx(async (sql) => {
    const device = await activeDevice(sql, batch.device, true);
    if (batch.after > device.acked) {
      // Something in between never arrived: the device sends again from what the hub holds.
      throw new HubRefusal(409, 'gap', `Máy chủ tỉnh mới nhận đến thay đổi số ${device.acked}; gói bắt đầu sau số ${batch.after}. Hãy gửi lại từ số ${device.acked + 1}.`,
        `The hub holds up to ${device.acked}; the batch starts after ${batch.after}.`, { acked: device.acked });
    }
    const office = await officeOf(sql, device.office_id);
    const fresh = batch.entries.filter((e) => e.seq > device.acked);
    if (fresh.length) await applyEntries(sql, batch, fresh, office);
    const acked = Math.max(device.acked, batch.upTo);
    await sql.query('UPDATE devices SET acked = $2, last_contact = now(), app_protocol = $3 WHERE id = $1', [device.id, acked, batch.v]);
    const outcomes = await sql.query<{ seq: number; outcome: EntryOutcome; reason: string }>(`SELECT seq, status AS outcome, reason FROM entries
      WHERE device_id = $1 AND seq > $2 AND seq <= $3 AND status <> 'applied' ORDER BY seq`, [device.id, batch.after, batch.upTo]);
    return { v: PROTOCOL_VERSION, acked, outcomes: outcomes.map((o) => ({ ...o, seq: Number(o.seq) })) };
  });
}

async function applyEntries(sql: Sql, batch: PushBatch, fresh: WireEntry[], office: Office): Promise<void> {
  const officeUnit = office.unitId;
  const commandName = new Map(batch.commands.map((c) => [c.id, c.name]));
  if (batch.commands.length) {
    await sql.query(`INSERT INTO commands (id, device_id, name, user_id, origin, hlc)
      SELECT id, $1, name, user_id, origin, hlc FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS c(id, name, user_id, origin, hlc)
      ON CONFLICT (id) DO NOTHING`, [batch.device, batch.commands.map((c) => c.id), batch.commands.map((c) => c.name), batch.commands.map((c) => c.user),
      batch.commands.map((c) => c.origin), batch.commands.map((c) => c.hlc)]);
  }
  // What the hub holds of every record and field the batch touches, in two reads.
  const parentIds = fresh.flatMap((e) => (e.op === 'insert' ? parentsOf(e) : []));
  const recordKeys = [...new Set([...fresh.map((e) => `${e.entity}\u0000${e.id}`), ...parentIds])].map((k) => k.split('\u0000'));
  const records = new Map<string, RecordRow>();
  for (const r of await sql.query<RecordRow>(`SELECT r.* FROM records r JOIN unnest($1::text[], $2::text[]) AS k(entity, entity_id)
      ON r.entity = k.entity AND r.entity_id = k.entity_id FOR UPDATE OF r`, [recordKeys.map((k) => k[0]), recordKeys.map((k) => k[1])])) {
    records.set(`${r.entity}\u0000${r.entity_id}`, r);
  }
  const fieldKeys = fresh.filter((e) => e.op !== 'insert').map((e) => [e.entity, e.id, e.field ?? 'deleted']);
  // A roster's status decides whether it (and its lines) may change.
  for (const e of fresh) {
    const rosterId = e.entity === 'rosters' ? e.id : e.entity === 'roster_lines' ? jsonValue(records.get(`roster_lines\u0000${e.id}`)?.row_json, 'rosterId') : undefined;
    if (typeof rosterId === 'string') fieldKeys.push(['rosters', rosterId, 'status']);
  }
  const fields = new Map<string, FieldRow>();
  if (fieldKeys.length) {
    for (const f of await sql.query<FieldRow>(`SELECT f.* FROM field_state f JOIN unnest($1::text[], $2::text[], $3::text[]) AS k(entity, entity_id, field)
        ON f.entity = k.entity AND f.entity_id = k.entity_id AND f.field = k.field FOR UPDATE OF f`, [fieldKeys.map((k) => k[0]), fieldKeys.map((k) => k[1]), fieldKeys.map((k) => k[2])])) {
      fields.set(`${f.entity}\u0000${f.entity_id}\u0000${f.field}`, f);
    }
  }
  const newRecords = new Map<string, RecordRow>();
  const newFields = new Map<string, FieldRow>();
  const conflicts: { seq: number; entity: string; id: string; field: string | null; theirs: string | null; ours: string | null; oursVersion: string | null; outcome: string; reason: string }[] = [];
  const decided: { e: WireEntry; scope: string; status: EntryOutcome; reason: string | null }[] = [];
  for (const e of fresh) {
    const key = entryKey(batch.device, e.seq);
    const rk = `${e.entity}\u0000${e.id}`;
    const command = commandName.get(e.command) ?? '';
    if (LOCAL_ONLY_ENTITIES.has(e.entity)) {
      // Health data: acknowledged (so it is not sent again) but neither kept nor passed on; only its identity stays.
      decided.push({ e: { ...e, value: null }, scope: officeUnit, status: 'rejected', reason: NOT_KEPT });
      continue;
    }
    if (e.op === 'insert') {
      const existing = records.get(rk);
      const row = safeJson(e.value);
      // The publishing office's reference data goes to every office ('*'); the rest stays in the area it belongs to.
      const scope = existing?.scope ?? (office.publishes && REFERENCE_ENTITIES.has(e.entity) ? '*' : scopeOfInsert(row, records, officeUnit));
      if (!existing) {
        const rec: RecordRow = { entity: e.entity, entity_id: e.id, scope, version: key, row_json: e.value ?? '{}', command_name: command };
        records.set(rk, rec);
        newRecords.set(rk, rec);
      }
      decided.push({ e, scope, status: 'applied', reason: null });
      continue;
    }
    const record = records.get(rk);
    const field = e.field ?? 'deleted';
    const fk = `${rk}\u0000${field}`;
    const held = fields.get(fk);
    const here: FieldState = held ? { version: held.version, value: held.value, command: held.command_name }
      : record ? { version: record.version, value: jsonField(record.row_json, field), command: record.command_name } : { version: null, value: null, command: null };
    let value = e.op === 'tombstone' ? '1' : e.value;
    const scope = record?.scope ?? officeUnit;
    const locked = lockedRoster(e, records, fields);
    let decision = locked ? 'locked' : mergeField(here, { base: e.base, value, command });
    if (decision === 'conflict' && hasMergeRule(e.entity, field)) {
      // A list changed on both sides (a record's problems): merged item by item, as each desktop merges it.
      value = mergeByRule(e.entity, field, mergeBase(e.old, await baseValue(sql, e.base, field)), here.value, value);
      decision = 'apply';
    }
    if (decision === 'apply' || decision === 'same') {
      const f: FieldRow = { entity: e.entity, entity_id: e.id, field, version: key, value, command_name: command };
      fields.set(fk, f);
      newFields.set(fk, f);
      decided.push({ e, scope, status: 'applied', reason: null });
    } else {
      const reason = decision === 'locked' ? 'Danh sách chi trả đã khóa ở máy chủ tỉnh: không thay đổi từ nơi khác.'
        : decision === 'keep' ? 'Giá trị ở máy chủ tỉnh đã được xác thực (thẻ CCCD hoặc đối chiếu dân cư): giữ nguyên, thay đổi này không được áp dụng.'
        : 'Trường này đã được sửa ở nơi khác kể từ khi máy này nhận: cần người quyết định.';
      const outcome: EntryOutcome = decision === 'conflict' ? 'conflict' : 'rejected';
      conflicts.push({ seq: e.seq, entity: e.entity, id: e.id, field, theirs: value, ours: here.value, oursVersion: here.version, outcome, reason });
      decided.push({ e, scope, status: outcome, reason });
    }
  }
  // The cursor's numbers are taken last, under the counter's lock, so entries become visible to pulls in their order.
  const applied = decided.filter((d) => d.status === 'applied' && !OFFICE_LOCAL.has(d.e.entity)).length;
  const [{ n: top }] = applied ? await sql.query<{ n: number }>('UPDATE hub_counter SET n = n + $1 WHERE id = 1 RETURNING n', [applied]) : [{ n: 0 }];
  let next = Number(top) - applied;
  const hubSeqs = decided.map((d) => (d.status === 'applied' && !OFFICE_LOCAL.has(d.e.entity) ? ++next : null));
  await sql.query(`INSERT INTO entries (device_id, seq, hub_seq, hlc, command_id, entity, entity_id, op, field, value, base, scope, status, reason, old)
    SELECT $1, * FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[])
    ON CONFLICT (device_id, seq) DO NOTHING`, [batch.device, decided.map((d) => d.e.seq), hubSeqs, decided.map((d) => d.e.hlc), decided.map((d) => d.e.command),
    decided.map((d) => d.e.entity), decided.map((d) => d.e.id), decided.map((d) => d.e.op), decided.map((d) => d.e.field), decided.map((d) => d.e.value),
    decided.map((d) => d.e.base), decided.map((d) => d.scope), decided.map((d) => d.status), decided.map((d) => d.reason), decided.map((d) => (typeof d.e.old === 'string' ? d.e.old : null))]);
  if (newRecords.size) {
    const rs = [...newRecords.values()];
    await sql.query(`INSERT INTO records (entity, entity_id, scope, version, row_json, command_name) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
      ON CONFLICT DO NOTHING`, [rs.map((r) => r.entity), rs.map((r) => r.entity_id), rs.map((r) => r.scope), rs.map((r) => r.version), rs.map((r) => r.row_json), rs.map((r) => r.command_name)]);
  }
  if (newFields.size) {
    const fs = [...newFields.values()];
    await sql.query(`INSERT INTO field_state (entity, entity_id, field, version, value, command_name) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
      ON CONFLICT (entity, entity_id, field) DO UPDATE SET version = excluded.version, value = excluded.value, command_name = excluded.command_name`,
    [fs.map((f) => f.entity), fs.map((f) => f.entity_id), fs.map((f) => f.field), fs.map((f) => f.version), fs.map((f) => f.value), fs.map((f) => f.command_name)]);
  }
  for (const c of conflicts) {
    await sql.query(`INSERT INTO conflicts (device_id, seq, entity, entity_id, field, theirs, ours, ours_version, outcome, reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
      ON CONFLICT DO NOTHING`, [batch.device, c.seq, c.entity, c.id, c.field, c.theirs, c.ours, c.oursVersion, c.outcome, c.reason]);
  }
}

/** The value a field had at entry `base` ("device:seq"), as the hub received it; null when unknown. */
async function baseValue(sql: Sql, base: string | null, field: string): Promise<string | null> {
  if (!base) return null;
  const at = base.lastIndexOf(':');
  const [e] = await sql.query<{ op: string; field: string | null; value: string | null }>('SELECT op, field, value FROM entries WHERE device_id = $1 AND seq = $2',
    [base.slice(0, at), Number(base.slice(at + 1))]);
  if (!e) return null;
  if (e.op === 'insert') return jsonField(e.value ?? '{}', field);
  return e.field === field ? e.value : null;
}

/** The records an inserted row belongs under (its person, its household): their unit is its unit. */
function parentsOf(e: WireEntry): string[] {
  const row = safeJson(e.value);
  const out: string[] = [];
  if (typeof row.beneficiaryId === 'string') out.push(`beneficiaries\u0000${row.beneficiaryId}`);
  if (typeof row.householdId === 'string') out.push(`households\u0000${row.householdId}`);
  if (typeof row.rosterId === 'string') out.push(`rosters\u0000${row.rosterId}`);
  return out;
}

function scopeOfInsert(row: Record<string, unknown>, records: Map<string, RecordRow>, officeUnit: string): string {
  if (typeof row.unitId === 'string') return row.unitId;
  for (const [entity, prop] of [['beneficiaries', 'beneficiaryId'], ['households', 'householdId'], ['rosters', 'rosterId']] as const) {
    const parent = typeof row[prop] === 'string' ? records.get(`${entity}\u0000${row[prop]}`) : undefined;
    if (parent) return parent.scope;
  }
  return officeUnit;
}

/** A locked payout roster (or a line of one) is never changed from outside. */
function lockedRoster(e: WireEntry, records: Map<string, RecordRow>, fields: Map<string, FieldRow>): boolean {
  const rosterId = e.entity === 'rosters' ? e.id : e.entity === 'roster_lines' ? jsonValue(records.get(`roster_lines\u0000${e.id}`)?.row_json, 'rosterId') : undefined;
  if (typeof rosterId !== 'string') return false;
  const status = fields.get(`rosters\u0000${rosterId}\u0000status`)?.value ?? jsonField(records.get(`rosters\u0000${rosterId}`)?.row_json ?? '{}', 'status');
  return status === '"locked"';
}

function safeJson(text: string | null): Record<string, unknown> {
  try {
    const v = JSON.parse(text ?? '{}');
    return v && typeof v === 'object' ? v : {};
  } catch {
    return {};
  }
}

const jsonValue = (text: string | undefined, field: string) => (text ? safeJson(text)[field] : undefined);

function jsonField(rowJson: string, field: string): string | null {
  if (field === 'deleted') return '0';
  const v = safeJson(rowJson)[field];
  return v === undefined ? null : JSON.stringify(v);
}
