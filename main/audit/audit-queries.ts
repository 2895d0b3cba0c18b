import type { SqliteConnection } from '../core/database/open-database';
import { foldVietnamese } from '../../shared/text/fold';
import type { AuditFilter } from '../../shared/contract/audit';

export interface AuditRow {
  hlc: string;
  userId: string | null;
  userName: string | null;
  username: string | null;
  origin: string;
  action: string;
  subject: string | null;
  detail: string | null;
}

export interface SubjectPerson {
  beneficiaryId: string | null;
  name: string | null;
  /** Last 4 digits of an ID number, when the subject is one (a card read): the number itself is never shown. */
  idTail: string | null;
}

// How many people a name or partial ID may stand for in a filter; more is not a useful filter anyway.
const MATCH_LIMIT = 2000;

/** The wall-time prefix of an HLC (15 zero-padded digits of epoch ms): compares like the time itself. */
const hlcAt = (ms: number) => String(ms).padStart(15, '0');

/**
 * The audit trail's queries. Events name whose data by beneficiary id (record reads) or by the ID number read
 * from a card; a person filter turns a name or ID into both kinds of subject.
 */
export function createAuditQueries(sqlite: SqliteConnection) {
  const byIdNumber = sqlite.prepare('SELECT id, full_name AS name FROM beneficiaries WHERE (id_number = ? OR old_id_number = ?) AND deleted = 0 LIMIT 1');
  const byId = sqlite.prepare('SELECT full_name AS name FROM beneficiaries WHERE id = ?');

  /** The subjects a person filter stands for: beneficiary ids, and ID numbers (card reads). */
  function subjectsOf(person: string): string[] {
    const digits = person.replace(/[\s.]/g, '');
    let people: { id: string; idNumber: string | null; oldIdNumber: string | null }[];
    const subjects = new Set<string>();
    if (/^\d{4,12}$/.test(digits)) {
      const whole = digits.length === 9 || digits.length === 12;
      people = sqlite.prepare(`SELECT id, id_number AS idNumber, old_id_number AS oldIdNumber FROM beneficiaries
        WHERE ${whole ? 'id_number = @d OR old_id_number = @d' : "id_number LIKE '%' || @d OR old_id_number LIKE '%' || @d"} LIMIT ${MATCH_LIMIT}`).all({ d: digits }) as typeof people;
      if (whole) subjects.add(digits);
      else for (const s of sqlite.prepare(`SELECT DISTINCT subject FROM audit_events WHERE subject LIKE '%' || ? AND action LIKE 'card-read%' LIMIT ${MATCH_LIMIT}`).pluck().all(digits) as string[]) subjects.add(s);
    } else {
      const folded = foldVietnamese(person);
      if (!folded) return [];
      const words = folded.split(' ');
      people = sqlite.prepare(`SELECT id, id_number AS idNumber, old_id_number AS oldIdNumber FROM beneficiaries
        WHERE ${words.map(() => "search_name LIKE '%' || ? || '%'").join(' AND ')} LIMIT ${MATCH_LIMIT}`).all(...words) as typeof people;
      subjects.add(person.trim()); // a beneficiary id pasted as is
    }
    for (const p of people) {
      subjects.add(p.id);
      if (p.idNumber) subjects.add(p.idNumber);
      if (p.oldIdNumber) subjects.add(p.oldIdNumber);
    }
    return [...subjects];
  }

  function where(filter: AuditFilter): { sql: string; args: unknown[] } {
    const clauses: string[] = [];
    const args: unknown[] = [];
    if (filter.userId) { clauses.push('a.user_id = ?'); args.push(filter.userId); }
    if (filter.action) { clauses.push('a.action = ?'); args.push(filter.action); }
    if (filter.fromMs !== null) { clauses.push('a.hlc >= ?'); args.push(hlcAt(filter.fromMs)); }
    if (filter.toMs !== null) { clauses.push('a.hlc < ?'); args.push(hlcAt(filter.toMs)); }
    if (filter.person) {
      clauses.push('a.subject IN (SELECT value FROM json_each(?))');
      args.push(JSON.stringify(subjectsOf(filter.person)));
    }
    return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', args };
  }

  const select = `SELECT a.hlc, a.user_id AS userId, u.display_name AS userName, u.username, a.origin, a.action, a.subject, a.detail
    FROM audit_events a LEFT JOIN users u ON u.id = a.user_id`;

  return {
    count(filter: AuditFilter): number {
      const w = where(filter);
      return sqlite.prepare(`SELECT count(*) FROM audit_events a ${w.sql}`).pluck().get(...w.args) as number;
    },

    page(filter: AuditFilter, offset: number, limit: number): AuditRow[] {
      const w = where(filter);
      return sqlite.prepare(`${select} ${w.sql} ORDER BY a.hlc DESC LIMIT ? OFFSET ?`).all(...w.args, limit, offset) as AuditRow[];
    },

    /**
     * Every matching event, newest first, in pages: a statement still iterating would keep the connection busy
     * while the export looks up each event's person.
     */
    *all(filter: AuditFilter, pageSize = 2000): Generator<AuditRow> {
      const w = where(filter);
      const statement = sqlite.prepare(`${select} ${w.sql} ORDER BY a.hlc DESC LIMIT ? OFFSET ?`);
      for (let offset = 0; ; offset += pageSize) {
        const rows = statement.all(...w.args, pageSize, offset) as AuditRow[];
        yield* rows;
        if (rows.length < pageSize) return;
      }
    },

    /** Whose data an event's subject names, as the administrator may see it. */
    person(subject: string | null): SubjectPerson | null {
      if (!subject) return null;
      if (/^\d{9}$|^\d{12}$/.test(subject)) {
        const found = byIdNumber.get(subject, subject) as { id: string; name: string } | undefined;
        return { beneficiaryId: found?.id ?? null, name: found?.name ?? null, idTail: subject.slice(-4) };
      }
      const found = byId.get(subject) as { name: string } | undefined;
      return { beneficiaryId: subject, name: found?.name ?? null, idTail: null };
    },

    unitNames(ids: readonly string[]): string[] {
      return sqlite.prepare('SELECT name FROM admin_units WHERE id IN (SELECT value FROM json_each(?)) ORDER BY name').pluck().all(JSON.stringify(ids)) as string[];
    },
  };
}

export type AuditQueries = ReturnType<typeof createAuditQueries>;
