import { describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../main/core/database/open-database';
import { runCommand } from '../../main/core/write-path';
import { beneficiaryTable } from '../../main/registry/synced-tables';
import { payoutLevelTable } from '../../main/payout/synced-tables';
import { importCscaCertificate, listCscaCertificates } from '../../main/card/csca-store';
import { createImportService } from '../../main/excel/import-service';
import { createTestPki } from '../card/soft-card/test-pki';
import { syncNow, syncStatus, enrolWithHub } from '../../main/sync/sync-service';
import { openIssues, openIssueDetails, resolveIssue } from '../../main/sync/sync-issues';
import { createSyncService } from '../../main/sync/sync-capability';
import { outboxBatch } from '../../main/sync/outbox';
import { callHub } from '../../main/sync/hub-client';
import { newSigningKeys } from '../../main/sync/sync-crypto';
import { ensureAdminUnitReference } from '../../main/registry/admin-unit-reference';
import { readEnrolment } from '../../main/sync/sync-state';
import { exportBundle, importReceipt } from '../../main/sync/bundles';
import { writeBundle } from '../../main/sync/bundle-file';
import { importBundle } from '../../hub/bundle-import';
import { revokeDevice, addOffice, issueEnrolmentCode } from '../../hub/offices';
import { hubIdentity } from '../../hub/hub-identity';
import { adminPage } from '../../hub/admin-page';
import { PROTOCOL_VERSION, type PushAnswer } from '../../shared/sync/protocol';
import { openTempDatabase } from '../support/temp-database';
import { addPeople, peopleOf, clerk, COMMUNE_X, COMMUNE_Y, PROVINCE } from '../support/sync-hub';
import { hubPerFile } from '../support/hub-per-file';

const files = hubPerFile();
const desktop = files.desktop;

const count = async (sql: string, params: unknown[] = []) => Number((await files.hub.store.query<{ n: number }>(sql, params))[0].n);

describe('online sync between a commune, the office above and the hub', () => {
  it('enrols with a one-time code that names the hub, and refuses it twice or for another hub', async () => {
    const db = files.keep(openTempDatabase(files.dir, 'enrol.db'));
    const office = await addOffice(files.hub.store, { unitId: COMMUNE_X, name: 'Thử' });
    const code = await issueEnrolmentCode(files.hub.store, await hubIdentity(files.hub.store), office.id);
    const wrongHub = code.replace(/-[A-Z0-9]+$/, '-ZZZZZZ');
    await expect(enrolWithHub(db, files.hub.server.url, wrongHub)).rejects.toMatchObject({ code: 'hub-mismatch' });
    await enrolWithHub(db, files.hub.server.url, code);
    expect(readEnrolment(db)).toMatchObject({ deviceId: db.deviceId, officeUnitId: COMMUNE_X, hubSignKey: (await hubIdentity(files.hub.store)).signPublic });
    const other = files.keep(openTempDatabase(files.dir, 'enrol2.db'));
    await expect(enrolWithHub(other, files.hub.server.url, code)).rejects.toMatchObject({ code: 'code-used', vi: expect.stringContaining('đã được dùng') });
  });

  it('pushes a commune\'s work to the hub and the office above receives it; edits above come back; same data on both ends', async () => {
    const commune = await desktop('xa', { unitId: COMMUNE_X });
    const above = await desktop('tinh', { unitId: PROVINCE, area: [COMMUNE_X, COMMUNE_Y] });
    const ids = addPeople(commune, COMMUNE_X, ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường']);
    runCommand(commune, clerk, 'manual-edit', (w) => w.update(beneficiaryTable, ids[0], { village: 'Thôn Đông' }));
    const first = await syncNow(commune, { batchEntries: 2 });
    expect(first).toMatchObject({ pushed: 4, batches: 2, acked: outboxBatch(commune, 0, 100)!.upTo });
    expect(syncStatus(commune)).toMatchObject({ enrolled: true, pending: 0, problem: null, lastError: null });
    const received = await syncNow(above);
    expect(received.pulled).toBe(4);
    runCommand(above, clerk, 'manual-edit', (w) => w.update(beneficiaryTable, ids[1], { hometown: 'Hà Nam' }));
    await syncNow(above);
    await syncNow(commune);
    expect(peopleOf(commune)).toEqual(peopleOf(above));
    expect(commune.sqlite.prepare('SELECT hometown FROM beneficiaries WHERE id = ?').pluck().get(ids[1])).toBe('Hà Nam');
    // The commune keeps who made the change above, and where.
    const entry = commune.sqlite.prepare("SELECT l.device_id, c.user_id FROM change_log l JOIN commands c ON c.id = l.command_id WHERE l.field = 'hometown'").get();
    expect(entry).toEqual({ device_id: above.deviceId, user_id: clerk.userId });
    // A second round moves nothing.
    expect(await syncNow(commune)).toMatchObject({ pushed: 0, pulled: 0 });
    expect(await syncNow(above)).toMatchObject({ pushed: 0, pulled: 0 });
    await expect(adminPage(files.hub.store)).resolves.toContain('tinh');
  });

  it('a field changed on both sides is a conflict at the hub and on the desktop, nothing overwritten; a batch sent twice is applied once', async () => {
    const commune = await desktop('xa2', { unitId: COMMUNE_Y });
    const above = await desktop('tinh2', { unitId: PROVINCE, area: [COMMUNE_Y] });
    const [id] = addPeople(commune, COMMUNE_Y, ['Phạm Văn Dũng']);
    await syncNow(commune);
    await syncNow(above);
    runCommand(commune, clerk, 'manual-edit', (w) => w.update(beneficiaryTable, id, { birth: '1950-01-01' }));
    runCommand(above, clerk, 'manual-edit', (w) => w.update(beneficiaryTable, id, { birth: '1950-12-31' }));
    await syncNow(commune);
    const report = await syncNow(above);
    expect(report.held).toBe(1);
    expect(openIssues(above).map((i) => i.why).sort()).toEqual(['conflict', 'hub-conflict']);
    expect(above.sqlite.prepare('SELECT birth FROM beneficiaries WHERE id = ?').pluck().get(id)).toBe('1950-12-31');
    expect(commune.sqlite.prepare('SELECT birth FROM beneficiaries WHERE id = ?').pluck().get(id)).toBe('1950-01-01');
    expect(await count("SELECT count(*) AS n FROM conflicts WHERE entity_id = $1 AND outcome = 'conflict'", [id])).toBe(1);
    // The same batch again: acknowledged, nothing applied twice.
    const e = readEnrolment(commune)!;
    const caller = { url: files.hub.server.url, device: commune.deviceId, signPrivate: e.signPrivate, hubSignKey: e.hubSignKey };
    const before = await count('SELECT count(*) AS n FROM entries WHERE device_id = $1', [commune.deviceId]);
    const again = await callHub<PushAnswer>(caller, '/v1/push', outboxBatch(commune, 0, 100)!);
    expect(again.acked).toBe(outboxBatch(commune, 0, 100)!.upTo);
    expect(await count('SELECT count(*) AS n FROM entries WHERE device_id = $1', [commune.deviceId])).toBe(before);
  });

  it('a person decides each item of Cần xử lý (theirs or ours, seeing both values, who and when), and every office ends on the decided value', async () => {
    const commune = await desktop('xa-chon', { unitId: COMMUNE_Y });
    const above = await desktop('tren-chon', { unitId: PROVINCE, area: [COMMUNE_Y] });
    const [id] = addPeople(commune, COMMUNE_Y, ['Hà Văn Chọn']);
    await syncNow(commune);
    await syncNow(above);
    runCommand(commune, clerk, 'manual-edit', (w) => w.update(beneficiaryTable, id, { birth: '1950-01-01', village: 'Thôn Xã' }));
    runCommand(above, { userId: 'u-tren', origin: 'cli' }, 'manual-edit', (w) => w.update(beneficiaryTable, id, { birth: '1950-12-31', village: 'Thôn Trên' }));
    await syncNow(commune);
    await syncNow(above);
    await syncNow(commune);
    // Each side holds its own value and an item for each field; here, the other side's value, who and when.
    const items = openIssueDetails(above).filter((i) => i.decidable);
    expect(items.map((i) => [i.field, i.ours, i.theirs, i.theirsBy]).sort()).toEqual([['birth', '"1950-12-31"', '"1950-01-01"', 'u-clerk'], ['village', '"Thôn Trên"', '"Thôn Xã"', 'u-clerk']]);
    expect(items[0].theirsAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    // The office above takes the commune's birth and keeps its own village.
    const actor = { userId: 'u-tren', origin: 'cli' as const };
    expect(resolveIssue(above, actor, items.find((i) => i.field === 'birth')!.id, 'theirs').resolved).toBe(2); // with its own change the hub held
    resolveIssue(above, actor, items.find((i) => i.field === 'village')!.id, 'ours');
    await syncNow(above);
    await syncNow(commune);
    for (const i of openIssueDetails(commune).filter((x) => x.decidable)) resolveIssue(commune, clerk, i.id, 'dismiss');
    await syncNow(commune);
    await syncNow(above);
    const person = (db: AppDatabase) => db.sqlite.prepare('SELECT birth, village FROM beneficiaries WHERE id = ?').get(id);
    expect(person(above)).toEqual({ birth: '1950-01-01', village: 'Thôn Trên' });
    expect(person(commune)).toEqual(person(above));
    expect(openIssueDetails(above)).toEqual([]);
    expect(await count("SELECT count(*) AS n FROM conflicts WHERE entity_id = $1 AND seq > 0 AND device_id = $2", [id, above.deviceId])).toBeGreaterThan(0); // what happened stays at the hub
    expect((await files.hub.store.query<{ field: string; value: string }>("SELECT field, value FROM field_state WHERE entity_id = $1 AND field IN ('birth', 'village') ORDER BY field", [id])))
      .toEqual([{ field: 'birth', value: '"1950-01-01"' }, { field: 'village', value: '"Thôn Trên"' }]);
  });

  it('merges a record\'s problems changed on both sides item by item, at the hub and on both desktops, without asking anyone', async () => {
    const commune = await desktop('xa-loi', { unitId: COMMUNE_X });
    const above = await desktop('tren-loi', { unitId: PROVINCE, area: [COMMUNE_X] });
    const problem = (field: string, code: string) => ({ field, code, message: `${field}: ${code}` });
    const [id] = addPeople(commune, COMMUNE_X, ['Đinh Thị Lỗi']);
    runCommand(commune, clerk, 'import-fix', (w) => w.update(beneficiaryTable, id, { problems: JSON.stringify([problem('birth', 'missing'), problem('idNumber', 'invalid')]) }));
    await syncNow(commune);
    await syncNow(above);
    // The commune fixes the ID and finds the village missing; the office above fixes the birth and finds the sex missing.
    runCommand(commune, clerk, 'manual-edit', (w) => w.update(beneficiaryTable, id, { problems: JSON.stringify([problem('birth', 'missing'), problem('village', 'missing')]) }));
    runCommand(above, clerk, 'manual-edit', (w) => w.update(beneficiaryTable, id, { problems: JSON.stringify([problem('idNumber', 'invalid'), problem('sex', 'missing')]) }));
    await syncNow(commune);
    expect((await syncNow(above)).held).toBe(0);
    await syncNow(commune);
    const problems = (db: AppDatabase) => JSON.parse(String(db.sqlite.prepare('SELECT problems FROM beneficiaries WHERE id = ?').pluck().get(id)));
    expect(problems(commune)).toEqual([problem('sex', 'missing'), problem('village', 'missing')]);
    expect(problems(above)).toEqual(problems(commune));
    expect(openIssues(commune)).toEqual([]);
    expect(openIssues(above)).toEqual([]);
    expect(await count('SELECT count(*) AS n FROM conflicts WHERE entity_id = $1', [id])).toBe(0);
    const atHub = await files.hub.store.query<{ value: string }>("SELECT value FROM field_state WHERE entity_id = $1 AND field = 'problems'", [id]);
    expect(JSON.parse(JSON.parse(atHub[0].value))).toEqual(problems(commune));
  });

  it('a problem fixed on one side after both merged stays fixed everywhere (the merge\'s base is what the editor held, not the value its base entry was sent with)', async () => {
    const commune = await desktop('xa-loi-2', { unitId: COMMUNE_X });
    const above = await desktop('tren-loi-2', { unitId: PROVINCE, area: [COMMUNE_X] });
    const problem = (field: string, code: string) => ({ field, code, message: `${field}: ${code}` });
    const set = (db: AppDatabase, list: unknown[]) => runCommand(db, clerk, 'manual-edit', (w) => w.update(beneficiaryTable, id, { problems: JSON.stringify(list) }));
    const problems = (db: AppDatabase) => JSON.parse(String(db.sqlite.prepare('SELECT problems FROM beneficiaries WHERE id = ?').pluck().get(id)));
    const [id] = addPeople(commune, COMMUNE_X, ['Đinh Văn Hai Lần']);
    set(commune, [problem('birth', 'missing')]);
    await syncNow(commune);
    await syncNow(above);
    // The commune raises the village; the office above fixes the birth: both merge to [village].
    set(commune, [problem('birth', 'missing'), problem('village', 'missing')]);
    set(above, []);
    await syncNow(commune);
    await syncNow(above);
    await syncNow(commune);
    expect(problems(commune)).toEqual([problem('village', 'missing')]);
    expect(problems(above)).toEqual([problem('village', 'missing')]);
    // The commune then fixes the village: it must not come back at the office above, nor at the hub.
    set(commune, []);
    await syncNow(commune);
    await syncNow(above);
    await syncNow(commune);
    expect(problems(commune)).toEqual([]);
    expect(problems(above)).toEqual([]);
    const atHub = await files.hub.store.query<{ value: string }>("SELECT value FROM field_state WHERE entity_id = $1 AND field = 'problems'", [id]);
    expect(JSON.parse(JSON.parse(atHub[0].value))).toEqual([]);
    // And the other way round: the office above raises the sex again and the commune fixes it once both hold it.
    set(above, [problem('sex', 'missing')]);
    set(commune, [problem('hometown', 'missing')]);
    await syncNow(above);
    await syncNow(commune);
    await syncNow(above);
    expect(problems(above)).toEqual([problem('hometown', 'missing'), problem('sex', 'missing')]);
    expect(problems(commune)).toEqual(problems(above));
    set(above, [problem('hometown', 'missing')]);
    await syncNow(above);
    await syncNow(commune);
    expect(problems(commune)).toEqual([problem('hometown', 'missing')]);
    expect(openIssues(commune)).toEqual([]);
    expect(openIssues(above)).toEqual([]);
  });

  it('publishes the province office\'s levels to every office; a commune\'s own level does not reach the other communes', async () => {
    const province = await desktop('so-ld', { unitId: PROVINCE, area: [PROVINCE], publishes: true });
    const commune = await desktop('xa-muc', { unitId: COMMUNE_X });
    const otherCommune = await desktop('xa-muc-2', { unitId: COMMUNE_Y });
    const level = (db: AppDatabase, id: string, amount: number) => runCommand(db, clerk, 'payout-level', (w) => w.insert(payoutLevelTable,
      { id, levelCode: 'BTXH-CHUAN', unitId: PROVINCE, effectiveFrom: '2027-01-01', amount, basis: 'Nghị quyết HĐND tỉnh (thử)' }));
    level(province, 'muc-tinh-2027', 600000);
    level(commune, 'muc-rieng-xa', 650000);
    await syncNow(province);
    await syncNow(commune);
    await syncNow(otherCommune);
    const levels = (db: AppDatabase) => db.sqlite.prepare("SELECT id, amount FROM payout_levels WHERE id IN ('muc-tinh-2027', 'muc-rieng-xa') ORDER BY id").all();
    expect(levels(commune)).toEqual([{ id: 'muc-rieng-xa', amount: 650000 }, { id: 'muc-tinh-2027', amount: 600000 }]);
    expect(levels(otherCommune)).toEqual([{ id: 'muc-tinh-2027', amount: 600000 }]);
    // A later change of the published level reaches every office too.
    runCommand(province, clerk, 'payout-level', (w) => w.update(payoutLevelTable, 'muc-tinh-2027', { amount: 620000 }));
    await syncNow(province);
    await syncNow(otherCommune);
    expect(levels(otherCommune)).toEqual([{ id: 'muc-tinh-2027', amount: 620000 }]);
    await expect(adminPage(files.hub.store)).resolves.toContain('Mức chuẩn trợ cấp');
    // A country signing certificate imported at the province is trusted at every office's card reader.
    const csca = createTestPki().csca.der;
    expect(importCscaCertificate(province, clerk, csca).added).toBe(true);
    await syncNow(province);
    await syncNow(otherCommune);
    expect(listCscaCertificates(otherCommune).map((c) => Buffer.from(c).toString('base64'))).toEqual([Buffer.from(csca).toString('base64')]);
    expect(importCscaCertificate(otherCommune, clerk, csca).added).toBe(false);
    // A list layout the province's clerk taught the importer is read the same way at every office; a commune's own stays there.
    createImportService(province).rememberMapping(clerk, 'L0a1b2c3d', { fullName: 1, birth: 3, idNumber: 5 });
    createImportService(commune).rememberMapping(clerk, 'L99999999', { fullName: 2 });
    await syncNow(province);
    await syncNow(commune);
    await syncNow(otherCommune);
    expect(createImportService(otherCommune).mappings()).toEqual({ L0a1b2c3d: { fullName: 1, birth: 3, idNumber: 5 } });
    await expect(adminPage(files.hub.store)).resolves.toContain('Cách đọc cột của các mẫu danh sách');
  });

  it('syncs on its own in the background once enrolled: the commune\'s work reaches the office above without anyone pressing Đồng bộ ngay', async () => {
    const commune = await desktop('xa-tu-dong', { unitId: COMMUNE_Y });
    const above = await desktop('tren-tu-dong', { unitId: PROVINCE, area: [COMMUNE_Y] });
    const services = [commune, above].map((db) => createSyncService(db, { background: { everyMs: 100, firstBackoffMs: 100, maxBackoffMs: 1000 } }));
    try {
      const [id] = addPeople(commune, COMMUNE_Y, ['Tạ Văn Tự Động']);
      await expect.poll(() => above.sqlite.prepare('SELECT full_name FROM beneficiaries WHERE id = ?').pluck().get(id), { timeout: 15_000 }).toBe('Tạ Văn Tự Động');
      expect(services[0].background()).toMatchObject({ failures: 0 });
      expect(syncStatus(commune)).toMatchObject({ pending: 0, lastError: null });
    } finally {
      for (const s of services) s.close();
    }
  });

  it('refuses a revoked device, a request signed by another key, and a newer protocol, in Vietnamese', async () => {
    const db = await desktop('mat-may', { unitId: COMMUNE_X });
    const e = readEnrolment(db)!;
    const caller = { url: files.hub.server.url, device: db.deviceId, signPrivate: e.signPrivate, hubSignKey: e.hubSignKey };
    await expect(callHub(caller, '/v1/pull', { v: PROTOCOL_VERSION + 1, cursor: 0 })).rejects.toMatchObject({ code: 'version', vi: expect.stringContaining('phiên bản mới hơn') });
    const stranger = await desktop('khac', { unitId: COMMUNE_X });
    await expect(callHub({ ...caller, signPrivate: readEnrolment(stranger)!.signPrivate }, '/v1/status', { v: PROTOCOL_VERSION })).rejects.toMatchObject({ code: 'bad-signature' });
    await revokeDevice(files.hub.store, db.deviceId);
    addPeople(db, COMMUNE_X, ['Võ Thị Em']);
    await expect(syncNow(db)).rejects.toMatchObject({ code: 'revoked', vi: expect.stringContaining('thu hồi') });
    expect(syncStatus(db).lastError).toContain('thu hồi');
  });
});

describe('unknown devices and newer apps', () => {
  it('refuses a request and a bundle from a device the hub never enrolled, in one Vietnamese line, and applies nothing', async () => {
    const stranger = files.keep(openTempDatabase(files.dir, 'la.db'));
    const keys = newSigningKeys();
    const identity = await hubIdentity(files.hub.store);
    const caller = { url: files.hub.server.url, device: stranger.deviceId, signPrivate: keys.privateKey, hubSignKey: identity.signPublic };
    await expect(callHub(caller, '/v1/status', { v: PROTOCOL_VERSION })).rejects.toMatchObject({ code: 'not-enrolled', vi: expect.stringContaining('chưa đăng ký') });
    ensureAdminUnitReference(stranger);
    addPeople(stranger, COMMUNE_X, ['Người Lạ']);
    const header = { v: PROTOCOL_VERSION, kind: 'changes' as const, hub: identity.id, device: stranger.deviceId, number: 1, createdAt: new Date().toISOString() };
    const bundle = writeBundle(header, { batch: outboxBatch(stranger, 0, 100), cursor: 0 }, keys.privateKey, identity.boxPublic);
    await expect(importBundle(files.hub.store, bundle)).rejects.toMatchObject({ code: 'not-enrolled', vi: expect.stringContaining('chưa đăng ký') });
    expect(await count('SELECT count(*) AS n FROM entries WHERE device_id = $1', [stranger.deviceId])).toBe(0);
  });

  it('passes on the fields and tables of a newer app untouched: the hub keeps them and the office above keeps them in its log', async () => {
    const commune = await desktop('xa-moi', { unitId: COMMUNE_Y });
    const above = await desktop('tren-moi', { unitId: PROVINCE, area: [COMMUNE_Y] });
    const [id] = addPeople(commune, COMMUNE_Y, ['Trương Văn Mới']);
    const batch = outboxBatch(commune, 0, 100)!;
    const insert = batch.entries.find((e) => e.entity === 'beneficiaries')!;
    insert.value = JSON.stringify({ ...JSON.parse(insert.value!), zaloNumber: '0912000111' });
    batch.entries.push({ ...insert, seq: batch.upTo + 1, op: 'update', field: 'zaloNumber', value: '"0912000222"', base: `${commune.deviceId}:${insert.seq}` },
      { ...insert, seq: batch.upTo + 2, entity: 'home_visits', id: 'hv-1', op: 'insert', value: JSON.stringify({ beneficiaryId: id, unitId: COMMUNE_Y, day: '2026-12-01' }) });
    batch.upTo += 2;
    const e = readEnrolment(commune)!;
    const answer = await callHub<PushAnswer>({ url: files.hub.server.url, device: commune.deviceId, signPrivate: e.signPrivate, hubSignKey: e.hubSignKey }, '/v1/push', batch);
    expect(answer).toMatchObject({ acked: batch.upTo, outcomes: [] });
    expect((await files.hub.store.query<{ value: string }>("SELECT value FROM field_state WHERE entity_id = $1 AND field = 'zaloNumber'", [id]))[0].value).toBe('"0912000222"');
    await syncNow(above);
    expect(above.sqlite.prepare('SELECT full_name FROM beneficiaries WHERE id = ?').pluck().get(id)).toBe('Trương Văn Mới');
    const kept = above.sqlite.prepare("SELECT entity, field, new_value FROM change_log WHERE device_id = ? AND (field = 'zaloNumber' OR entity = 'home_visits' OR new_value LIKE '%0912000111%') ORDER BY seq")
      .all(commune.deviceId) as { entity: string; field: string | null }[];
    expect(kept.map((k) => [k.entity, k.field])).toEqual([['beneficiaries', null], ['beneficiaries', 'zaloNumber'], ['home_visits', null]]);
  });
});

describe('USB bundles', () => {
  it('carries everything unacknowledged to the hub and a receipt back, once, whatever the order', async () => {
    const commune = await desktop('xa-usb', { unitId: COMMUNE_Y });
    const above = await desktop('tinh-usb', { unitId: PROVINCE, area: [COMMUNE_Y] });
    addPeople(commune, COMMUNE_Y, ['Đặng Văn Giáp', 'Bùi Thị Hoa']);
    const first = exportBundle(commune);
    addPeople(commune, COMMUNE_Y, ['Hồ Văn Ích']);
    const second = exportBundle(commune);
    expect([first.number, second.number]).toEqual([1, 2]);
    expect(second.entries).toBe(3); // everything not acknowledged, not only what is new since the first
    expect(second.bytes.includes(Buffer.from('Giáp'))).toBe(false); // unreadable on the stick
    const two = await importBundle(files.hub.store, second.bytes);
    const one = await importBundle(files.hub.store, first.bytes);
    const twoAgain = await importBundle(files.hub.store, second.bytes);
    expect([two.replay, one.replay, twoAgain.replay]).toEqual([false, true, true]);
    expect(await count('SELECT count(*) AS n FROM entries WHERE device_id = $1', [commune.deviceId])).toBe(3);
    expect(importReceipt(commune, two.bytes)).toMatchObject({ number: 2, acked: 3 });
    expect(exportBundle(commune).entries).toBe(0);
    await syncNow(above);
    expect(peopleOf(above)).toEqual(peopleOf(commune));
    // The office above's edit comes back in the next receipt.
    const [id] = peopleOf(commune).map((p) => String(p.id));
    runCommand(above, clerk, 'manual-edit', (w) => w.update(beneficiaryTable, id, { village: 'Xóm Chùa' }));
    await syncNow(above);
    const receipt = await importBundle(files.hub.store, exportBundle(commune).bytes);
    expect(importReceipt(commune, receipt.bytes).received).toBe(1);
    expect(peopleOf(commune)).toEqual(peopleOf(above));
  });

  it('refuses a tampered, truncated, foreign, revoked or newer bundle with a clear message and applies nothing', async () => {
    const commune = await desktop('xa-xau', { unitId: COMMUNE_X });
    addPeople(commune, COMMUNE_X, ['Ngô Văn Khải']);
    const good = exportBundle(commune).bytes;
    const tampered = Buffer.from(good);
    tampered[tampered.length - 100] ^= 1;
    await expect(importBundle(files.hub.store, tampered)).rejects.toMatchObject({ code: 'bundle-tampered', vi: expect.stringContaining('bị sửa') });
    await expect(importBundle(files.hub.store, good.subarray(0, good.length / 2))).rejects.toMatchObject({ vi: expect.stringMatching(/cắt cụt|bị sửa/) });
    await expect(importBundle(files.hub.store, Buffer.from('PK\u0003\u0004 not a bundle'))).rejects.toMatchObject({ code: 'not-a-bundle' });
    const e = readEnrolment(commune)!;
    const header = { v: PROTOCOL_VERSION, kind: 'changes' as const, hub: 'another-hub', device: commune.deviceId, number: 9, createdAt: new Date().toISOString() };
    await expect(importBundle(files.hub.store, writeBundle(header, {}, e.signPrivate, e.hubBoxKey))).rejects.toMatchObject({ code: 'other-hub', vi: expect.stringContaining('máy chủ tỉnh khác') });
    await expect(importBundle(files.hub.store, writeBundle({ ...header, hub: e.hubId, v: PROTOCOL_VERSION + 1 }, {}, e.signPrivate, e.hubBoxKey)))
      .rejects.toMatchObject({ vi: expect.stringContaining('phiên bản mới hơn') });
    expect(await count('SELECT count(*) AS n FROM entries WHERE device_id = $1', [commune.deviceId])).toBe(0);
    await revokeDevice(files.hub.store, commune.deviceId);
    await expect(importBundle(files.hub.store, good)).rejects.toMatchObject({ code: 'revoked' });
    expect(await count('SELECT count(*) AS n FROM entries WHERE device_id = $1', [commune.deviceId])).toBe(0);
  });
});

describe('a cut in the middle of a batch', () => {
  it('resumes from the byte where the upload stopped, not from zero', async () => {
    const { startBadNetwork, GOOD_LINE } = await import('../support/bad-network');
    const { deflateSync, strToU8 } = await import('fflate');
    const commune = await desktop('xa-cat', { unitId: COMMUNE_X });
    addPeople(commune, COMMUNE_X, Array.from({ length: 300 }, (_, i) => `Người ${i} Nguyễn Văn Dài Tên Để Gói Lớn`));
    const size = deflateSync(strToU8(JSON.stringify(outboxBatch(commune, 0, 500)))).length;
    const net = await startBadNetwork({ host: '127.0.0.1', port: files.hub.server.port }, GOOD_LINE);
    try {
      net.cutAt = [net.upstreamBytes + 1500 + Math.round(size * 0.6)];
      await expect(syncNow(commune, { viaUrl: net.url })).rejects.toMatchObject({ code: 'offline' });
      expect(net.cuts).toBe(1);
      // What arrived before the cut is kept (the hub writes it as soon as it sees the connection go).
      await expect.poll(async () => Number((await files.hub.store.query<{ n: number }>('SELECT length(bytes) AS n FROM uploads WHERE device_id = $1', [commune.deviceId]))[0]?.n ?? 0))
        .toBeGreaterThan(size * 0.4);
      const before = net.upstreamBytes;
      await syncNow(commune, { viaUrl: net.url });
      expect(net.upstreamBytes - before).toBeLessThan(size * 0.6 + 4000); // the rest and the requests' headers, not the whole batch again
      expect(await count('SELECT count(*) AS n FROM entries WHERE device_id = $1', [commune.deviceId])).toBe(300);
      expect(await count('SELECT count(*) AS n FROM uploads WHERE device_id = $1', [commune.deviceId])).toBe(0);
    } finally {
      await net.close();
    }
  });
});
