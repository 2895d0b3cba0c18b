import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../main/app/services';
import { runCommand } from '../../../main/core/write-path';
import { rosterLineTable } from '../../../main/payout/synced-tables';
import { beneficiaryTable } from '../../../main/registry/synced-tables';
import type { RosterView } from '../../../shared/contract/payout';
import { demoServices, loginAs } from '../../support/services';
import { tempDir } from '../../support/temp-database';
import { addPeople } from './payout-fixture';

let services: Services;
let cleanup: () => void;
let clerk: Awaited<ReturnType<typeof loginAs>>;
let admin: Awaited<ReturnType<typeof loginAs>>;
let ids: string[];

const ok = async <T>(p: Promise<{ ok: boolean; output?: unknown; error?: { message: string } }>): Promise<T> => {
  const r = await p;
  if (!r.ok) throw new Error(r.error!.message);
  return r.output as T;
};
const view = (period: string, filter = 'all') => ok<RosterView>(clerk('payout.get', { period, filter, limit: 1000 }));
const lineOf = (v: RosterView, person: string, regime?: string) => v.lines.find((l) => l.key.includes(person) && (!regime || l.regime === regime));

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  services = demoServices(t.dir, { people: 0 });
  clerk = await loginAs(services, 'canbo', 'canbo123!');
  admin = await loginAs(services, 'quantri', 'quantri123!');
  ids = addPeople(services, [
    /* 0 */ { fullName: 'Nguyễn Văn Già', village: 'Thôn Bắc', birth: '1940-03-02', idNumber: '035040000001', categoryGroup: 'BTXH', categoryLabel: 'Người cao tuổi (80 tuổi trở lên)', monthlyAmount: 500_000, account: 'self' },
    /* 1 */ { fullName: 'Trần Thị Khuyết', village: 'Thôn Bắc', birth: '1966-12-20', idNumber: '035166000002', categoryGroup: 'BTXH', categoryLabel: 'Người khuyết tật nặng', monthlyAmount: 750_000, account: 'authorised' },
    /* 2 */ { fullName: 'Lê Văn Mồ Côi', village: 'Thôn Nam', birth: '2015-06-01', idNumber: '035215000003', categoryGroup: 'BTXH', categoryLabel: 'Trẻ em mồ côi', monthlyAmount: 1_250_000, account: null },
    /* 3 */ { fullName: 'Phạm Văn Binh', village: 'Thôn Nam', birth: '1950', idNumber: '035050000004', categoryGroup: 'NCC', categoryLabel: 'Bệnh binh', monthlyAmount: 2_789_000, account: 'self', verified: false },
    /* 4 */ { fullName: 'Đỗ Thị Trùng', village: 'Thôn Nam', birth: '1950', idNumber: '035150000005', categoryGroup: 'TNCC', categoryLabel: 'Thân nhân liệt sĩ', monthlyAmount: 2_789_000, account: 'self' },
    /* 5 */ { fullName: 'Đỗ Thị Trùng', village: 'Thôn Nam', birth: '1950', idNumber: '035150000005', categoryGroup: 'TNCC', categoryLabel: 'Thân nhân liệt sĩ', monthlyAmount: 2_789_000, account: null },
    /* 6 */ { fullName: 'Hoàng Văn Thương', village: 'Thôn Đông', birth: '1948', idNumber: '035048000007', categoryGroup: 'NCC', categoryLabel: 'Thương binh', monthlyAmount: 3_120_000, account: 'self' },
  ]);
});
afterAll(async () => {
  await services.close();
  cleanup();
});

describe('the month\'s roster', () => {
  it('lists a line per person and regime with the computed amount, the channel from the accounts and the reasons it is held', async () => {
    const made = await ok<{ created: number; entitlementsDerived: number; amountChecksOpened: number }>(clerk('payout.create', { period: '2026-12' }));
    expect(made).toMatchObject({ created: 7, entitlementsDerived: 7 });
    const v = await view('2026-12');
    expect(v.status).toBe('draft');
    expect(lineOf(v, ids[0])).toMatchObject({ regime: 'btxh-monthly', amount: 500_000, months: 1, channel: 'own-account', bankBin: '970405', blocked: [] });
    // 60 on 20/12/2026: still 1.5 in December (the 2.0 starts the month after the birthday).
    expect(lineOf(v, ids[1])).toMatchObject({ amount: 750_000, channel: 'authorised-account', blocked: [] });
    expect(lineOf(v, ids[2])).toMatchObject({ amount: 750_000, channel: 'cash', blocked: [{ code: 'no-usable-account' }] });
    expect(lineOf(v, ids[3])).toMatchObject({ regime: 'ncc-monthly', amount: 2_789_000, blocked: [{ code: 'identity-not-verified' }] });
    expect(lineOf(v, ids[4])!.blocked.map((b) => b.code)).toEqual(['duplicate-open']);
    expect(lineOf(v, ids[5])!.blocked.map((b) => b.code)).toEqual(['duplicate-open', 'no-usable-account']);
    expect(lineOf(v, ids[6])).toMatchObject({ amount: 3_120_000, blocked: [] });

    // Blocked lines are counted, never summed.
    expect(v.totals).toMatchObject({ lines: 3, amount: 500_000 + 750_000 + 3_120_000, blocked: 4,
      amountInWords: 'Bốn triệu ba trăm bảy mươi nghìn đồng', byChannel: { 'own-account': { lines: 2, amount: 3_620_000 }, 'authorised-account': { lines: 1, amount: 750_000 } },
      cashlessShare: { byCount: 1, byAmount: 1 } });
    // The orphan's imported 1,250,000 (the under-4 coefficient) differs from the computed 750,000: a queue item says so.
    const checks = await ok<{ fullName: string; importedAmount: number; computedAmount: number }[]>(clerk('payout.amountChecks', { status: 'open' }));
    expect(checks).toEqual([expect.objectContaining({ fullName: 'Lê Văn Mồ Côi', importedAmount: 1_250_000, computedAmount: 750_000 })]);
  });

  it('creating the period again lists no one twice and changes nothing', async () => {
    const before = services.db.sqlite.prepare('SELECT count(*) FROM change_log').pluck().get();
    const again = await ok<{ created: number; updated: number; removed: number }>(clerk('payout.create', { period: '2026-12' }));
    expect(again).toMatchObject({ created: 0, updated: 0, removed: 0 });
    expect(services.db.sqlite.prepare('SELECT count(*) FROM change_log').pluck().get()).toBe(before);
    expect(services.db.sqlite.prepare('SELECT count(*) FROM roster_lines').pluck().get()).toBe(7);
  });

  it('releases a block only with a reason, and a line without an account only to post office or cash', async () => {
    const key = lineOf(await view('2026-12'), ids[2])!.key;
    expect(await clerk('payout.release', { period: '2026-12', keys: [key], code: 'no-usable-account', reason: '' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await clerk('payout.release', { period: '2026-12', keys: [key], code: 'no-usable-account', reason: 'Trẻ ở với bà, chưa có tài khoản' })).toMatchObject({ ok: false, error: { code: 'channel-needed' } });
    await ok(clerk('payout.release', { period: '2026-12', keys: [key], code: 'no-usable-account', reason: 'Trẻ ở với bà, chưa có tài khoản', channel: 'post-office' }));
    const line = lineOf(await view('2026-12'), ids[2])!;
    expect(line).toMatchObject({ channel: 'post-office', blocked: [], released: [{ code: 'no-usable-account', reason: 'Trẻ ở với bà, chưa có tài khoản' }] });
    // Recomputing keeps the release.
    await ok(clerk('payout.create', { period: '2026-12' }));
    expect(lineOf(await view('2026-12'), ids[2])).toMatchObject({ channel: 'post-office', blocked: [] });
  });

  it('approving is for the approving role, never with held lines left silently, and a locked roster is refused by the database', async () => {
    expect(await clerk('payout.approve', { period: '2026-12' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await admin('payout.approve', { period: '2026-12' })).toMatchObject({ ok: false, error: { code: 'lines-held', message: expect.stringContaining('Còn 3 dòng bị chặn') } });
    expect(await admin('payout.lock', { period: '2026-12' })).toMatchObject({ ok: false, error: { code: 'roster-not-approved' } });
    expect(await ok(admin('payout.approve', { period: '2026-12', leaveBlockedOut: true }))).toEqual({ period: '2026-12', status: 'approved', heldOut: 3 });
    expect(await clerk('payout.release', { period: '2026-12', keys: [lineOf(await view('2026-12'), ids[3])!.key], code: 'identity-not-verified', reason: 'Đã xem CCCD bản gốc' }))
      .toMatchObject({ ok: false, error: { code: 'roster-not-draft' } });
    await ok(admin('payout.lock', { period: '2026-12' }));
    expect(await clerk('payout.create', { period: '2026-12' })).toMatchObject({ ok: false, error: { code: 'roster-not-draft' } });
    const key = lineOf(await view('2026-12'), ids[0])!.key;
    expect(() => runCommand(services.db, { userId: null, origin: 'system' }, 'tamper', (w) => w.update(rosterLineTable, key, { amount: 1 }))).toThrow('roster-locked');
    expect(lineOf(await view('2026-12'), ids[0])!.amount).toBe(500_000);
  });

  it('the next period carries held lines as arrears, recovers months paid after a death recorded late, adds funeral support, and applies the new coefficient from the month after the birthday', async () => {
    // Recorded in January: Mr Già died on 10/11/2026 (November and December were paid).
    runCommand(services.db, { userId: null, origin: 'system' }, 'status-change', (w) => w.update(beneficiaryTable, ids[0], { status: 'deceased', statusDate: '2026-11-10' }));
    await ok(clerk('payout.create', { period: '2027-01' }));
    const v = await view('2027-01');
    // Mr Già: December was not owed; recovered, never paid; the line is held.
    expect(lineOf(v, ids[0], 'btxh-monthly')).toMatchObject({ amount: -500_000, months: 1, blocked: expect.arrayContaining([expect.objectContaining({ code: 'recovery' })]) });
    // No funeral: his monthly entitlement began in December, after the death (it would follow a death while paid).
    expect(lineOf(v, ids[0], 'btxh-funeral')).toBeUndefined();
    // Ms Khuyết turned 60 on 20/12/2026: 2.0 from January.
    expect(lineOf(v, ids[1])).toMatchObject({ amount: 1_000_000, months: 1 });
    // Mr Binh was held in December (identity): January pays December as arrears.
    expect(lineOf(v, ids[3])).toMatchObject({ amount: 2 * 2_789_000, months: 2 });
    expect(lineOf(v, ids[2])).toMatchObject({ amount: 750_000, months: 1 });
  });
});
