import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../main/app/services';
import { saveEntitlementInput, type EntitlementView, type RosterView } from '../../../shared/contract/payout';
import { demoServices, loginAs, okOutput } from '../../support/services';
import { tempDir } from '../../support/temp-database';
import { addPeople } from './payout-fixture';

let services: Services;
let cleanup: () => void;
let clerk: Awaited<ReturnType<typeof loginAs>>;
let district: Awaited<ReturnType<typeof loginAs>>;
let ids: string[];
type Listed = { entitlements: EntitlementView[]; regimes: { code: string }[] };

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  services = demoServices(t.dir, { people: 0 });
  clerk = await loginAs(services, 'canbo', 'canbo123!');
  district = await loginAs(services, 'huyen', 'huyen123!');
  ids = addPeople(services, [
    { fullName: 'Hoàng Văn Thương', village: 'Thôn Đông', birth: '1948', idNumber: '035048000031', categoryGroup: 'NCC', categoryLabel: 'Thương binh', account: 'self' },
    { fullName: 'Trần Thị Khuyết', village: 'Thôn Nam', birth: '1980-05-04', idNumber: '035180000032', categoryGroup: 'BTXH', categoryLabel: 'Người khuyết tật nặng', account: 'self' },
    { fullName: 'Lê Văn Thọ', village: 'Thôn Nam', birth: '1940-02-01', idNumber: '035040000033', categoryGroup: 'BTXH', categoryLabel: 'Người cao tuổi (80 tuổi trở lên)', account: 'self' },
  ]);
});
afterAll(async () => {
  await services.close();
  cleanup();
});

const entry = { id: null, regimeCode: 'ncc-monthly', groupCode: null, hundredths: null, from: '2026-11', to: null, overrideAmount: null, overrideReason: null, basis: 'Quyết định 15/QĐ-UBND' };

describe("a person's entitlements entered by hand", () => {
  it('lists none at first, with the regimes to choose from; reading is for any reader, writing only for the clerk', async () => {
    const listed = okOutput<Listed>(await district('payout.entitlements', { beneficiaryId: ids[0] }));
    expect(listed.entitlements).toEqual([]);
    expect(listed.regimes.map((r) => r.code)).toEqual(expect.arrayContaining(['ncc-monthly', 'btxh-monthly', 'social-pension']));
    expect(await district('payout.saveEntitlement', { ...entry, beneficiaryId: ids[0], hundredths: 150 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses an override without its reason, an end before the start, an unknown regime or group', async () => {
    const bad = (patch: object) => clerk('payout.saveEntitlement', { ...entry, beneficiaryId: ids[0], ...patch });
    expect(await bad({ overrideAmount: 3_000_000 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const issues = (patch: object) => saveEntitlementInput.safeParse({ ...entry, beneficiaryId: ids[0], ...patch }).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues({ overrideAmount: 3_000_000 })).toEqual([['overrideReason', 'Mức điều chỉnh cần ghi lý do (ít nhất 5 ký tự)']]);
    expect(await bad({ to: '2026-10' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(issues({ to: '2026-10' })).toEqual([['to', 'Đến tháng không được trước Từ tháng']]);
    expect(await bad({ regimeCode: 'khong-co' })).toMatchObject({ ok: false, error: { code: 'regime-unknown' } });
    expect(await bad({ groupCode: 'khong-co' })).toMatchObject({ ok: false, error: { code: 'group-unknown' } });
    expect(await bad({ basis: '' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('computes the month from level × coefficient, shows an override as such, and the roster pays from them (never deriving over them)', async () => {
    const ncc = okOutput<EntitlementView>(await clerk('payout.saveEntitlement', { ...entry, beneficiaryId: ids[0], hundredths: 112 }));
    expect(ncc.month).toMatchObject({ amount: Math.floor((2_789_000 * 112 + 50) / 100), level: 2_789_000, hundredths: 112, override: false });
    const btxh = okOutput<EntitlementView>(await clerk('payout.saveEntitlement', { ...entry, beneficiaryId: ids[1], regimeCode: 'btxh-monthly', groupCode: 'art5-6-especially-severe' }));
    expect(btxh.month).toMatchObject({ amount: 1_000_000, hundredths: 200 });
    const corrected = okOutput<EntitlementView>(await clerk('payout.saveEntitlement', { ...entry, id: btxh.id, beneficiaryId: ids[1], regimeCode: 'btxh-monthly',
      groupCode: 'art5-6-especially-severe', overrideAmount: 1_200_000, overrideReason: 'Theo quyết định của tỉnh' }));
    expect(corrected).toMatchObject({ id: btxh.id, overrideAmount: 1_200_000, month: { amount: 1_200_000, override: true } });

    okOutput(await clerk('payout.create', { period: '2026-12' }));
    const v = okOutput<RosterView>(await clerk('payout.get', { period: '2026-12', limit: 100 }));
    // From November: December's line pays two months (the arrears of November too).
    expect(v.lines.find((l) => l.fullName === 'Hoàng Văn Thương')).toMatchObject({ regime: 'ncc-monthly', months: 2, amount: 2 * 3_123_680 });
    expect(v.lines.find((l) => l.fullName === 'Trần Thị Khuyết')).toMatchObject({ months: 2, amount: 2_400_000 });
    const listed = okOutput<Listed>(await clerk('payout.entitlements', { beneficiaryId: ids[1] }));
    expect(listed.entitlements).toHaveLength(1); // none derived beside the one entered
  });

  it('the social pension and the social allowance are never both paid for a month: the higher one, the allowance on a tie', async () => {
    // The allowance was derived from the register from December; a pension decision runs from November.
    const before = okOutput<Listed>(await clerk('payout.entitlements', { beneficiaryId: ids[2] }));
    expect(before.entitlements).toMatchObject([{ regimeCode: 'btxh-monthly', groupCode: 'art5-5c', from: '2026-12' }]);
    okOutput(await clerk('payout.saveEntitlement', { ...entry, beneficiaryId: ids[2], regimeCode: 'social-pension', basis: 'Quyết định 20/QĐ-UBND (hưu trí xã hội)' }));
    okOutput(await clerk('payout.create', { period: '2026-12' }));
    const v = okOutput<RosterView>(await clerk('payout.get', { period: '2026-12', limit: 100 }));
    const tho = v.lines.filter((l) => l.fullName === 'Lê Văn Thọ');
    // November by the pension alone; December's 500,000 once, by the allowance already paid (a tie keeps it).
    expect(tho.map((l) => [l.regime, l.months, l.amount]).sort()).toEqual([['btxh-monthly', 1, 500_000], ['social-pension', 1, 500_000]]);
  });
});
