import type { SqliteConnection } from '../core/database/open-database';
import { hlcToIso } from '../core/clock';
import type { ImportChoice } from '../../shared/contract/beneficiaries';

const RECENT_IMPORTS = 30;

/**
 * The recent imports the list can be narrowed to ("từ lần nhập …"), newest first: those not undone that wrote at
 * least one record the caller may see (a clerk never learns of another commune's files).
 */
export function importChoices(db: SqliteConnection, unitIds: readonly string[] | null): ImportChoice[] {
  const scope = unitIds ? 'AND p.unit_id IN (SELECT value FROM json_each(?))' : '';
  const rows = db.prepare(`SELECT c.id AS commandId, c.hlc, c.summary, u.display_name AS userName
    FROM commands c LEFT JOIN users u ON u.id = c.user_id
    WHERE c.name = 'import' AND NOT EXISTS (SELECT 1 FROM commands r WHERE r.reverts = c.id)
      AND EXISTS (SELECT 1 FROM change_log l JOIN beneficiaries p ON p.id = l.entity_id
        WHERE l.command_id = c.id AND l.entity = 'beneficiaries' ${scope})
    ORDER BY c.hlc DESC LIMIT ?`).all(...(unitIds ? [JSON.stringify(unitIds)] : []), RECENT_IMPORTS) as
    { commandId: string; hlc: string; summary: string | null; userName: string | null }[];
  return rows.map((r) => {
    const summary = r.summary ? (JSON.parse(r.summary) as { file?: unknown }) : {};
    return { commandId: r.commandId, at: hlcToIso(r.hlc), fileName: typeof summary.file === 'string' ? summary.file : null, userName: r.userName };
  });
}
