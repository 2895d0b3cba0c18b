// Named reads and the local (never synced) writes of the clinic, connection first. Visits are written through the
// write path in the service.
import type { SqliteConnection } from '../core/database/open-database';
import type { InsuranceView, Visit } from '../../shared/contract/clinic';

interface VisitRow {
  id: string;
  day: string;
  number: number;
  checkedInAt: number;
  reason: string | null;
  officerName: string | null;
  officerUserId: string | null;
  identifiedBy: Visit['identifiedBy'];
  idNumber: string | null;
  fullName: string | null;
  birth: string | null;
  sex: 'M' | 'F' | null;
  cardCode: string | null;
  lookupKey: string | null;
  insuranceState: 'done' | 'pending';
  insurance: string;
}

const VISIT_COLUMNS = `id, day, number, checked_in_at AS checkedInAt, reason, officer_name AS officerName, officer_user_id AS officerUserId,
  identified_by AS identifiedBy, id_number AS idNumber, full_name AS fullName, birth, sex, card_code AS cardCode, lookup_key AS lookupKey,
  insurance_state AS insuranceState, insurance`;

export interface StoredVisit extends Visit {
  officerUserId: string | null;
  lookupKey: string | null;
  insuranceState: 'done' | 'pending';
}

function toVisit(r: VisitRow): StoredVisit {
  return {
    id: r.id, day: r.day, number: r.number, checkedInAt: r.checkedInAt, reason: r.reason, officerName: r.officerName, identifiedBy: r.identifiedBy,
    person: { idNumber: r.idNumber, fullName: r.fullName, birth: r.birth, sex: r.sex, cardCode: r.cardCode },
    insurance: JSON.parse(r.insurance) as InsuranceView,
    officerUserId: r.officerUserId, lookupKey: r.lookupKey, insuranceState: r.insuranceState,
  };
}

export function visitById(db: SqliteConnection, id: string): StoredVisit | null {
  const r = db.prepare(`SELECT ${VISIT_COLUMNS} FROM clinic_visits WHERE id = ? AND deleted = 0`).get(id) as VisitRow | undefined;
  return r ? toVisit(r) : null;
}

export function visitsOfDay(db: SqliteConnection, day: string): StoredVisit[] {
  return (db.prepare(`SELECT ${VISIT_COLUMNS} FROM clinic_visits WHERE day = ? AND deleted = 0 ORDER BY number`).all(day) as VisitRow[]).map(toVisit);
}

/** Visits still waiting for the gateway, oldest first (the background queue, after a restart too). */
export function pendingVisits(db: SqliteConnection, sinceDay: string): StoredVisit[] {
  return (db.prepare(`SELECT ${VISIT_COLUMNS} FROM clinic_visits WHERE insurance_state = 'pending' AND deleted = 0 AND day >= ? ORDER BY checked_in_at`)
    .all(sinceDay) as VisitRow[]).map(toVisit);
}

export function nextQueueNumber(db: SqliteConnection, day: string): number {
  return (db.prepare('SELECT coalesce(max(number), 0) + 1 FROM clinic_visits WHERE day = ?').pluck().get(day) as number);
}

export function lastKnownStatus(db: SqliteConnection, keys: readonly string[]): InsuranceView | null {
  let best: { checkedAt: number; insurance: string } | undefined;
  for (const key of keys) {
    const r = db.prepare('SELECT checked_at AS checkedAt, insurance FROM insurance_last_known WHERE lookup_key = ?').get(key) as typeof best;
    if (r && (!best || r.checkedAt > best.checkedAt)) best = r;
  }
  return best ? (JSON.parse(best.insurance) as InsuranceView) : null;
}

export function rememberStatus(db: SqliteConnection, keys: readonly string[], view: InsuranceView): void {
  const put = db.prepare(`INSERT INTO insurance_last_known (lookup_key, checked_at, insurance) VALUES (?, ?, ?)
    ON CONFLICT (lookup_key) DO UPDATE SET checked_at = excluded.checked_at, insurance = excluded.insurance WHERE excluded.checked_at >= checked_at`);
  db.transaction(() => { for (const k of new Set(keys)) put.run(k, view.checkedAt ?? Date.now(), JSON.stringify(view)); })();
}

export function clinicSetting(db: SqliteConnection, key: string): string | null {
  return (db.prepare('SELECT value FROM clinic_settings WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
}

export function saveClinicSettings(db: SqliteConnection, values: Record<string, string | null>): void {
  const put = db.prepare('INSERT INTO clinic_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const drop = db.prepare('DELETE FROM clinic_settings WHERE key = ?');
  db.transaction(() => {
    for (const [k, v] of Object.entries(values)) {
      if (v === null) drop.run(k);
      else put.run(k, v);
    }
  })();
}

export function officerOf(db: SqliteConnection, userId: string): { fullName: string; idNumber: string } | null {
  return (db.prepare('SELECT full_name AS fullName, id_number AS idNumber FROM clinic_officers WHERE user_id = ?').get(userId) as
    { fullName: string; idNumber: string } | undefined) ?? null;
}

export function saveOfficer(db: SqliteConnection, userId: string, officer: { fullName: string; idNumber: string }, now: number): void {
  db.prepare(`INSERT INTO clinic_officers (user_id, full_name, id_number, updated_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (user_id) DO UPDATE SET full_name = excluded.full_name, id_number = excluded.id_number, updated_at = excluded.updated_at`)
    .run(userId, officer.fullName, officer.idNumber, now);
}
