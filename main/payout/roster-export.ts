import { fileSha256, recordAudit } from '../core/audit';
import type { AppDatabase } from '../core/database/open-database';
import { AppError } from '../core/errors';
import type { Actor } from '../core/write-path';
import { formatPeriod } from '../../shared/payout/periods';
import type { ExportKind } from './exports/roster-table';
import { writeRosterFile } from './exports/roster-file';
import type { RosterRow } from './payout-queries';
import { rosterBanks } from './roster-view-queries';

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
  kind: ExportKind, format: 'xlsx' | 'pdf', file: string, people: { preparedBy: string | null; signedBy: string | null } = { preparedBy: null, signedBy: null },
  bankBin: string | null = null): Promise<ExportedRoster> {
  if (kind !== 'printable' && roster.status === 'draft') {
    throw new AppError('roster-not-approved', `Bảng kê tháng ${formatPeriod(roster.period)} chưa được duyệt: chưa gửi danh sách cho đơn vị chi trả được.`,
      'Approve the roster before sending lists to the payer.');
  }
  let bank: { bin: string; name: string | null } | null = null;
  if (bankBin) {
    if (kind !== 'bank') throw new AppError('usage', 'Chỉ danh sách chuyển khoản mới tách theo ngân hàng.', 'Only the transfer list is made per bank.');
    const found = rosterBanks(db.sqlite, roster.id).find((b) => b.bankBin === bankBin);
    if (!found) {
      throw new AppError('no-bank-lines', `Tháng ${formatPeriod(roster.period)} không có dòng nào chuyển khoản qua ngân hàng mã ${bankBin}.`,
        `No transfer to bank ${bankBin} this month.`);
    }
    bank = { bin: found.bankBin, name: found.bankName };
  }
  const written = await writeRosterFile(db.sqlite, {
    roster: { id: roster.id, period: roster.period, status: roster.status }, place, people, kind, bank, format, file, signedOn: new Date(),
  });
  recordAudit(db, actor, { action: 'export', detail: { kind: `roster-${kind}`, format, period: roster.period, ...(bank ? { bankBin: bank.bin } : {}),
    count: written.count, sha256: fileSha256(file) } });
  return written;
}
