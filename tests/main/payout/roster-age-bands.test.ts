import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../main/app/services';
import type { RosterView } from '../../../shared/contract/payout';
import { demoServices, loginAs } from '../../support/services';
import { tempDir } from '../../support/temp-database';
import { addPeople } from './payout-fixture';

// A district list gives a monthly amount to people the rules owe nothing by age: an adult listed as "trẻ em mồ côi",
// someone listed as "80 tuổi trở lên" who is 70. They get no line (before, the adult "orphan" was paid 1.5 × the
// level for life), and the clerk is told why: an amount check with the list's amount against 0.

let services: Services;
let cleanup: () => void;
let clerk: Awaited<ReturnType<typeof loginAs>>;
let ids: string[];

const ok = async <T>(p: Promise<{ ok: boolean; output?: unknown; error?: { message: string } }>): Promise<T> => {
  const r = await p;
  if (!r.ok) throw new Error(r.error!.message);
  return r.output as T;
};
type Check = { id: string; beneficiaryId: string; importedAmount: number; computedAmount: number };

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  services = demoServices(t.dir, { people: 0 });
  clerk = await loginAs(services, 'canbo', 'canbo123!');
  ids = addPeople(services, [
    /* 0 */ { fullName: 'Lê Thị Chi', village: 'Tổ 1', birth: '1941-03-03', idNumber: '035141000011', categoryGroup: 'BTXH', categoryLabel: 'Trẻ em mồ côi', monthlyAmount: 750_000, account: 'self' },
    /* 1 */ { fullName: 'Hoàng Thị Hoa', village: 'Tổ 2', birth: '1956-05-05', idNumber: '035156000012', categoryGroup: 'BTXH', categoryLabel: 'Người cao tuổi từ 80 tuổi trở lên', monthlyAmount: 500_000, account: 'self' },
    /* 2 */ { fullName: 'Đặng Văn Nhỏ', village: 'Tổ 1', birth: '2016-09-01', idNumber: '035216000013', categoryGroup: 'BTXH', categoryLabel: 'Trẻ em mồ côi', monthlyAmount: 750_000, account: 'authorised' },
  ]);
});
afterAll(async () => {
  await services.close();
  cleanup();
});

describe('people the rules owe nothing by age', () => {
  it('get no line, and an open amount check each says the list\'s amount against 0', async () => {
    const made = await ok<{ created: number; amountChecksOpened: number }>(clerk('payout.create', { period: '2026-12' }));
    const v = await ok<RosterView>(clerk('payout.get', { period: '2026-12', filter: 'all', limit: 100 }));
    expect(v.lines.map((l) => l.fullName)).toEqual(['Đặng Văn Nhỏ']);
    expect(v.lines[0]).toMatchObject({ amount: 750_000 }); // a child of 10: 1.5 × 500,000
    expect(made).toMatchObject({ created: 1, amountChecksOpened: 2 });
    const open = await ok<Check[]>(clerk('payout.amountChecks', { status: 'open' }));
    expect(open.map((c) => [c.beneficiaryId, c.importedAmount, c.computedAmount]).sort()).toEqual([[ids[0], 750_000, 0], [ids[1], 500_000, 0]].sort());

    // Creating the month again opens nothing twice.
    expect(await ok<{ amountChecksOpened: number }>(clerk('payout.create', { period: '2026-12' }))).toMatchObject({ amountChecksOpened: 0 });
  });

  it('the list\'s amount, kept with a reason, pays the person from the next computation', async () => {
    const open = await ok<Check[]>(clerk('payout.amountChecks', { status: 'open' }));
    const adult = open.find((c) => c.beneficiaryId === ids[0])!;
    await ok(clerk('payout.resolveAmountCheck', { id: adult.id, decision: 'imported', reason: 'Quyết định hưởng số 12/QĐ-UBND vẫn còn hiệu lực' }));
    await ok(clerk('payout.create', { period: '2026-12' }));
    const v = await ok<RosterView>(clerk('payout.get', { period: '2026-12', filter: 'all', limit: 100 }));
    expect(v.lines.map((l) => [l.fullName, l.amount]).sort()).toEqual([['Lê Thị Chi', 750_000], ['Đặng Văn Nhỏ', 750_000]]);
    expect((await ok<Check[]>(clerk('payout.amountChecks', { status: 'open' }))).map((c) => c.beneficiaryId)).toEqual([ids[1]]);
  });
});
