import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { openDatabase } from '../../../../main/core/database/open-database';
import { migrationsDir } from '../../../../main/core/app-paths';
import { seedDemo } from '../../../../main/demo/seed-demo';
import { startServicesProcess, type ServicesProcess } from '../../../../main/app/services-process/start-services-process';
import { startHostServer, type HostServer } from '../../../../main/doors/host/host-server';
import { tempDir } from '../../../support/temp-database';
import { writeGovernmentWorkbook } from '../../../fixtures/excel/government-xlsx';
import { readFileSync } from 'node:fs';

let cleanup: () => void;
let services: ServicesProcess;
let host: HostServer;
let key: string;
let workDir: string;

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  workDir = t.dir;
  process.env.ANSINH_UPLOADS_DIR = join(t.dir, 'uploads');
  process.env.ANSINH_DOWNLOADS_DIR = join(t.dir, 'downloads');
  const dbPath = join(t.dir, 'demo.db');
  const db = openDatabase({ path: dbPath, migrationsFolder: migrationsDir(), create: true });
  seedDemo(db, { people: 50 });
  db.close();
  const rendererDir = join(t.dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>An Sinh Desk</title>');
  services = await startServicesProcess({ dbPath, create: false, quiet: true });
  host = await startHostServer({ services, rendererDir });
  key = host.url.split('#k=')[1];
});
afterAll(async () => {
  await host.close();
  await services.close();
  cleanup();
});

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${host.origin}/api/call`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: host.origin, 'X-Ansinh-Key': key, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** fetch() drops a custom Host header, so this uses node:http to send one. */
function statusWithHost(hostHeader: string): Promise<number> {
  const url = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: '/api/call', method: 'POST', headers: { Host: hostHeader } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('headless host', () => {
  it('listens on 127.0.0.1 only and hands the launch secret in the URL fragment', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#k=[\w-]{20,}$/);
  });

  it('serves the renderer with a strict Content-Security-Policy, and never files outside it', async () => {
    const res = await fetch(`${host.origin}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await res.text()).toContain('An Sinh Desk');
    const escape = await fetch(`${host.origin}/..%2f..%2fdemo.db`);
    expect(await escape.text()).not.toContain('SQLite');
  });

  it('runs the contract: login, then the list', async () => {
    const login = await (await post({ method: 'auth.login', input: { username: 'canbo', password: 'canbo123!' } })).json();
    expect(login.ok).toBe(true);
    const list = await (await post({ method: 'beneficiaries.list', input: { query: '', limit: 3 }, token: login.output.token })).json();
    expect(list).toMatchObject({ ok: true, output: { total: 50 } });
    expect(list.output.rows).toHaveLength(3);
  });

  it('refuses a missing or wrong secret, a foreign origin, a foreign host name and non-JSON', async () => {
    expect((await post({ method: 'app.info', input: {} }, { 'X-Ansinh-Key': 'wrong' })).status).toBe(403);
    expect((await post({ method: 'app.info', input: {} }, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await post('{not json')).status).toBe(400);
    expect((await post({ method: 'app.info', input: {} }, { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect(await statusWithHost('evil.example')).toBe(421); // DNS rebinding: a page on another name reaching our port
  });

  it('takes a workbook upload, previews it, imports it in one command and undoes it, all through the contract', async () => {
    const file = join(workDir, 'ds.xlsx');
    await writeGovernmentWorkbook(file, { rows: 12, text: 'tcvn3' });
    const bytes = readFileSync(file);
    const upload = await fetch(`${host.origin}/api/upload`, { method: 'POST', headers: { Origin: host.origin, 'X-Ansinh-Key': key, 'Content-Type': 'application/octet-stream' }, body: bytes });
    const { output: { fileRef } } = await upload.json();
    expect(fileRef).toMatch(/^[0-9a-f-]{36}$/);
    const noKey = await fetch(`${host.origin}/api/upload`, { method: 'POST', headers: { Origin: host.origin }, body: bytes });
    expect(noKey.status).toBe(403);

    const { output: { token } } = await (await post({ method: 'auth.login', input: { username: 'canbo', password: 'canbo123!' } })).json();
    const preview = await (await post({ method: 'import.preview', input: { fileRef, fileName: 'ds.xlsx' }, token })).json();
    expect(preview).toMatchObject({ ok: true, output: { format: 'xlsx', records: 12, imported: 12 } });
    expect(preview.output.sheets[0].mapping.fullName).toEqual(expect.any(Number));
    const before = (await (await post({ method: 'beneficiaries.list', input: {}, token })).json()).output.total;
    expect(before).toBe(50); // preview wrote nothing
    const commit = await (await post({ method: 'import.commit', input: { fileRef, fileName: 'ds.xlsx' }, token })).json();
    expect(commit).toMatchObject({ ok: true, output: { imported: 12 } });
    expect((await (await post({ method: 'beneficiaries.list', input: {}, token })).json()).output.total).toBe(62);
    const undo = await (await post({ method: 'import.undo', input: { importId: commit.output.importId }, token })).json();
    expect(undo).toMatchObject({ ok: true, output: { conflicts: [] } });
    expect((await (await post({ method: 'beneficiaries.list', input: {}, token })).json()).output.total).toBe(50);
    const clinic = (await (await post({ method: 'auth.login', input: { username: 'yte', password: 'yte12345!' } })).json()).output.token;
    expect(await (await post({ method: 'import.preview', input: { fileRef, fileName: 'ds.xlsx' }, token: clinic })).json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('hands an export over once, to the page that holds the secret', async () => {
    const { output: { token } } = await (await post({ method: 'auth.login', input: { username: 'canbo', password: 'canbo123!' } })).json();
    const made = await (await post({ method: 'export.list', input: { kind: 'unbanked' }, token })).json();
    expect(made).toMatchObject({ ok: true, output: { kind: 'unbanked', fileName: expect.stringMatching(/\.xlsx$/) } });
    const download = (headers: Record<string, string>) => fetch(`${host.origin}/api/download`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: host.origin, ...headers },
      body: JSON.stringify({ downloadRef: made.output.downloadRef }),
    });

    expect((await download({})).status).toBe(403);
    expect((await download({ 'X-Ansinh-Key': key, Origin: 'http://evil.example' })).status).toBe(403);
    const got = await download({ 'X-Ansinh-Key': key });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toContain('spreadsheetml');
    const bytes = new Uint8Array(await got.arrayBuffer());
    expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]); // a zip: the workbook
    const again = await download({ 'X-Ansinh-Key': key });
    expect(again.status).toBe(404);
    expect(await again.json()).toMatchObject({ ok: false, error: { code: 'download-gone' } });
  });

  it('answers a request that fails the contract with a clear error and no change', async () => {
    const res = await (await post({ method: 'beneficiaries.list', input: { limit: 'all' } })).json();
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
