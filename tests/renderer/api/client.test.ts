import { describe, expect, it } from 'vitest';
import type { ContractRequest } from '../../../shared/contract/methods';
import { CallError } from '../../../renderer/api/call-error';
import { createClient } from '../../../renderer/api/client';
import type { Transport } from '../../../renderer/api/transport';

// The transport is not what is tested here: a recording one stands in for the main process,
// so the client's own duties (validate both ways, keep the token, report session problems) are what is checked.
function recordingTransport(
  answer: (r: ContractRequest) => unknown,
  uploadAnswer: (file: Blob) => unknown = () => ({ ok: false, error: { code: 'x', message: 'x' } }),
  saveAnswer: () => unknown = () => ({ ok: false, error: { code: 'x', message: 'x' } }),
) {
  const sent: ContractRequest[] = [];
  const uploaded: Blob[] = [];
  const transport: Transport = {
    kind: 'http',
    send: async (r) => { sent.push(structuredClone(r)); return answer(r); },
    upload: async (file) => { uploaded.push(file); return uploadAnswer(file); },
    save: async () => saveAnswer(),
  };
  return { sent, uploaded, transport };
}

const session = (token: string) => ({
  token, idleLockMinutes: 15, mustChangePassword: false, user: { id: 'u1', username: 'canbo', displayName: 'Nguyễn Thị Lan', role: 'commune-clerk', unitIds: ['c1'] },
});

describe('contract client', () => {
  it('refuses to send input that fails the contract', async () => {
    const { sent, transport } = recordingTransport(() => ({ ok: true, output: {} }));
    const client = createClient(transport);
    await expect(client.call('beneficiaries.list', { limit: 100_000 })).rejects.toMatchObject({ code: 'invalid-input' });
    // @ts-expect-error an extra field is not part of the contract
    await expect(client.call('beneficiaries.get', { id: 'x', extra: 1 })).rejects.toBeInstanceOf(CallError);
    expect(sent).toEqual([]);
  });

  it('sends the parsed input with its defaults and keeps the session token from login in memory', async () => {
    const { sent, transport } = recordingTransport((r) => r.method === 'auth.login'
      ? { ok: true, output: session('tok-1') }
      : { ok: true, output: { rows: [], total: 0, totalIsLowerBound: false } });
    const client = createClient(transport);
    expect(client.hasSession()).toBe(false);
    await client.call('auth.login', { username: 'canbo', password: 'canbo123!' });
    expect(client.hasSession()).toBe(true);
    await client.call('beneficiaries.list', { query: 'nguyen' });
    expect(sent[0].token).toBeNull();
    expect(sent[1]).toEqual({
      method: 'beneficiaries.list', token: 'tok-1',
      input: {
        query: 'nguyen', village: null, categoryGroup: null, status: null, hasProblems: false, needsAccount: false, fromImport: null,
        sort: 'name', descending: false, offset: 0, limit: 100,
      },
    });
  });

  it('refuses an answer that fails the contract instead of showing it', async () => {
    const { transport } = recordingTransport(() => ({ ok: true, output: { rows: [{ id: 1 }], total: 'many' } }));
    const client = createClient(transport);
    await expect(client.call('beneficiaries.list', {})).rejects.toMatchObject({ code: 'bad-response' });
    const garbage = createClient(recordingTransport(() => '<html>proxy error</html>').transport);
    await expect(garbage.call('app.info', {})).rejects.toMatchObject({ code: 'bad-response' });
  });

  it('turns a refusal into a CallError carrying the server’s Vietnamese message', async () => {
    const { transport } = recordingTransport(() => ({
      ok: false, error: { code: 'wrong-credentials', message: 'Sai tên đăng nhập hoặc mật khẩu.', messageEn: 'Wrong username or password.' },
    }));
    const error = await createClient(transport).call('auth.login', { username: 'a', password: 'b' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CallError);
    expect(error).toMatchObject({ code: 'wrong-credentials', messageVi: 'Sai tên đăng nhập hoặc mật khẩu.', message: 'Sai tên đăng nhập hoặc mật khẩu.' });
  });

  it('reports a locked or expired session to the app, and forgets the token when it expired', async () => {
    let answer: unknown = { ok: true, output: session('tok-2') };
    const { transport } = recordingTransport(() => answer);
    const problems: string[] = [];
    const client = createClient(transport, { onSessionProblem: (p) => problems.push(p) });
    await client.call('auth.login', { username: 'canbo', password: 'x' });

    answer = { ok: false, error: { code: 'session-locked', message: 'Màn hình đã khóa do không sử dụng.' } };
    await expect(client.call('beneficiaries.facets', {})).rejects.toMatchObject({ code: 'session-locked' });
    expect(client.hasSession()).toBe(true); // unlocking needs the same token

    answer = { ok: false, error: { code: 'session-expired', message: 'Phiên làm việc đã hết.' } };
    await expect(client.call('beneficiaries.facets', {})).rejects.toMatchObject({ code: 'session-expired' });
    expect(client.hasSession()).toBe(false);
    expect(problems).toEqual(['session-locked', 'session-expired']);
  });

  it('takes a new token from unlock and drops it on logout', async () => {
    const { sent, transport } = recordingTransport((r) => (r.method === 'auth.logout' ? { ok: true, output: { ok: true } } : { ok: true, output: session(`tok-${r.method}`) }));
    const client = createClient(transport);
    await client.call('setup.createAdministrator', { username: 'quantri', displayName: 'Quản trị', password: 'quantri123!' });
    await client.call('auth.unlock', { password: 'quantri123!' });
    expect(sent[1].token).toBe('tok-setup.createAdministrator');
    await client.call('auth.logout', {});
    expect(sent[2].token).toBe('tok-auth.unlock');
    expect(client.hasSession()).toBe(false);
  });

  it('hands a file over and gives back only a valid file reference', async () => {
    const ref = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const { uploaded, transport } = recordingTransport(() => null, () => ({ ok: true, output: { fileRef: ref } }));
    const file = new Blob([new Uint8Array([0x50, 0x4b, 3, 4])]);
    expect(await createClient(transport).upload(file)).toBe(ref);
    expect(uploaded).toEqual([file]);

    const odd = createClient(recordingTransport(() => null, () => ({ ok: true, output: { fileRef: '../../etc/passwd' } })).transport);
    await expect(odd.upload(file)).rejects.toMatchObject({ code: 'bad-response' });
    const refused = createClient(recordingTransport(() => null, () => ({ ok: false, error: { code: 'too-large', message: 'Tệp quá lớn (tối đa 200 MB).' } })).transport);
    await expect(refused.upload(file)).rejects.toMatchObject({ code: 'too-large', messageVi: 'Tệp quá lớn (tối đa 200 MB).' });
  });

  it('saves an export and reports whether the clerk went through with it', async () => {
    const ref = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(await createClient(recordingTransport(() => null, undefined, () => ({ ok: true, output: { saved: true } })).transport).save(ref, 'DS.xlsx')).toBe(true);
    expect(await createClient(recordingTransport(() => null, undefined, () => ({ ok: true, output: { saved: false } })).transport).save(ref, 'DS.xlsx')).toBe(false);
    const gone = createClient(recordingTransport(() => null, undefined, () => ({ ok: false, error: { code: 'download-gone', message: 'Tệp xuất không còn.' } })).transport);
    await expect(gone.save(ref, 'DS.xlsx')).rejects.toMatchObject({ code: 'download-gone' });
    const odd = createClient(recordingTransport(() => null, undefined, () => ({ ok: true, output: { path: '/home' } })).transport);
    await expect(odd.save(ref, 'DS.xlsx')).rejects.toMatchObject({ code: 'bad-response' });
  });
});
