import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../main/app/services';
import { downloadPath } from '../../../main/app/downloads';
import { openDatabase } from '../../../main/core/database/open-database';
import { migrationsDir } from '../../../main/core/app-paths';
import { seedDemo } from '../../../main/demo/seed-demo';
import type { Visit } from '../../../shared/contract/clinic';
import { startInsuranceGateway, type GatewayCard, type InsuranceGateway } from '../../support/insurance-gateway';
import { loginAs, okOutput } from '../../support/services';

// The whole check-in through dispatch, as the doors call it, on a real database and the test gateway on loopback.
const OFFICER = { fullName: 'Trần Văn Bình', idNumber: '037090001234' };
const HUONG: GatewayCard = {
  cardCode: 'GD4010123456789', idNumber: '001085012345', fullName: 'Nguyễn Thị Thu Hương', birth: '07/03/1985', sex: 'Nữ',
  initialFacility: '01054', validFrom: '01/01/2026', validTo: '31/12/2026', fiveYearsFrom: '01/01/2024',
};
const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex');
const typed = (idNumber: string, fullName = HUONG.fullName, birth = '1985-03-07') => ({ identity: { idNumber, fullName, birth } });

let dir: string;
let gw: InsuranceGateway;
let services: Services;
let reception: Awaited<ReturnType<typeof loginAs>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ansinh-clinic-'));
  gw = await startInsuranceGateway({ officers: [OFFICER], cards: [HUONG] });
  const path = join(dir, 'clinic.db');
  const db = openDatabase({ path, migrationsFolder: migrationsDir(), create: true });
  seedDemo(db, { people: 20 });
  db.close();
  services = createServices({ dbPath: path, quiet: true, clinic: { gatewayTimeoutMs: 1500, cacheAfterMs: 300, retryMs: 150, env: {} } });
  const admin = await loginAs(services, 'quantri', 'quantri123!');
  okOutput(await admin('clinic.saveSettings', { endpoint: `${gw.url}/`, username: gw.username, password: gw.password, facilityCode: '01 - 054', facilityName: 'Trạm y tế xã Bình Sơn' }));
  reception = await loginAs(services, 'yte', 'yte12345!');
  okOutput(await reception('clinic.setOfficer', OFFICER));
});

afterAll(async () => {
  await services.close();
  await gw.stop();
  rmSync(dir, { recursive: true, force: true });
});

const checkIn = async (input: unknown) => okOutput<Visit>(await reception('clinic.checkIn', input));

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (done(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('clinic check-in', () => {
  it('a typed CCCD: valid card, benefit level, our facility, five years, the visit numbered and the lookup audited', async () => {
    const visit = await checkIn({ ...typed('001085012345'), reason: 'Khám ho, sốt' });
    expect(visit).toMatchObject({
      number: 1, reason: 'Khám ho, sốt', officerName: OFFICER.fullName, identifiedBy: 'typed',
      person: { idNumber: '001085012345', fullName: HUONG.fullName, birth: '1985-03-07' },
      insurance: {
        status: 'valid', verdict: 'accept', resultCode: '000', cardCode: 'GD4010123456789', benefitLevel: 4, benefitPercent: 80,
        validFrom: '2026-01-01', validTo: '2026-12-31', initialFacility: '01054', initialFacilityIsOurs: true, fiveYearsFrom: '2024-01-01',
        source: 'gateway', pending: false,
      },
    });
    expect(visit.insurance.line).toBe('Thẻ BHYT còn giá trị, thông tin đúng.');
    const lookup = services.db.sqlite.prepare("SELECT subject, detail, user_id AS userId FROM audit_events WHERE action = 'insurance-lookup' ORDER BY seq DESC LIMIT 1").get() as
      { subject: string; detail: string; userId: string };
    expect(lookup.subject).toBe('001085012345');
    expect(JSON.parse(lookup.detail)).toMatchObject({ visitId: visit.id, status: 'valid', resultCode: '000', source: 'gateway', background: false });
    // The gateway got the officer, the patient and the date as it wants them.
    expect(gw.calls.at(-1)!.body).toEqual({ maThe: '001085012345', hoTen: HUONG.fullName, ngaySinh: '07/03/1985', hoTenCb: OFFICER.fullName, cccdCb: OFFICER.idNumber });

    const second = await checkIn(typed('GD4010123456789'));
    expect(second.number).toBe(2);
    expect(second.person.cardCode).toBe('GD4010123456789');
  });

  it.each([
    ['004', 'valid', 'accept'],
    ['001', 'valid', 'warn'],
    ['002', 'valid', 'warn'],
    ['003', 'expired', 'refuse'],
    ['010', 'expired', 'refuse'],
    ['110', 'reduced', 'refuse'],
    ['123', 'reduced', 'refuse'],
    ['130', 'refused', 'refuse'],
    ['205', 'unknown', 'own-error'],
    ['777', 'unknown', 'own-error'],
  ])('result code %s → %s (%s), and the visit is recorded all the same', async (code, status, verdict) => {
    const cardCode = `DN3010000000${code}`;
    gw.setCard({ ...HUONG, idNumber: undefined, cardCode, resultCode: code, newCardCode: code === '003' || code === '004' ? 'DN3019999999999' : undefined });
    const visit = await checkIn(typed(cardCode));
    expect(visit.insurance).toMatchObject({ status, verdict, resultCode: code, source: 'gateway', pending: false });
    if (code === '777') expect(visit.insurance.line).toContain('777');
    if (code === '004') expect(visit.insurance.newCardCode).toBe('DN3019999999999');
    expect(visit.number).toBeGreaterThan(0);
  });

  it('a wrong name or birth, a card the gateway does not know: the gateway\'s own refusal, in one line', async () => {
    expect((await checkIn(typed('001085012345', 'Trần Thị Hoa'))).insurance).toMatchObject({ status: 'refused', resultCode: '060' });
    expect((await checkIn(typed('001085012345', HUONG.fullName, '1985-07-03'))).insurance).toMatchObject({ status: 'refused', resultCode: '070' });
    expect((await checkIn(typed('HS4019999999999'))).insurance).toMatchObject({ status: 'not-found', resultCode: '050' });
  });

  it('an officer whose CCCD the gateway rejects (055) or whose name does not match it (054): one line, the visit kept', async () => {
    const wrongId = await checkIn({ ...typed('001085012345'), officer: { fullName: OFFICER.fullName, idNumber: '001199000000' } });
    expect(wrongId.insurance).toMatchObject({ status: 'refused', resultCode: '055' });
    expect(wrongId.insurance.line).toMatch(/CCCD của cán bộ/);
    const wrongName = await checkIn({ ...typed('001085012345'), officer: { fullName: 'Lê Văn Cường', idNumber: OFFICER.idNumber } });
    expect(wrongName.insurance).toMatchObject({ status: 'refused', resultCode: '054' });
    const day = okOutput<Visit[]>(await reception('clinic.visits', {}));
    expect(day.map((v) => v.id)).toEqual(expect.arrayContaining([wrongId.id, wrongName.id]));
  });

  it('malformed answers (not JSON, no result code, missing fields) give one line and a visit; nothing is lost', async () => {
    gw.setCard({ ...HUONG, idNumber: undefined, cardCode: 'CH4010000000001', behaviour: { kind: 'missing-fields' } });
    const missing = await checkIn(typed('CH4010000000001'));
    expect(missing.insurance).toMatchObject({ status: 'unknown', verdict: 'own-error', resultCode: '000', pending: false });
    expect(missing.insurance.line).toMatch(/thiếu thông tin thẻ/);
    gw.setCard({ ...HUONG, idNumber: undefined, cardCode: 'CH4010000000002', behaviour: { kind: 'not-json' } });
    const garbage = await checkIn(typed('CH4010000000002'));
    expect(garbage.insurance).toMatchObject({ status: 'unknown', source: null, pending: true });
    expect(garbage.insurance.line).toMatch(/không đúng định dạng/);
  });

  it('the gateway down: the last known status at once, marked not checked today; the screen updates when it answers', async () => {
    gw.setDown(true);
    const started = Date.now();
    const visit = await checkIn(typed('001085012345'));
    expect(Date.now() - started).toBeLessThan(1500);
    expect(visit.insurance).toMatchObject({ status: 'valid', source: 'cache', pending: true, cardCode: 'GD4010123456789', validTo: '2026-12-31' });
    expect(visit.insurance.line).toMatch(/Không kết nối được cổng BHXH\. Tình trạng lần tra trước \(chưa kiểm tra hôm nay\)/);
    expect(visit.insurance.checkedAt).toBeLessThan(started);

    // Someone never checked here before: unknown, still recorded, still queued.
    const stranger = await checkIn(typed('036199000123', 'Phạm Văn Đông', '1999'));
    expect(stranger.insurance).toMatchObject({ status: 'unknown', source: null, pending: true });

    gw.setCard({ ...HUONG, cardCode: 'GD4010123456789', resultCode: '120' }); // reported reduced meanwhile
    gw.setDown(false);
    const updated = await until(() => reception('clinic.visit', { id: visit.id }).then((r) => okOutput<Visit>(r)), (v) => !v.insurance.pending);
    expect(updated.insurance).toMatchObject({ status: 'reduced', resultCode: '120', source: 'gateway', pending: false });
    expect(updated.number).toBe(visit.number);
    const background = services.db.sqlite.prepare("SELECT detail FROM audit_events WHERE action = 'insurance-lookup' AND json_extract(detail, '$.visitId') = ? ORDER BY seq").pluck().all(visit.id) as string[];
    expect(background.map((d) => JSON.parse(d).background)).toEqual([false, true]);
    const strangerNow = await until(() => reception('clinic.visit', { id: stranger.id }).then((r) => okOutput<Visit>(r)), (v) => !v.insurance.pending);
    expect(strangerNow.insurance).toMatchObject({ status: 'not-found', resultCode: '050' });
    gw.setCard({ ...HUONG });
  });

  it('a slow gateway and a patient known here: the last known status after a moment, the answer when it comes', async () => {
    gw.setCard({ ...HUONG, behaviour: { kind: 'slow', delayMs: 800 } });
    const started = Date.now();
    const visit = await checkIn(typed('001085012345'));
    expect(Date.now() - started).toBeLessThan(700);
    expect(visit.insurance).toMatchObject({ source: 'cache', pending: true });
    expect(visit.insurance.line).toMatch(/^Cổng BHXH đang trả lời chậm\. Tình trạng lần tra trước/);
    const answered = await until(() => reception('clinic.visit', { id: visit.id }).then((r) => okOutput<Visit>(r)), (v) => !v.insurance.pending);
    expect(answered.insurance).toMatchObject({ status: 'valid', source: 'gateway', pending: false });
    gw.setCard({ ...HUONG });
  });

  it('a gateway that stopped answering: the first known patient waits the grace, the next ones not, until it answers again', async () => {
    gw.setCard({ ...HUONG, behaviour: { kind: 'hang' } });
    let started = Date.now();
    const first = await checkIn(typed('001085012345'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(first.insurance).toMatchObject({ source: 'cache', pending: true });
    started = Date.now();
    const next = await checkIn(typed('001085012345'));
    expect(Date.now() - started).toBeLessThan(200);
    expect(next.insurance).toMatchObject({ status: 'valid', source: 'cache', pending: true });
    // Back: the lookups under way time out and are asked again in the background; the answer ends the no-wait.
    gw.setCard({ ...HUONG });
    const answered = await until(() => reception('clinic.visit', { id: next.id }).then((r) => okOutput<Visit>(r)), (v) => !v.insurance.pending);
    expect(answered.insurance).toMatchObject({ status: 'valid', source: 'gateway' });
    const again = await checkIn(typed('001085012345'));
    expect(again.insurance).toMatchObject({ source: 'gateway', pending: false });
  });

  it('QR codes: the CCCD\'s, the paper BHYT card\'s; another kind of QR is refused with one line and records nothing', async () => {
    const cccd = await checkIn({ identity: { qr: `001085012345|012345678|${HUONG.fullName}|07031985|Nữ|Hà Nội|10072021` } });
    expect(cccd).toMatchObject({ identifiedBy: 'cccd-qr', person: { idNumber: '001085012345', sex: 'F' }, insurance: { status: 'valid' } });
    const paper = await checkIn({ identity: { qr: `GD4010123456789|${hex(HUONG.fullName)}|07/03/1985|2|${hex('Hà Nội')}|01 - 054|01/01/2026|31/12/2026|01/01/2026|0123456789|-|4|01/01/2024|abc|$` } });
    expect(paper).toMatchObject({ identifiedBy: 'bhyt-qr', person: { idNumber: null, cardCode: 'GD4010123456789', fullName: HUONG.fullName }, insurance: { status: 'valid' } });
    const count = okOutput<Visit[]>(await reception('clinic.visits', {})).length;
    const other = await reception('clinic.checkIn', { identity: { qr: '00020101021238570010A00000072701270006970436' } });
    expect(other).toMatchObject({ ok: false, error: { code: 'qr-not-a-card' } });
    expect(okOutput<Visit[]>(await reception('clinic.visits', {})).length).toBe(count);
  });

  it('a typed number that is none of CCCD, card code or mã số BHXH is refused at the field', async () => {
    expect(await reception('clinic.checkIn', typed('12345'))).toMatchObject({ ok: false, error: { code: 'bad-id' } });
  });

  it('the day\'s check-ins export to a workbook for the hospital system, with codes kept as text; the export is audited', async () => {
    const out = okOutput<{ fileName: string; count: number; downloadRef: string }>(await reception('clinic.exportDay', {}));
    expect(out.fileName).toMatch(/^Tiep_don_\d{2}-\d{2}-\d{4}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(downloadPath(out.downloadRef)!);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(out.count + 1);
    expect(sheet.getRow(1).getCell(3).value).toBe('Họ và tên');
    expect(sheet.getRow(2).getCell(1).value).toBe(1);
    expect(sheet.getRow(2).getCell(6).value).toBe('001085012345');
    expect(sheet.getRow(2).getCell(7).value).toBe('GD4010123456789');
    expect(services.db.sqlite.prepare("SELECT count(*) FROM audit_events WHERE action = 'clinic-export'").pluck().get()).toBe(1);
  });

  it('clinic reception never sees welfare data; commune clerks never see visits; the settings are the administrator\'s and the password never comes back', async () => {
    expect(await reception('beneficiaries.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await reception('clinic.settings', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const clerk = await loginAs(services, 'canbo', 'canbo123!');
    for (const [m, input] of [['clinic.visits', {}], ['clinic.checkIn', typed('001085012345')], ['clinic.exportDay', {}], ['clinic.visit', { id: 'x' }]] as const) {
      expect(await clerk(m, input)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const admin = await loginAs(services, 'quantri', 'quantri123!');
    const settings = okOutput<Record<string, unknown>>(await admin('clinic.settings', {}));
    expect(settings).toEqual({ endpoint: gw.url, username: gw.username, hasPassword: true, facilityCode: '01054', facilityName: 'Trạm y tế xã Bình Sơn', fromEnvironment: false });
    expect(JSON.stringify(settings)).not.toContain(gw.password);
    const logged = services.db.sqlite.prepare('SELECT group_concat(coalesce(new_value, \'\'), \' \') FROM change_log').pluck().get() as string;
    expect(logged).not.toContain(gw.password);
  });
});

describe('the facility on the slip', () => {
  it('reception reads the facility\'s code and name, never the gateway account (which stays with the administrator)', async () => {
    expect(okOutput(await reception('clinic.facility', {}))).toEqual({ code: '01054', name: 'Trạm y tế xã Bình Sơn' });
    expect(await reception('clinic.settings', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
