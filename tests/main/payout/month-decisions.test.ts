import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../main/app/services';
import type { RosterView } from '../../../shared/contract/payout';
import { demoServices, loginAs, okOutput } from '../../support/services';
import { tempDir } from '../../support/temp-database';
import { addPeople } from './payout-fixture';

let services: Services;
let cleanup: () => void;
let clerk: Awaited<ReturnType<typeof loginAs>>;
let admin: Awaited<ReturnType<typeof loginAs>>;

const today = new Date().toISOString().slice(0, 10);
const view = async (filter = 'all', period = '2026-12') => okOutput<RosterView>(await clerk('payout.get', { period, filter, limit: 1000 }));
const keyOf = (v: RosterView, name: string) => v.lines.find((l) => l.fullName === name)!.key;

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  services = demoServices(t.dir, { people: 0 });
  clerk = await loginAs(services, 'canbo', 'canbo123!');
  admin = await loginAs(services, 'quantri', 'quantri123!');
  addPeople(services, [
    { fullName: 'Nguyễn Văn An', village: 'Thôn Bắc', birth: '1940', idNumber: '035040000021', categoryGroup: 'BTXH', categoryLabel: 'Người cao tuổi (80 tuổi trở lên)', account: 'self' },
    { fullName: 'Phạm Thị Dung', village: 'Thôn Nam', birth: '1945', idNumber: '035145000022', categoryGroup: 'BTXH', categoryLabel: 'Người cao tuổi (80 tuổi trở lên)', account: null },
    { fullName: 'Lê Văn Mồ Côi', village: 'Thôn Nam', birth: '2015-06-01', idNumber: '035215000023', categoryGroup: 'BTXH', categoryLabel: 'Trẻ em mồ côi', monthlyAmount: 1_250_000, account: 'self' },
    { fullName: 'Trần Thị Khuyết', village: 'Thôn Nam', birth: '1980', idNumber: '035180000024', categoryGroup: 'BTXH', categoryLabel: 'Người khuyết tật nặng', monthlyAmount: 800_000, account: 'self' },
  ]);
  okOutput(await clerk('payout.create', { period: '2026-12' }));
  const dung = keyOf(await view(), 'Phạm Thị Dung');
  okOutput(await clerk('payout.release', { period: '2026-12', keys: [dung], code: 'no-usable-account', channel: 'cash', reason: 'Nằm liệt giường, không có người được ủy quyền' }));
});
afterAll(async () => {
  await services.close();
  cleanup();
});

describe('amount checks decided', () => {
  it('"the computed amount is right" resolves the item, and recomputing the same figures does not reopen it', async () => {
    const open = okOutput<{ id: string; fullName: string }[]>(await clerk('payout.amountChecks', { status: 'open' }));
    expect(open.map((c) => c.fullName).sort()).toEqual(['Lê Văn Mồ Côi', 'Trần Thị Khuyết']);
    const orphan = open.find((c) => c.fullName === 'Lê Văn Mồ Côi')!;
    expect(await clerk('payout.resolveAmountCheck', { id: orphan.id, decision: 'computed', reason: 'ngắn' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    okOutput(await clerk('payout.resolveAmountCheck', { id: orphan.id, decision: 'computed', reason: 'Trẻ đã qua 4 tuổi: hệ số 1,5' }));
    expect(await clerk('payout.resolveAmountCheck', { id: orphan.id, decision: 'computed', reason: 'Trẻ đã qua 4 tuổi: hệ số 1,5' }))
      .toMatchObject({ ok: false, error: { code: 'amount-check-decided' } });
    okOutput(await clerk('payout.create', { period: '2026-12' }));
    const after = okOutput<{ fullName: string }[]>(await clerk('payout.amountChecks', { status: 'open' }));
    expect(after.map((c) => c.fullName)).toEqual(['Trần Thị Khuyết']);
  });

  it('"keep the imported amount" makes it the entitlement\'s override with the reason, and the line pays it', async () => {
    const [check] = okOutput<{ id: string }[]>(await clerk('payout.amountChecks', { status: 'open' }));
    okOutput(await clerk('payout.resolveAmountCheck', { id: check.id, decision: 'imported', reason: 'Theo Quyết định số 12/QĐ-UBND của xã' }));
    okOutput(await clerk('payout.create', { period: '2026-12' }));
    const line = (await view()).lines.find((l) => l.fullName === 'Trần Thị Khuyết')!;
    expect(line.amount).toBe(800_000);
    expect(okOutput<unknown[]>(await clerk('payout.amountChecks', { status: 'open' }))).toEqual([]);
  });
});

describe('levels', () => {
  it('names where a level can apply, and refuses a unit elsewhere, an unreal date or a missing basis', async () => {
    const units = okOutput<{ unitId: string | null; name: string }[]>(await clerk('payout.levelUnits', {}));
    expect(units[0]).toEqual({ unitId: null, name: 'Toàn quốc' });
    expect(units.map((u) => u.name)).toEqual(expect.arrayContaining([expect.stringContaining('Ninh Bình'), expect.stringContaining('Xã Bình Sơn')]));
    const province = units.find((u) => u.name.includes('Ninh Bình') && !u.name.includes('Xã'))!;
    const add = (input: object) => admin('payout.addLevel', { levelCode: 'social-assistance-standard', unitId: null, effectiveFrom: '2027-01-01', amount: 600_000, basis: 'Nghị quyết HĐND tỉnh số 05/2026', ...input });
    expect(await clerk('payout.addLevel', { levelCode: 'social-assistance-standard', unitId: null, effectiveFrom: '2027-01-01', amount: 600_000, basis: 'Nghị quyết 05' }))
      .toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await add({ effectiveFrom: '2027-02-30' })).toMatchObject({ ok: false, error: { code: 'bad-date' } });
    expect(await add({ unitId: 'khong-co' })).toMatchObject({ ok: false, error: { code: 'level-unit' } });
    expect(await add({ basis: '' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(okOutput(await add({ unitId: province.unitId }))).toMatchObject({ amount: 600_000, unitId: province.unitId, effectiveFrom: '2027-01-01' });
    expect(await add({ unitId: province.unitId })).toMatchObject({ ok: false, error: { code: 'level-exists' } });
  });
});

describe('cash paid at the commune', () => {
  it('is refused before approval; then cash lines are recorded paid once, account lines are left to the bank\'s file', async () => {
    const dung = keyOf(await view(), 'Phạm Thị Dung');
    const an = keyOf(await view(), 'Nguyễn Văn An');
    expect(await clerk('payout.confirmPaid', { period: '2026-12', keys: [dung], paidOn: today })).toMatchObject({ ok: false, error: { code: 'roster-not-approved' } });
    okOutput(await admin('payout.approve', { period: '2026-12' }));
    expect((await view('awaiting')).lines.map((l) => l.fullName).sort()).toEqual(['Lê Văn Mồ Côi', 'Nguyễn Văn An', 'Phạm Thị Dung', 'Trần Thị Khuyết']);
    expect(await clerk('payout.confirmPaid', { period: '2026-12', keys: [dung], paidOn: '2026-12-32' })).toMatchObject({ ok: false, error: { code: 'bad-date' } });
    expect(await clerk('payout.confirmPaid', { period: '2026-12', keys: [an], paidOn: today })).toMatchObject({ ok: false, error: { code: 'not-payable', message: expect.stringContaining('tài khoản') } });
    expect(okOutput(await clerk('payout.confirmPaid', { period: '2026-12', keys: [dung, an], paidOn: today, note: 'Danh sách ký nhận ngày 10/12' })))
      .toMatchObject({ paid: 1, skipped: [{ key: an }] });
    const paid = await view('paid');
    expect(paid.lines).toEqual([expect.objectContaining({ fullName: 'Phạm Thị Dung', state: 'paid', result: expect.objectContaining({ outcome: 'paid', manual: true, reason: 'Danh sách ký nhận ngày 10/12' }) })]);
    expect(paid.states.paid).toEqual({ lines: 1, amount: 500_000 });
    expect(paid.states.sent.lines).toBe(3);
    expect(await clerk('payout.confirmPaid', { period: '2026-12', keys: [dung], paidOn: today })).toMatchObject({ ok: false, error: { code: 'not-payable', message: expect.stringContaining('đã ghi chi') } });
    expect(services.db.sqlite.prepare("SELECT count(*) FROM payout_results WHERE outcome = 'paid'").pluck().get()).toBe(1);
  });
});
