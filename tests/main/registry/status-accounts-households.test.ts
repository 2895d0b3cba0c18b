import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../main/app/services';
import { paymentChannelOf } from '../../../main/registry/payment-channel';
import type { BeneficiaryDetail, BeneficiaryRow } from '../../../shared/contract/beneficiaries';
import { demoServices, loginAs } from '../../support/services';
import { tempDir } from '../../support/temp-database';

let services: Services;
let cleanup: () => void;
let clerk: Awaited<ReturnType<typeof loginAs>>;
let people: BeneficiaryRow[];

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  services = demoServices(t.dir, { people: 60 });
  clerk = await loginAs(services, 'canbo', 'canbo123!');
  const list = await clerk('beneficiaries.list', { limit: 60 });
  people = (list as { ok: true; output: { rows: BeneficiaryRow[] } }).output.rows;
});
afterAll(async () => {
  await services.close();
  cleanup();
});

async function ok<T>(method: string, input: unknown): Promise<T> {
  const res = await clerk(method, input);
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.output as T;
}
const detail = (id: string) => ok<BeneficiaryDetail>('beneficiaries.get', { id });
const changeLogCount = () => services.db.sqlite.prepare('SELECT count(*) FROM change_log').pluck().get() as number;

describe('status changes with a date and a reason', () => {
  it('records a death with its date and reason; the record says when payments stop', async () => {
    const target = people[0];
    const before = await detail(target.id);
    const out = await ok('beneficiaries.changeStatus', { ids: [target.id], status: 'deceased', date: '15/03/2025', reason: 'Giấy báo tử của UBND xã', baseRev: before.rev });
    expect(out).toEqual({ outcome: 'saved', changed: 1 });
    expect(await detail(target.id)).toMatchObject({ status: 'deceased', statusDate: '2025-03-15', statusReason: 'Giấy báo tử của UBND xã' });
    const history = await ok<{ field: string | null; reason: string | null; command: string }[]>('beneficiaries.history', { id: target.id });
    expect(history.find((e) => e.field === 'status')).toMatchObject({ command: 'status-change', reason: 'Giấy báo tử của UBND xã' });
  });

  const bad = [
    { name: 'no date', date: '', reason: 'x', field: 'date', message: /Cần ghi ngày/ },
    { name: 'a date in the future', date: '01/01/2099', reason: 'x', field: 'date', message: /sau ngày hôm nay/ },
    { name: 'a date that is not a day', date: '2020', reason: 'x', field: 'date', message: /không đọc được/ },
    { name: 'no reason', date: '01/01/2024', reason: '  ', field: 'reason', message: /lý do/ },
  ];
  it.each(bad)('refuses $name at the field, changing no one', async ({ date, reason, field, message }) => {
    const logBefore = changeLogCount();
    const out = await ok<{ outcome: string; errors: { field: string; message: string }[] }>('beneficiaries.changeStatus', { ids: [people[1].id, people[2].id], status: 'stopped', date, reason });
    expect(out.outcome).toBe('invalid');
    expect(out.errors.find((e) => e.field === field)?.message).toMatch(message);
    expect(changeLogCount()).toBe(logBefore);
  });

  it('changes a selection in one command, and back to active', async () => {
    const ids = [people[3].id, people[4].id, people[5].id];
    expect(await ok('beneficiaries.changeStatus', { ids, status: 'moved', date: '01/06/2025', reason: 'Chuyển hộ khẩu' })).toEqual({ outcome: 'saved', changed: 3 });
    for (const id of ids) expect((await detail(id)).status).toBe('moved');
    const commands = services.db.sqlite.prepare("SELECT count(*) FROM commands WHERE name = 'status-change' AND json_extract(summary, '$.people') = 3").pluck().get();
    expect(commands).toBe(1);
    expect(await ok('beneficiaries.changeStatus', { ids: [ids[0]], status: 'active', date: '01/07/2025', reason: 'Quay về địa phương' })).toEqual({ outcome: 'saved', changed: 1 });
    expect((await detail(ids[0])).status).toBe('active');
  });

  it('refuses a status change from a record another user changed since', async () => {
    const target = people[6];
    const before = await detail(target.id);
    await ok('beneficiaries.save', { id: target.id, baseRev: before.rev, fields: { village: 'Thôn Khác' } });
    const out = await ok<{ outcome: string }>('beneficiaries.changeStatus', { ids: [target.id], status: 'stopped', date: '01/01/2025', reason: 'x', baseRev: before.rev });
    expect(out.outcome).toBe('conflict');
    expect((await detail(target.id)).status).toBe(before.status);
  });
});

describe('payment accounts', () => {
  const cashPerson = () => people.filter((p) => p.paymentChannel === 'cash')[0];

  const bad = [
    { name: 'letters in the account number', input: { kind: 'bank', provider: 'Agribank', number: '3700205A12345' }, field: 'number', message: /chỉ gồm chữ số/ },
    { name: 'too short a bank account', input: { kind: 'bank', provider: 'Agribank', number: '12345' }, field: 'number', message: /từ 6 đến 19 chữ số/ },
    { name: 'an unknown bank', input: { kind: 'bank', provider: 'Ngân hàng Không Có', number: '123456789' }, field: 'provider', message: /Không nhận ra tên ngân hàng/ },
    { name: 'an unknown BIN', input: { kind: 'bank', provider: '999999', number: '123456789' }, field: 'provider', message: /mã BIN/ },
    { name: 'a wallet number that is not a phone', input: { kind: 'e-wallet', provider: 'MoMo', number: '12345678' }, field: 'number', message: /số điện thoại 10 chữ số/ },
    { name: 'an authorised holder without ID', input: { kind: 'bank', provider: 'Agribank', number: '123456789', owner: 'authorised', holderName: 'Lê Văn Con' }, field: 'holderIdNumber', message: /số định danh/ },
  ];
  it.each(bad)('refuses $name at the field, saving nothing', async ({ input, field, message }) => {
    const logBefore = changeLogCount();
    const out = await ok<{ outcome: string; errors: { field: string; message: string }[] }>('accounts.save', { beneficiaryId: cashPerson().id, id: null, owner: 'self', ...input });
    expect(out.outcome).toBe('invalid');
    expect(out.errors.find((e) => e.field === field)?.message).toMatch(message);
    expect(changeLogCount()).toBe(logBefore);
  });

  it('adds an account with the bank picked by BIN, derives the channel, refuses a second active one, closes it', async () => {
    const target = cashPerson();
    const added = await ok<{ outcome: string; id: string }>('accounts.save', { beneficiaryId: target.id, id: null, kind: 'bank', owner: 'self', provider: '970405', number: '3700 205 123 456' });
    expect(added.outcome).toBe('saved');
    let d = await detail(target.id);
    expect(d.paymentChannel).toBe('bank');
    expect(d.accounts[0]).toMatchObject({ bankBin: '970405', bankName: 'Agribank', number: '3700205123456', holderName: target.fullName, status: 'active', purpose: 'monthly' });

    const second = await ok<{ outcome: string; errors: { field: string; message: string }[] }>('accounts.save', { beneficiaryId: target.id, id: null, kind: 'e-wallet', owner: 'self', provider: 'MoMo', number: '0912345678' });
    expect(second).toMatchObject({ outcome: 'invalid', errors: [{ field: 'purpose', message: expect.stringMatching(/đã có một tài khoản đang dùng/) }] });
    // Another purpose is allowed.
    expect(await ok('accounts.save', { beneficiaryId: target.id, id: null, kind: 'e-wallet', owner: 'self', purpose: 'one-off', provider: 'momo', number: '0912345678' })).toMatchObject({ outcome: 'saved' });

    await ok('accounts.close', { id: added.id });
    d = await detail(target.id);
    expect(d.accounts.find((a) => a.id === added.id)?.status).toBe('closed');
    expect(d.paymentChannel).toBe('cash'); // the one-off wallet does not pay the monthly allowance

    const authorised = await ok<{ outcome: string; id: string }>('accounts.save', {
      beneficiaryId: target.id, id: null, kind: 'bank', owner: 'authorised', provider: 'NH Nông nghiệp', number: '3700205999999', holderName: 'LÊ VĂN CON', holderIdNumber: '035090001234',
    });
    expect(authorised.outcome).toBe('saved');
    d = await detail(target.id);
    expect(d.paymentChannel).toBe('authorised');
    expect(d.accounts.find((a) => a.id === authorised.id)).toMatchObject({ holderName: 'Lê Văn Con', holderIdNumber: '035090001234' });
    const list = await ok<{ rows: BeneficiaryRow[] }>('beneficiaries.list', { query: target.fullName });
    expect(list.rows.find((r) => r.id === target.id)?.paymentChannel).toBe('authorised');
  });

  it('an account entered fixes the record\'s account problems', async () => {
    const target = people.filter((p) => p.paymentChannel === 'cash')[1];
    services.db.sqlite.prepare("UPDATE beneficiaries SET problems = ? WHERE id = ?")
      .run(JSON.stringify([{ field: 'accountNumber', code: 'account-digits-lost', message: 'cần nhập lại' }]), target.id);
    await ok('accounts.save', { beneficiaryId: target.id, id: null, kind: 'bank', owner: 'self', provider: 'BIDV', number: '12010000123456' });
    expect((await detail(target.id)).problems).toEqual([]);
  });

  it('derives the channel in one function: own account first, then authorised, a spoiled number keeps the bank', () => {
    expect(paymentChannelOf([])).toBe('cash');
    expect(paymentChannelOf([{ kind: 'bank', owner: 'authorised' }, { kind: 'e-wallet', owner: 'self' }])).toBe('e-wallet');
    expect(paymentChannelOf([{ kind: 'bank', owner: 'authorised' }])).toBe('authorised');
    expect(paymentChannelOf([{ kind: 'bank', owner: 'self', status: 'closed' }])).toBe('cash');
    expect(paymentChannelOf([], [{ field: 'accountNumber', code: 'account-digits-lost', message: '' }])).toBe('bank');
  });
});

describe('households', () => {
  it('creates a household around a person, moves another in, makes them head', async () => {
    const [a, b] = [people[20], people[21]];
    const { id } = await ok<{ id: string }>('households.create', { beneficiaryId: a.id, kind: 'poor' });
    expect((await detail(a.id)).household).toMatchObject({ id, headName: a.fullName, kind: 'poor', memberCount: 1, isHead: true });
    const found = await ok<{ id: string }[]>('households.find', { beneficiaryId: b.id, query: a.fullName.split(' ').pop()! });
    expect(found.map((h) => h.id)).toContain(id);
    await ok('households.assign', { beneficiaryId: b.id, householdId: id });
    expect((await detail(b.id)).household).toMatchObject({ id, memberCount: 2, isHead: false });
    await ok('households.setHead', { beneficiaryId: b.id });
    expect((await detail(b.id)).household).toMatchObject({ headName: b.fullName, isHead: true });
    expect((await detail(a.id)).household).toMatchObject({ isHead: false });
    expect(await clerk('households.assign', { beneficiaryId: a.id, householdId: 'no-such-household' })).toMatchObject({ ok: false, error: { code: 'household-missing' } });
    // The last household edit is undone from the record.
    await ok('beneficiaries.undoLastEdit', { id: b.id });
    expect((await detail(a.id)).household).toMatchObject({ headName: a.fullName, isHead: true });
  });
});
