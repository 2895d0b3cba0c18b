import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { PROTOCOL_VERSION, versionProblem, type PushBatch } from '../shared/sync/protocol';
import { requestSigningText, signBytes, verifyBytes } from '../main/sync/sync-crypto';
import { hubIdentity, type HubIdentity } from './hub-identity';
import { activeDevice, enrolDevice } from './offices';
import { applyBatch } from './push';
import { pullFor } from './pull';
import { HubRefusal } from './hub-refusal';
import { packJson, unpackJson } from './wire';
import { importBundle } from './bundle-import';
import { checkBundleDevice } from './bundle-check';
import { adminPage } from './admin-page';
import { PUSH_PART_PATH, receivePart, uploadHeaders, uploadOffset } from './push-upload';
import type { HubStore } from './store';

// The hub's HTTP door. Stateless: every fact is in the store, so several processes can serve one PostgreSQL.
// Device requests are signed with the device's Ed25519 key (headers x-ansinh-device, x-ansinh-signature over method,
// path, device and the body's hash); every answer is signed with the hub's key, which the desktop pinned at enrolment.

const MAX_BODY = 64 * 1024 * 1024;

export interface RunningHub {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

export async function startHubServer(store: HubStore, options: { port?: number; host?: string; adminToken?: string } = {}): Promise<RunningHub> {
  const hub = await hubIdentity(store);
  const server = createServer((req, res) => {
    handle(store, hub, req, res, options.adminToken).catch((e) => answerError(res, hub, e));
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    server,
    port,
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

async function handle(store: HubStore, hub: HubIdentity, req: IncomingMessage, res: ServerResponse, adminToken?: string): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://hub');
  if (req.method === 'GET' && url.pathname === '/v1/hub') {
    return answer(res, hub, { v: PROTOCOL_VERSION, hubId: hub.id, signKey: hub.signPublic, boxKey: hub.boxPublic });
  }
  if (req.method === 'GET' && (url.pathname === '/' || url.pathname === '/admin')) {
    if (adminToken && url.searchParams.get('token') !== adminToken) throw new HubRefusal(403, 'admin', 'Cần mã quản trị.', 'Admin token required.');
    const html = await adminPage(store);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
    return;
  }
  if (req.method !== 'POST') throw new HubRefusal(404, 'not-found', 'Không có địa chỉ này.', 'Not found.');
  if (url.pathname === PUSH_PART_PATH) {
    const result = await receivePart(store, req, uploadHeaders(req));
    if (result) answer(res, hub, result);
    return;
  }
  const body = await readBody(req);
  if (url.pathname === '/v1/bundle') {
    const receipt = await importBundle(store, body);
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.end(receipt.bytes);
    return;
  }
  const deviceId = String(req.headers['x-ansinh-device'] ?? '');
  const signature = String(req.headers['x-ansinh-signature'] ?? '');
  if (url.pathname === '/v1/enrol') {
    const request = JSON.parse(Buffer.from(body).toString('utf8')) as { v: number; code: string; device: string; signKey: string; boxKey: string };
    const problem = versionProblem(request.v);
    if (problem) throw new HubRefusal(400, 'version', problem.vi, problem.en);
    // The device proves it holds the key it enrols.
    if (request.device !== deviceId || !verifyBytes(request.signKey, requestSigningText('POST', url.pathname, deviceId, body), signature)) {
      throw new HubRefusal(401, 'bad-signature', 'Chữ ký của yêu cầu đăng ký không hợp lệ.', 'Bad enrolment signature.');
    }
    const office = await enrolDevice(store, request);
    return answer(res, hub, { v: PROTOCOL_VERSION, hubId: hub.id, hubSignKey: hub.signPublic, hubBoxKey: hub.boxPublic, office });
  }
  const device = await activeDevice(store, deviceId);
  if (!verifyBytes(device.sign_key, requestSigningText('POST', url.pathname, deviceId, body), signature)) {
    throw new HubRefusal(401, 'bad-signature', 'Chữ ký của yêu cầu không hợp lệ: dữ liệu bị thay đổi trên đường truyền hoặc không phải từ thiết bị đã đăng ký.', 'Bad request signature.');
  }
  if (url.pathname === '/v1/status') {
    return answer(res, hub, { v: PROTOCOL_VERSION, acked: Number(device.acked) });
  }
  if (url.pathname === '/v1/push-offset') {
    const q = unpackJson<{ batch: string; hash: string }>(body);
    return answer(res, hub, { v: PROTOCOL_VERSION, offset: await uploadOffset(store, deviceId, q.batch, q.hash) });
  }
  if (url.pathname === '/v1/push') {
    const batch = unpackJson<PushBatch>(body);
    if (batch.device !== deviceId) throw new HubRefusal(403, 'wrong-device', 'Gói thay đổi không phải của thiết bị gửi.', 'The batch belongs to another device.');
    return answer(res, hub, await applyBatch(store, batch));
  }
  if (url.pathname === '/v1/bundle-check') {
    return answer(res, hub, await checkBundleDevice(store, deviceId, unpackJson(body)));
  }
  if (url.pathname === '/v1/pull') {
    return answer(res, hub, await pullFor(store, deviceId, unpackJson(body)));
  }
  throw new HubRefusal(404, 'not-found', 'Không có địa chỉ này.', 'Not found.');
}

function answer(res: ServerResponse, hub: HubIdentity, value: unknown, status = 200): void {
  const bytes = packJson(value);
  res.writeHead(status, { 'content-type': 'application/x-ansinh-sync', 'x-ansinh-hub-signature': signBytes(hub.signPrivate, bytes), 'content-length': bytes.length });
  res.end(bytes);
}

function answerError(res: ServerResponse, hub: HubIdentity, e: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (e instanceof HubRefusal) return answer(res, hub, { error: e.code, vi: e.vi, en: e.en, detail: e.detail ?? null }, e.status);
  console.error('hub error', e);
  answer(res, hub, { error: 'internal', vi: 'Máy chủ tỉnh gặp lỗi; thay đổi chưa được ghi, hãy thử lại.', en: 'Hub error; nothing was recorded.' }, 500);
}

function readBody(req: IncomingMessage): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new HubRefusal(413, 'too-large', 'Dữ liệu gửi lên quá lớn.', 'Body too large.'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
