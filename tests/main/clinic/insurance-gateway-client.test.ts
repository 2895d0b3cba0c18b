import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInsuranceGatewayClient } from '../../../main/clinic/insurance-gateway-client';
import { startInsuranceGateway, type InsuranceGateway } from '../../support/insurance-gateway';

// The client against the test gateway on loopback: tokens, their refresh, and every way an answer goes wrong.
let gw: InsuranceGateway;
const CARD = { cardCode: 'GD4010123456789', idNumber: '001085012345', fullName: 'Nguyễn Thị Thu Hương', birth: '07/03/1985' };
const request = (maThe: string) => ({ maThe, hoTen: 'Nguyễn Thị Thu Hương', ngaySinh: '07/03/1985', hoTenCb: 'Trần Văn Bình', cccdCb: '037090001234' });

beforeAll(async () => {
  gw = await startInsuranceGateway({
    cards: [
      CARD,
      { ...CARD, cardCode: 'HT2010000000001', idNumber: undefined, behaviour: { kind: 'hang' } },
      { ...CARD, cardCode: 'HT2010000000002', idNumber: undefined, behaviour: { kind: 'not-json' } },
      { ...CARD, cardCode: 'HT2010000000003', idNumber: undefined, behaviour: { kind: 'missing-fields' } },
      { ...CARD, cardCode: 'HT2010000000004', idNumber: undefined, behaviour: { kind: 'no-result-code' } },
      { ...CARD, cardCode: 'HT2010000000005', idNumber: undefined, behaviour: { kind: 'http-500' } },
      { ...CARD, cardCode: 'HT2010000000006', idNumber: undefined, behaviour: { kind: 'slow', delayMs: 300 } },
    ],
  });
});
afterAll(() => gw.stop());

const account = () => ({ baseUrl: gw.url, username: gw.username, password: gw.password });

describe('the insurance gateway client', () => {
  it('takes a token once (password as MD5 hex), keeps it, and answers by card code or CCCD', async () => {
    const client = createInsuranceGatewayClient({ timeoutMs: 2000 });
    const before = gw.calls.length;
    const a = await client.check(account(), request('GD4010123456789'));
    const b = await client.check(account(), request('001085012345'));
    expect(a).toMatchObject({ kind: 'answer', answer: { maKetQua: '000', maThe: 'GD4010123456789', gtTheDen: '31/12/2026' } });
    expect(b).toMatchObject({ kind: 'answer', answer: { maKetQua: '000' } });
    expect(gw.calls.slice(before).map((c) => c.path)).toEqual(['/api/token/take', '/api/egw/KQNhanLichSuKCB2024', '/api/egw/KQNhanLichSuKCB2024']);
    expect(gw.calls[before]!.body).toEqual({ username: gw.username, password: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(JSON.stringify(gw.calls[before]!.body)).not.toContain(gw.password);
  });

  it('takes a new token when the gateway says 401 (expired), once, and goes on', async () => {
    const client = createInsuranceGatewayClient({ timeoutMs: 2000 });
    await client.check(account(), request('GD4010123456789'));
    gw.expireTokens();
    const before = gw.calls.length;
    const r = await client.check(account(), request('GD4010123456789'));
    expect(r).toMatchObject({ kind: 'answer', answer: { maKetQua: '000' } });
    expect(gw.calls.slice(before).map((c) => c.path)).toEqual(['/api/egw/KQNhanLichSuKCB2024', '/api/token/take', '/api/egw/KQNhanLichSuKCB2024']);
  });

  it('a refused facility account is login-refused, not a retry loop', async () => {
    const client = createInsuranceGatewayClient({ timeoutMs: 2000 });
    expect(await client.check({ ...account(), password: 'sai' }, request('GD4010123456789'))).toMatchObject({ kind: 'failed', failure: 'login-refused' });
  });

  it.each([
    ['HT2010000000002', 'not-json'],
    ['HT2010000000004', 'no-result-code'],
    ['HT2010000000005', 'http-error'],
  ])('%s: a bad answer is a failure (%s), never a crash', async (code, failure) => {
    const client = createInsuranceGatewayClient({ timeoutMs: 2000 });
    expect(await client.check(account(), request(code))).toMatchObject({ kind: 'failed', failure });
  });

  it('an answer with a result code but no card fields is still an answer (the view decides what it means)', async () => {
    const client = createInsuranceGatewayClient({ timeoutMs: 2000 });
    expect(await client.check(account(), request('HT2010000000003'))).toMatchObject({ kind: 'answer', answer: { maKetQua: '000', maThe: null, gtTheDen: null } });
  });

  it('never waits past its deadline: a hanging gateway, and one that is down', async () => {
    const client = createInsuranceGatewayClient({ timeoutMs: 400 });
    const started = Date.now();
    expect(await client.check(account(), request('HT2010000000001'))).toMatchObject({ kind: 'failed', failure: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await client.check(account(), request('HT2010000000006'), 100)).toMatchObject({ kind: 'failed', failure: 'timeout' });
    gw.setDown(true);
    try {
      expect(await client.check(account(), request('GD4010123456789'))).toMatchObject({ kind: 'failed', failure: 'unreachable' });
    } finally {
      gw.setDown(false);
    }
    expect(await client.check({ ...account(), baseUrl: 'http://127.0.0.1:9' }, request('GD4010123456789'))).toMatchObject({ kind: 'failed', failure: 'unreachable' });
  });
});
