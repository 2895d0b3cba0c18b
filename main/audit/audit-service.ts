import { renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { AuditEventView, AuditFilter } from '../../shared/contract/audit';
import { fileSha256, recordAudit } from '../core/audit';
import { parseHlc } from '../core/clock';
import type { AppDatabase } from '../core/database/open-database';
import { AppError } from '../core/errors';
import type { Actor } from '../core/write-path';
import { createAuditQueries, type AuditRow } from './audit-queries';
import { actionName, auditSummary } from './audit-summary';
import { writeAuditWorkbook, type AuditLine } from './audit-workbook';

const DOORS: Record<string, string> = { electron: 'ứng dụng', host: 'trình duyệt', cli: 'dòng lệnh', system: 'tự động' };

export interface ImportPreviewFacts {
  fileName: string;
  unitId: string;
  records: number;
  imported: number;
  updated: number;
  unchanged: number;
  needsFixing: number;
}

/**
 * The audit trail of reads: records who opened whose record or history and which file was previewed, and gives
 * the administrator the trail (filtered, paged, or as a workbook — itself recorded).
 */
export function createAuditService(db: AppDatabase) {
  const queries = createAuditQueries(db.sqlite);
  const unitNames = (ids: string[]) => queries.unitNames(ids);

  function view(row: AuditRow): AuditEventView {
    let detail: Record<string, unknown> | null = null;
    try {
      detail = row.detail ? JSON.parse(row.detail) as Record<string, unknown> : null;
    } catch {
      detail = null;
    }
    return {
      atMs: parseHlc(row.hlc).wallMs,
      userId: row.userId,
      userName: row.userName ? `${row.userName} (${row.username})` : null,
      door: row.origin,
      action: row.action,
      person: queries.person(row.subject),
      summary: auditSummary(row.action, detail, unitNames),
    };
  }

  return {
    recordOpened(actor: Actor, beneficiaryId: string): void {
      recordAudit(db, actor, { action: 'record-open', subject: beneficiaryId });
    },

    historyOpened(actor: Actor, beneficiaryId: string): void {
      recordAudit(db, actor, { action: 'record-history', subject: beneficiaryId });
    },

    /** A previewed file shows people's data: recorded with its name, commune and counts, never a person's value. */
    importPreviewed(actor: Actor, facts: ImportPreviewFacts): void {
      const { unitId, ...rest } = facts;
      recordAudit(db, actor, { action: 'import-preview', detail: { ...rest, units: [unitId] } });
    },

    list(filter: AuditFilter, offset: number, limit: number): { total: number; rows: AuditEventView[] } {
      return { total: queries.count(filter), rows: queries.page(filter, offset, limit).map(view) };
    },

    /** Writes the filtered trail to `file` (complete or not at all) and records that export with its count and hash. */
    async exportTo(actor: Actor, filter: AuditFilter, file: string, options: { utcOffsetMinutes: number; now?: Date }): Promise<{ count: number }> {
      const at = (ms: number) => formatLocal(ms, options.utcOffsetMinutes);
      const lines = function* (): Generator<AuditLine> {
        for (const row of queries.all(filter)) {
          const v = view(row);
          const person = v.person ? [v.person.name, v.person.idTail ? `CCCD •••${v.person.idTail}` : null].filter(Boolean).join(' — ') : '';
          yield { at: at(v.atMs), user: v.userName ?? 'hệ thống', door: DOORS[v.door] ?? v.door, action: actionName(v.action), person, summary: v.summary };
        }
      };
      const partial = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.partial`);
      let count: number;
      try {
        count = await writeAuditWorkbook(partial, 'NHẬT KÝ TRUY CẬP DỮ LIỆU CÁ NHÂN', filterLine(filter, at, options.now ?? new Date()), lines());
        renameSync(partial, file);
      } catch (e) {
        rmSync(partial, { force: true });
        if (e instanceof AppError) throw e;
        throw new AppError('export-write-failed', 'Không ghi được tệp nhật ký; hãy thử lại.', `Could not write the audit file (${String(e)}).`);
      }
      recordAudit(db, actor, {
        action: 'audit-export',
        detail: {
          count,
          sha256: fileSha256(file),
          filter: { userId: filter.userId, action: filter.action, fromMs: filter.fromMs, toMs: filter.toMs, person: filter.person ? 'có' : null },
        },
      });
      return { count };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;

/** dd/mm/yyyy HH:mm:ss at a fixed offset from UTC (the screen's). */
function formatLocal(ms: number, offsetMinutes: number): string {
  const d = new Date(ms + offsetMinutes * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

function filterLine(filter: AuditFilter, at: (ms: number) => string, now: Date): string {
  const parts = [`Xuất lúc ${at(now.getTime())}`];
  if (filter.fromMs !== null) parts.push(`từ ${at(filter.fromMs).slice(0, 10)}`);
  if (filter.toMs !== null) parts.push(`đến hết ${at(filter.toMs - 1).slice(0, 10)}`);
  if (filter.action) parts.push(`việc: ${actionName(filter.action)}`);
  if (filter.userId) parts.push('một người dùng');
  if (filter.person) parts.push('một người có dữ liệu');
  return parts.join('; ');
}
