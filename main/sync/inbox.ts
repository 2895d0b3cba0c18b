import type { AppDatabase } from '../core/database/open-database';
import { applyRemoteChanges, type ApplyReport, type RemoteCommand, type RemoteEntry } from '../core/apply-remote';
import { syncedTableByEntity } from '../core/synced-tables';
import { LOCAL_ONLY_ENTITIES, type PulledEntry, type WireCommand } from '../../shared/sync/protocol';
import { recordHeld } from './sync-issues';
import './known-tables';

/** Applies entries pulled from the hub (or carried by a receipt bundle), keeping their origin; what is held goes to "Cần xử lý". */
export function applyPulled(db: AppDatabase, commands: WireCommand[], pulled: PulledEntry[]): ApplyReport {
  const byId = new Map(commands.map((c) => [c.id, c]));
  const remoteCommands = new Map<string, RemoteCommand>();
  // A table with secrets (users) belongs to its office: its entries reach the hub (who did what) but are not applied here.
  // A local-only table's (clinic visits) never travel; one that came all the same (an older app) is not taken in.
  const entries: RemoteEntry[] = pulled.filter((p) => !syncedTableByEntity(p.entity)?.secretFields.size && !LOCAL_ONLY_ENTITIES.has(p.entity)).map((p) => {
    const c = byId.get(p.command);
    if (!remoteCommands.has(p.command)) {
      remoteCommands.set(p.command, { id: p.command, name: c?.name ?? 'sync', deviceId: p.device, userId: c?.user ?? p.user, origin: c?.origin ?? 'sync', hlc: c?.hlc ?? p.hlc });
    }
    return { deviceId: p.device, seq: p.seq, hlc: p.hlc, commandId: p.command, entity: p.entity, entityId: p.id, op: p.op, field: p.field, value: p.value, base: p.base,
      ...(typeof p.old === 'string' ? { old: p.old } : {}) };
  });
  return applyRemoteChanges(db, [...remoteCommands.values()], entries, (held) => recordHeld(db, held));
}
