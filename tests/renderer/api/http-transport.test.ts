import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_PATH, UPLOAD_PATH, httpTransport } from '../../../renderer/api/http-transport';

// A real HTTP server on 127.0.0.1 that records what arrives: checks the wire format the headless host expects.
describe('HTTP transport', () => {
  const seen: { method?: string; url?: string; headers: IncomingHttpHeaders; body: string; bytes: Buffer }[] = [];
  let status = 200;
  let reply = '{"ok":true,"output":{"fine":1}}';
  let base = '';
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => { chunks.push(c); });
    req.on('end', () => {
      const bytes = Buffer.concat(chunks);
      seen.push({ method: req.method, url: req.url, headers: req.headers, body: bytes.toString(), bytes });
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

  it('uploads a file as raw bytes to /api/upload with the launch key, and passes the answer through', async () => {
    status = 200;
    reply = '{"ok":true,"output":{"fileRef":"0f8fad5b-d9cb-469f-a165-70867728950e"}}';
    const bytes = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0x00, 0xff, 0x7f, 0x80]);
    const answer = await httpTransport('secret-9', fetchFromPage).upload(new Blob([bytes]));
    expect(answer).toEqual({ ok: true, output: { fileRef: '0f8fad5b-d9cb-469f-a165-70867728950e' } });
    const req = seen.at(-1)!;
    expect(req.method).toBe('POST');
    expect(req.url).toBe(UPLOAD_PATH);
    expect(req.headers['content-type']).toBe('application/octet-stream');
    expect(req.headers['x-ansinh-key']).toBe('secret-9');
    expect([...req.bytes]).toEqual([...bytes]); // binary-safe: no text encoding on the way
  });
});
