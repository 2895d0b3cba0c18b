import { DEMO, expect, hostUrl, test } from './support/fixtures';

const origin = () => new URL(hostUrl()).origin;
const key = () => new URL(hostUrl()).hash.replace('#k=', '');
const call = () => `${origin()}/api/call`;

test.describe('/api/call refuses what it must', () => {
  test('without the launch secret', async ({ request }) => {
    const res = await request.post(call(), { headers: { Origin: origin() }, data: { method: 'app.info', input: {} } });
    expect(res.status()).toBe(403);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'bad-key' } });
  });

  test('with a wrong launch secret', async ({ request }) => {
    const last = key().slice(-1);
    const wrong = key().slice(0, -1) + (last === 'x' ? 'y' : 'x'); // one character off
    const res = await request.post(call(), { headers: { Origin: origin(), 'X-Ansinh-Key': wrong }, data: { method: 'app.info', input: {} } });
    expect(res.status()).toBe(403);
  });

  test('from another origin', async ({ request }) => {
    const res = await request.post(call(), { headers: { Origin: 'http://evil.example', 'X-Ansinh-Key': key() }, data: { method: 'app.info', input: {} } });
    expect(res.status()).toBe(403);
  });

  test('a request that fails the contract, with the Vietnamese message', async ({ request }) => {
    const headers = { Origin: origin(), 'X-Ansinh-Key': key() };
    const login = await (await request.post(call(), { headers, data: { method: 'auth.login', input: DEMO.clerk } })).json();
    expect(login.ok).toBe(true);
    const token = login.output.token as string;

    const tooMany = await (await request.post(call(), { headers, data: { method: 'beneficiaries.list', input: { limit: 100_000 }, token } })).json();
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'invalid-input', message: 'Dữ liệu gửi lên không đúng mẫu.' } });

    const extra = await (await request.post(call(), { headers, data: { method: 'beneficiaries.get', input: { id: 'x', sql: 'DROP TABLE' }, token } })).json();
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid-input' } });

    const unknown = await (await request.post(call(), { headers, data: { method: 'beneficiaries.delete', input: {}, token } })).json();
    expect(unknown).toMatchObject({ ok: false, error: { code: 'bad-request' } });

    const noToken = await (await request.post(call(), { headers, data: { method: 'beneficiaries.list', input: {} } })).json();
    expect(noToken).toMatchObject({ ok: false, error: { code: 'session-expired' } });
  });
});
