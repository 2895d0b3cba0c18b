import type { SqliteConnection } from '../core/database/open-database';

export interface RosterPeriod {
  period: string;
  status: 'draft' | 'approved' | 'locked';
  lines: number;
  held: number;
}

/** The office's rosters, newest period first, with how many lines each has and how many are still held. */
export function rosterPeriods(sqlite: SqliteConnection, unitId: string, limit = 24): RosterPeriod[] {
  return sqlite.prepare(`SELECT r.period, r.status,
      (SELECT count(*) FROM roster_lines l WHERE l.roster_id = r.id AND l.deleted = 0) AS lines,
      (SELECT count(*) FROM roster_lines l WHERE l.roster_id = r.id AND l.deleted = 0 AND l.held = 1) AS held
    FROM rosters r WHERE r.unit_id = ? AND r.deleted = 0 ORDER BY r.period DESC LIMIT ?`).all(unitId, limit) as RosterPeriod[];
}
