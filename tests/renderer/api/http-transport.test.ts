import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_PATH, httpTransport } from '../../../renderer/api/http-transport';

// A real HTTP server on 127.0.0.1 that records what arrives: checks the wire format the headless host expects.
describe('HTTP transport', () => {
  const seen: { method?: string; url?: string; headers: IncomingHttpHeaders; body: string }[] = [];
  let status = 200;
  let reply = '{"ok":true,"output":{"fine":1}}';
  let base = '';
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => { body += c.toString(); });
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(reply);
    });
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const fetchFromPage: typeof fetch = (input, init) => fetch(new URL(String(input), base), init);

  it('POSTs {method, input, token} as JSON to /api/call with the launch key header', async () => {
    const answer = await httpTransport('secret-123', fetchFromPage).send({ method: 'app.info', input: {}, token: null });
    expect(answer).toEqual({ ok: true, output: { fine: 1 } });
    const req = seen.at(-1)!;
    expect(req.method).toBe('POST');
    expect(req.url).toBe(CALL_PATH);
    expect(req.headers['x-ansinh-key']).toBe('secret-123');
    expect(req.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req.body)).toEqual({ method: 'app.info', input: {}, token: null });
  });

  it('passes a refusal body through (the client shows its message)', async () => {
    status = 403;
    reply = '{"ok":false,"error":{"code":"bad-key","message":"Thiếu hoặc sai khóa phiên chạy."}}';
    expect(await httpTransport(null, fetchFromPage).send({ method: 'app.info', input: {} })).toMatchObject({ ok: false, error: { code: 'bad-key' } });
    expect(seen.at(-1)!.headers['x-ansinh-key']).toBeUndefined();
  });

  it('answers a non-JSON body or an unreachable host with a Vietnamese failure, never a thrown stack', async () => {
    status = 502;
    reply = '<html>Bad gateway</html>';
    expect(await httpTransport('k', fetchFromPage).send({ method: 'app.info', input: {} })).toMatchObject({ ok: false, error: { code: 'bad-response' } });
    const nowhere: typeof fetch = (input, init) => fetch(new URL(String(input), 'http://127.0.0.1:1'), init);
    const offline = await httpTransport('k', nowhere).send({ method: 'app.info', input: {} }) as { ok: false; error: { code: string; message: string } };
    expect(offline.error.code).toBe('offline');
    expect(offline.error.message).toMatch(/Không kết nối được/);
  });
});
