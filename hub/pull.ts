import { PROTOCOL_VERSION, versionProblem, type PullAnswer, type PulledEntry, type WireCommand } from '../shared/sync/protocol';
import { activeDevice, officeOf } from './offices';
import { HubRefusal } from './hub-refusal';
import type { HubStore } from './store';

export const PULL_LIMIT = 1000;

/**
 * What a device receives after `cursor`: the entries of other devices about records of its office's area, and
 * the reference data the hub publishes (scope '*'), in the hub's order. The same cursor gives the same answer.
 */
export async function pullFor(store: HubStore, deviceId: string, request: { v: number; cursor: number; limit?: number }): Promise<PullAnswer> {
  const problem = versionProblem(request?.v);
  if (problem) throw new HubRefusal(400, 'version', problem.vi, problem.en);
  const device = await activeDevice(store, deviceId);
  const office = await officeOf(store, device.office_id);
  const limit = Math.min(Math.max(1, request.limit ?? PULL_LIMIT), PULL_LIMIT);
  const cursor = Math.max(0, Number(request.cursor) || 0);
  // Read first: every entry at or below the counter's committed value is committed (pushes take it last).
  const [{ n: top }] = await store.query<{ n: number }>('SELECT n FROM hub_counter WHERE id = 1');
  const scopes = [...office.area, '*'];
  const rows = await store.query<PulledEntry & { hub_seq: number; name: string; origin: string; chlc: string }>(`SELECT e.hub_seq, e.device_id AS device, e.seq, e.hlc,
      e.command_id AS command, e.entity, e.entity_id AS id, e.op, e.field, e.value, e.base, e.old, c.user_id AS user, c.name, c.origin, c.hlc AS chlc
    FROM entries e JOIN commands c ON c.id = e.command_id
    WHERE e.hub_seq > $1 AND e.hub_seq <= $2 AND e.scope = ANY($3::text[]) AND e.device_id <> $4
    ORDER BY e.hub_seq LIMIT $5`, [cursor, Number(top), scopes, deviceId, limit]);
  const more = rows.length === limit;
  const next = more ? Number(rows[rows.length - 1].hub_seq) : Math.max(cursor, Number(top));
  const commands = new Map<string, WireCommand>();
  const entries: PulledEntry[] = rows.map((r) => {
    if (!commands.has(r.command)) commands.set(r.command, { id: r.command, name: r.name, user: r.user, origin: r.origin, hlc: r.chlc });
    return { device: r.device, seq: Number(r.seq), hlc: r.hlc, command: r.command, entity: r.entity, id: r.id, op: r.op, field: r.field, value: r.value, base: r.base, user: r.user,
      ...(typeof r.old === 'string' ? { old: r.old } : {}) };
  });
  await store.query('UPDATE devices SET last_contact = now() WHERE id = $1', [deviceId]);
  return { v: PROTOCOL_VERSION, entries, commands: [...commands.values()], next, more };
}
