import { fileSha256, recordAudit } from '../core/audit';
import type { AppDatabase } from '../core/database/open-database';
import { AppError } from '../core/errors';
import type { Actor } from '../core/write-path';
import type { OfficeInfo } from '../excel/export-office';
import { formatPeriod } from '../../shared/payout/periods';
import { rosterTable, type ExportKind } from './exports/roster-table';
import { writeRosterPdf } from './exports/roster-pdf';
import { writeRosterWorkbook } from './exports/roster-workbook';
import { withoutMemoryMap } from '../core/database/without-memory-map';
import { addressesOf, linesByIds, payableLineOutline, type RosterRow } from './payout-queries';

export interface ExportedRoster {
  count: number;
  amount: number;
}

/**
 * Writes one export of a roster (the transfer list, the post-office list, the printable roster) as xlsx or PDF,
 * and records it in the audit trail. Lists for a payer only once the roster is approved; the printable roster
 * of a draft says it is a draft.
 */
export async function exportRoster(db: AppDatabase, actor: Actor, roster: RosterRow, place: { communeName: string; communeCode: string; provinceName: string | null },
  kind: ExportKind, format: 'xlsx' | 'pdf', file: string, people: { preparedBy: string | null; signedBy: string | null } = { preparedBy: null, signedBy: null }): Promise<ExportedRoster> {
  if (kind !== 'printable' && roster.status === 'draft') {
    throw new AppError('roster-not-approved', `Bảng kê tháng ${formatPeriod(roster.period)} chưa được duyệt: chưa gửi danh sách cho đơn vị chi trả được.`,
      'Approve the roster before sending lists to the payer.');
  }
  // Every line is read, a chunk at a time: through SQLite's page cache, not the memory map (without-memory-map.ts).
  const sqlite = db.sqlite;
  const table = rosterTable(kind, {
    outline: (channels) => withoutMemoryMap(sqlite, () => [...payableLineOutline(sqlite, roster.id, channels)]),
    lines: (ids) => withoutMemoryMap(sqlite, () => linesByIds(sqlite, ids)),
    addresses: (ids) => withoutMemoryMap(sqlite, () => addressesOf(sqlite, ids)),
  }, { communeName: place.communeName, communeCode: place.communeCode, period: roster.period });
  if (roster.status === 'draft') table.subtitles.push('(DỰ THẢO — chưa được duyệt)');
  const office: OfficeInfo = { communeName: place.communeName, provinceName: place.provinceName, date: new Date(), ...people };
  if (format === 'pdf') await writeRosterPdf(file, table, office);
  else await writeRosterWorkbook(file, table, office);
  recordAudit(db, actor, { action: 'export', detail: { kind: `roster-${kind}`, format, period: roster.period, count: table.count, sha256: fileSha256(file) } });
  return { count: table.count, amount: table.amount };
}
