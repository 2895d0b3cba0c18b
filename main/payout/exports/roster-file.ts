import type { SqliteConnection } from '../../core/database/open-database';
import { withoutMemoryMap } from '../../core/database/without-memory-map';
import type { OfficeInfo } from '../../excel/export-office';
import { addressesOf, linesByRowids, payableLineOutline } from '../payout-queries';
import { rosterTable, type ExportKind } from './roster-table';
import { writeRosterPdf } from './roster-pdf';
import { writeRosterWorkbook } from './roster-workbook';

/** One roster export to write: which roster, which list, which file. */
export interface RosterFileRequest {
  roster: { id: string; period: string; status: 'draft' | 'approved' | 'locked' };
  place: { communeName: string; communeCode: string; provinceName: string | null };
  people: { preparedBy: string | null; signedBy: string | null };
  kind: ExportKind;
  /** The transfer list for this bank only (kind bank); null: every bank, each in its own section. */
  bank?: { bin: string; name: string | null } | null;
  format: 'xlsx' | 'pdf';
  file: string;
  /** The day the list is signed. */
  signedOn: Date;
}

/**
 * Writes the list as the request says, reading the roster's lines a chunk at a time, each read through SQLite's page
 * cache rather than the memory map (without-memory-map.ts); between chunks the map is back for the other calls.
 */
export async function writeRosterFile(sqlite: SqliteConnection, request: RosterFileRequest): Promise<{ count: number; amount: number }> {
  const { roster, place, kind } = request;
  const table = rosterTable(kind, {
    outline: (channels, bankBin) => withoutMemoryMap(sqlite, () => [...payableLineOutline(sqlite, roster.id, channels, bankBin)]),
    lines: (keys) => withoutMemoryMap(sqlite, () => linesByRowids(sqlite, keys)),
    addresses: (ids) => withoutMemoryMap(sqlite, () => addressesOf(sqlite, ids)),
  }, { communeName: place.communeName, communeCode: place.communeCode, period: roster.period }, request.bank ?? null);
  if (roster.status === 'draft') table.subtitles.push('(DỰ THẢO — chưa được duyệt)');
  const office: OfficeInfo = { communeName: place.communeName, provinceName: place.provinceName, date: request.signedOn, ...request.people };
  if (request.format === 'pdf') await writeRosterPdf(request.file, table, office);
  else await writeRosterWorkbook(request.file, table, office);
  return { count: table.count, amount: table.amount };
}
