import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../main/core/database/open-database';
import { createConsolidation, type ListFile } from '../../../main/consolidation/consolidation-service';
import { createImportService } from '../../../main/excel/import-service';
import { createDuplicatesService } from '../../../main/identity/duplicates-service';
import { createSyncService } from '../../../main/sync/sync-capability';
import { exportBundle, importReceipt } from '../../../main/sync/bundles';
import { writeBundle } from '../../../main/sync/bundle-file';
import { revokeDevice } from '../../../hub/offices';
import { newSigningKeys } from '../../../main/sync/sync-crypto';
import { hubIdentity } from '../../../hub/hub-identity';
import { importBundle } from '../../../hub/bundle-import';
import { PROTOCOL_VERSION } from '../../../shared/sync/protocol';
import { referenceRows } from '../../../main/registry/admin-unit-reference';
import { openTempDatabase } from '../../support/temp-database';
import { listWorkbook } from '../../support/list-workbook';
import { enrolledDesktop, addPeople, peopleOf, clerk, COMMUNE_X, COMMUNE_Y, PROVINCE } from '../../support/sync-hub';
import { hubPerFile } from '../../support/hub-per-file';

// Issue 18: the office above consolidates the communes' USB sync bundles beside their workbooks. It cannot read a
// bundle (encrypted to the hub): it relays it to the hub, writes the receipt beside it for the commune, and receives
// the commune's records by sync. A bundle from a device the hub does not know is one line; the rest goes on.

const rig = hubPerFile();
beforeAll(() => mkdirSync(join(rig.dir, 'in')));

function consolidationOf(db: AppDatabase) {
  const sync = createSyncService(db, { background: false });
  const duplicates = createDuplicatesService(db);
  return createConsolidation(db, {
    imports: createImportService(db),
    detect: (actor, scope) => duplicates.detect(actor, scope),
    bundles: { isBundle: sync.isBundleFile, describe: sync.describeBundle, relay: sync.relayBundle },
  });
}

const file = (name: string): ListFile => ({ path: join(rig.dir, 'in', name), fileName: name, unitId: null });

describe('consolidating the communes\' sync bundles', () => {
  it('relays a commune\'s bundle beside a workbook, receives its records, writes the receipt; refuses an unknown device in one line', async () => {
    const commune = await enrolledDesktop(rig.hub, rig.dir, 'xa', { unitId: COMMUNE_X });
    const district = await enrolledDesktop(rig.hub, rig.dir, 'huyen', { unitId: PROVINCE, area: [COMMUNE_X, COMMUNE_Y] });
    rig.keep(commune, district);
    addPeople(commune, COMMUNE_X, ['Nguyễn Văn Một', 'Trần Thị Hai', 'Lê Văn Ba']);
    writeFileSync(file('xa-so-1.ansinh').path, exportBundle(commune).bytes);
    // A bundle for this hub, from a device the hub never enrolled.
    const stranger = openTempDatabase(rig.dir, 'la.db');
    rig.keep(stranger);
    const identity = await hubIdentity(rig.hub.store);
    writeFileSync(file('la.ansinh').path, writeBundle({ v: PROTOCOL_VERSION, kind: 'changes', hub: identity.id, device: stranger.deviceId, number: 1, createdAt: new Date().toISOString() },
      { batch: { v: PROTOCOL_VERSION, batchId: 'x', device: stranger.deviceId, after: 0, upTo: 0, commands: [], entries: [] }, cursor: 0 }, newSigningKeys().privateKey, identity.boxPublic));
    // Commune Y's workbook, in the same go.
    const communeY = referenceRows().units.find((u) => u.id === COMMUNE_Y)!;
    writeFileSync(file('ds-y.xlsx').path, await listWorkbook([[1, 'Phạm Thị Bốn', 1950, '035150000004', 'Thôn 1', 500000]], { above: [[`UBND ${communeY.name.toUpperCase()}`], ['DANH SÁCH ĐỐI TƯỢNG BẢO TRỢ XÃ HỘI']] }));
    const files = [file('xa-so-1.ansinh'), file('la.ansinh'), file('ds-y.xlsx')];

    const consolidation = consolidationOf(district);
    const preview = await consolidation.preview(files, null);
    // The unknown device is refused in the preview already, in one line, before anything is relayed.
    expect(preview.map((f) => [f.file, f.status, f.layout])).toEqual([['xa-so-1.ansinh', 'ready', 'sync-bundle'], ['la.ansinh', 'refused', null], ['ds-y.xlsx', 'ready', expect.any(String)]]);
    expect(preview[0].commune).toMatchObject({ code: '00004' }); // known from the hub before the office ever received its records
    expect(preview[1].reason).toBe('la.ansinh: gói đồng bộ do một thiết bị chưa đăng ký với máy chủ tỉnh tạo ra; không nhập.');
    expect(peopleOf(district)).toEqual([]); // nothing relayed, nothing written
    expect(await rig.hub.store.query('SELECT * FROM bundles')).toEqual([]);

    const report = await consolidation.commit(clerk, files, null);
    expect(report.files.map((f) => [f.file, f.commune.code, f.layout, f.imported])).toEqual([
      ['xa-so-1.ansinh', '00004', 'sync-bundle', 3], ['ds-y.xlsx', communeY.code, expect.any(String), 1]]);
    expect(report.unrecognised).toEqual([{ file: 'la.ansinh', reason: preview[1].reason }]);
    expect(report.totals).toMatchObject({ files: 2, imported: 4 });
    // The commune's records are here as the commune made them, and the receipt goes back to the commune.
    expect(peopleOf(district).filter((p) => p.unit_id === COMMUNE_X)).toEqual(peopleOf(commune));
    expect(report.receipts).toEqual([{ file: 'xa-so-1.ansinh', path: `${file('xa-so-1.ansinh').path}.bien-nhan` }]);
    expect(importReceipt(commune, readFileSync(report.receipts[0].path))).toMatchObject({ number: 1, acked: expect.any(Number) });
    expect(exportBundle(commune).entries).toBe(0);
    expect(existsSync(`${file('la.ansinh').path}.bien-nhan`)).toBe(false);

    // The same bundle again: relayed, nothing written twice.
    const again = await consolidation.commit(clerk, [file('xa-so-1.ansinh')], null);
    expect(again.files).toMatchObject([{ file: 'xa-so-1.ansinh', imported: 0, updated: 0 }]);
    expect(peopleOf(district).filter((p) => p.unit_id === COMMUNE_X)).toHaveLength(3);
  });

  it('refuses in one line a bundle for another hub, a receipt, and any bundle at an office not enrolled with a hub', async () => {
    const commune = await enrolledDesktop(rig.hub, rig.dir, 'xa-2', { unitId: COMMUNE_X });
    const district = await enrolledDesktop(rig.hub, rig.dir, 'huyen-2', { unitId: PROVINCE, area: [COMMUNE_X] });
    const alone = openTempDatabase(rig.dir, 'chua-dang-ky.db');
    rig.keep(commune, district, alone);
    addPeople(commune, COMMUNE_X, ['Vũ Văn Năm']);
    const bytes = exportBundle(commune).bytes;
    writeFileSync(file('xa-2.ansinh').path, bytes);
    const e = JSON.parse(String(commune.sqlite.prepare("SELECT value FROM meta WHERE key = 'sync.enrolment'").pluck().get()));
    writeFileSync(file('tinh-khac.ansinh').path, writeBundle({ v: PROTOCOL_VERSION, kind: 'changes', hub: 'another-hub', device: commune.deviceId, number: 2, createdAt: new Date().toISOString() },
      {}, e.signPrivate, e.hubBoxKey));
    writeFileSync(file('bien-nhan.ansinh').path, (await importBundle(rig.hub.store, bytes)).bytes);
    const atDistrict = await consolidationOf(district).preview([file('tinh-khac.ansinh'), file('bien-nhan.ansinh')], null);
    expect(atDistrict.map((f) => [f.status, f.reason])).toEqual([
      ['refused', 'tinh-khac.ansinh: gói đồng bộ này dành cho một máy chủ tỉnh khác; không nhập.'],
      ['refused', expect.stringMatching(/^bien-nhan\.ansinh: đây là biên nhận của máy chủ tỉnh/)],
    ]);
    const atAlone = await consolidationOf(alone).commit(clerk, [file('xa-2.ansinh')], null);
    expect(atAlone.unrecognised).toEqual([{ file: 'xa-2.ansinh', reason: expect.stringContaining('văn phòng chưa đăng ký với máy chủ tỉnh') }]);
    expect(atAlone.files).toEqual([]);
  });

  it('refuses in the preview, before anything is relayed, a revoked device\'s bundle, a tampered one, one from a commune outside the area, and says so when the hub cannot be asked', async () => {
    const communeX = await enrolledDesktop(rig.hub, rig.dir, 'xa-3', { unitId: COMMUNE_X });
    const communeY = await enrolledDesktop(rig.hub, rig.dir, 'xa-y-3', { unitId: COMMUNE_Y });
    const lost = await enrolledDesktop(rig.hub, rig.dir, 'xa-mat-3', { unitId: COMMUNE_X });
    const district = await enrolledDesktop(rig.hub, rig.dir, 'huyen-3', { unitId: PROVINCE, area: [COMMUNE_X] });
    rig.keep(communeX, communeY, lost, district);
    for (const [db, unit, name] of [[communeX, COMMUNE_X, 'Đặng Văn Sáu'], [communeY, COMMUNE_Y, 'Hồ Thị Bảy'], [lost, COMMUNE_X, 'Lý Văn Tám']] as const) addPeople(db, unit, [name]);
    const good = exportBundle(communeX).bytes;
    const tampered = Buffer.from(good);
    tampered[tampered.length - 100] ^= 1;
    writeFileSync(file('xa-3.ansinh').path, good);
    writeFileSync(file('xa-3-sua.ansinh').path, tampered);
    writeFileSync(file('xa-y-3.ansinh').path, exportBundle(communeY).bytes);
    writeFileSync(file('xa-mat-3.ansinh').path, exportBundle(lost).bytes);
    await revokeDevice(rig.hub.store, lost.deviceId);
    const files = [file('xa-3.ansinh'), file('xa-3-sua.ansinh'), file('xa-y-3.ansinh'), file('xa-mat-3.ansinh')];
    const bundlesBefore = await rig.hub.store.query('SELECT * FROM bundles');

    const preview = await consolidationOf(district).preview(files, null);
    expect(preview.map((f) => [f.file, f.status, f.reason])).toEqual([
      ['xa-3.ansinh', 'ready', null],
      ['xa-3-sua.ansinh', 'refused', 'xa-3-sua.ansinh: gói đồng bộ đã bị sửa, bị hỏng hoặc không do thiết bị đã đăng ký tạo ra; không nhập.'],
      ['xa-y-3.ansinh', 'refused', expect.stringMatching(/^xa-y-3\.ansinh: gói đồng bộ của .+, không thuộc địa bàn của văn phòng; không nhập\.$/)],
      ['xa-mat-3.ansinh', 'refused', expect.stringMatching(/^xa-mat-3\.ansinh: gói đồng bộ do một thiết bị đã bị thu hồi quyền đồng bộ tạo ra/)],
    ]);
    expect(await rig.hub.store.query('SELECT * FROM bundles')).toEqual(bundlesBefore); // nothing relayed
    const namesAtDistrict = () => peopleOf(district).map((p) => p.full_name);
    expect(namesAtDistrict()).not.toContain('Đặng Văn Sáu');

    // The commit refuses them the same way and relays only the good one.
    const report = await consolidationOf(district).commit(clerk, files, null);
    expect(report.files.map((f) => [f.file, f.imported])).toEqual([['xa-3.ansinh', 1]]);
    expect(report.unrecognised.map((u) => u.reason)).toEqual(preview.slice(1).map((f) => f.reason));
    expect(namesAtDistrict()).toContain('Đặng Văn Sáu');
    expect(namesAtDistrict()).not.toContain('Lý Văn Tám');
    const relayed = (await rig.hub.store.query<{ device_id: string }>('SELECT device_id FROM bundles')).map((b) => b.device_id);
    expect(relayed).toContain(communeX.deviceId);
    expect(relayed).not.toContain(communeY.deviceId);
    expect(relayed).not.toContain(lost.deviceId);

    // The hub out of reach: the preview cannot vouch for the bundle and says why, nothing is lost.
    const e = JSON.parse(String(district.sqlite.prepare("SELECT value FROM meta WHERE key = 'sync.enrolment'").pluck().get()));
    district.sqlite.prepare("UPDATE meta SET value = ? WHERE key = 'sync.enrolment'").run(JSON.stringify({ ...e, hubUrl: 'http://127.0.0.1:1' }));
    const offline = await consolidationOf(district).preview([file('xa-3.ansinh')], null);
    expect(offline.map((f) => [f.status, f.reason])).toEqual([['refused', 'xa-3.ansinh: chưa kiểm tra được gói đồng bộ vì không kết nối được máy chủ tỉnh; hãy thử lại khi có mạng, gói vẫn còn nguyên.']]);
  });
});
