import { describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../main/core/database/open-database';
import { writeMeta } from '../../main/core/database/meta';
import { runCommand } from '../../main/core/write-path';
import { beneficiaryTable } from '../../main/registry/synced-tables';
import { createPayoutService } from '../../main/payout/payout-service';
import { approveRoster, lockRoster } from '../../main/payout/roster-decisions';
import { rosterLineTable } from '../../main/payout/synced-tables';
import { syncNow } from '../../main/sync/sync-service';
import { openIssues } from '../../main/sync/sync-issues';
import { clerk, COMMUNE_X, PROVINCE } from '../support/sync-hub';
import { hubPerFile } from '../support/hub-per-file';

// A commune's month through sync: its roster and lines reach the office above once, whatever is sent again, and a
// roster the commune has locked is never changed from outside (issue 15: "a locked roster is never edited";
// issue 16: "a locked payout roster is never changed from outside").

const files = hubPerFile();

const linesOf = (db: AppDatabase) => db.sqlite.prepare('SELECT id, amount, holder_name AS holder, channel FROM roster_lines WHERE deleted = 0 ORDER BY id').all();
const rosterStatus = (db: AppDatabase) => db.sqlite.prepare("SELECT status FROM rosters WHERE id = ?").pluck().get(`${COMMUNE_X}:2026-12`);

describe("a commune's month through sync", () => {
  it('reaches the office above once; a locked roster is refused from outside and stays as the commune locked it', async () => {
    const commune = await files.desktop('xa', { unitId: COMMUNE_X });
    const above = await files.desktop('tinh', { unitId: PROVINCE, area: [COMMUNE_X] });
    writeMeta(commune, 'office.unitId', COMMUNE_X);
    runCommand(commune, clerk, 'import', (w) => ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường'].forEach((fullName, i) =>
      w.insert(beneficiaryTable, { unitId: COMMUNE_X, fullName, birth: `19${40 + i}`, village: 'Thôn Đông', categoryGroup: 'BTXH', categoryLabel: 'Người cao tuổi (80 tuổi trở lên)' })));
    const payout = createPayoutService(commune);
    payout.create(clerk, { unitIds: null }, '2026-12');
    approveRoster(commune, clerk, COMMUNE_X, '2026-12', true);
    const lines = linesOf(commune);
    expect(lines).toHaveLength(3);

    await syncNow(commune);
    await syncNow(above);
    expect(linesOf(above)).toEqual(lines);
    // Everything again (a second round, a resent batch): the month is listed once.
    await syncNow(commune);
    await syncNow(above);
    expect(linesOf(above)).toEqual(lines);

    // The commune locks the month; before that reaches it, the office above edits a line of its (approved) copy.
    lockRoster(commune, clerk, COMMUNE_X, '2026-12');
    await syncNow(commune);
    const line = (lines[0] as { id: string }).id;
    runCommand(above, clerk, 'manual-edit', (w) => w.update(rosterLineTable, line, { holderName: 'NGƯỜI KHÁC' }));
    await syncNow(above);
    // Refused at the hub, and the office above is told why, in Vietnamese, on its Đồng bộ screen.
    expect(openIssues(above).filter((i) => i.entityId === line).map((i) => [i.why, i.field, i.message])).toEqual(
      [['hub-rejected', 'holderName', 'Danh sách chi trả đã khóa ở máy chủ tỉnh: không thay đổi từ nơi khác.']]);
    expect(await files.hub.store.query('SELECT value FROM field_state WHERE entity = $1 AND entity_id = $2 AND field = $3', ['roster_lines', line, 'holderName'])).toEqual([]);
    // The hub kept the commune's value; the commune's month is as it locked it.
    await syncNow(commune);
    expect(rosterStatus(commune)).toBe('locked');
    expect(linesOf(commune)).toEqual(lines);
    expect(rosterStatus(above)).toBe('locked');
  });
});
