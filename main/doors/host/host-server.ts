import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { ServicesProcess } from '../../app/services-process/start-services-process';
import { pipeline } from 'node:stream/promises';
import { MAX_UPLOAD_BYTES, openUploadStream } from '../../app/uploads';
import { DOWNLOAD_GONE, takeDownload } from '../../app/downloads';
import { closeSync, createReadStream, openSync, readSync, rmSync } from 'node:fs';
import { readStatic } from './static-files';
import { SECURITY_HEADERS } from './security-headers';

const MAX_BODY_BYTES = 1_000_000;

export interface HostServer {
  url: string;
  origin: string;
  close(): Promise<void>;
}

/**
 * The headless door: the built renderer, the contract, file uploads and export downloads over HTTP on 127.0.0.1 only. A request must carry
 * the per-launch secret (given to the page in the URL fragment), come from our own origin and name our host.
 */
export async function startHostServer(options: { services: ServicesProcess; rendererDir: string; port?: number }): Promise<HostServer> {
  const secret = randomBytes(24).toString('base64url');
  const secretBytes = Buffer.from(secret);
  let origin = '';
  let allowedHosts: string[] = [];

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => send(res, 500, { ok: false, error: { code: 'internal', message: 'Lỗi máy chủ nội bộ.' } }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.includes(req.headers.host ?? '')) return send(res, 421, refusal('bad-host', 'Địa chỉ máy chủ không hợp lệ.'));
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/api/call' || path === '/api/upload' || path === '/api/download') {
      if (req.method !== 'POST') return send(res, 405, refusal('method', 'Chỉ chấp nhận POST.'));
      if (req.headers.origin !== origin) return send(res, 403, refusal('bad-origin', 'Yêu cầu không đến từ giao diện của ứng dụng.'));
      const key = Buffer.from(String(req.headers['x-ansinh-key'] ?? ''));
      if (key.length !== secretBytes.length || !timingSafeEqual(key, secretBytes)) {
        return send(res, 403, refusal('bad-key', 'Thiếu hoặc sai khóa phiên chạy. Hãy mở lại địa chỉ do ứng dụng in ra.'));
      }
      if (path === '/api/upload') return receiveUpload(req, res);
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, refusal('bad-type', 'Cần dữ liệu JSON.'));
      const body = await readBody(req);
      if (body === null) return send(res, 413, refusal('too-large', 'Yêu cầu quá lớn.'));
      let request: unknown;
      try {
        request = JSON.parse(body);
      } catch {
        return send(res, 400, refusal('bad-json', 'Yêu cầu không phải JSON hợp lệ.'));
      }
      if (path === '/api/download') return sendDownload(res, request);
      return send(res, 200, await options.services.call(request, 'host'));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, refusal('method', 'Phương thức không được hỗ trợ.'));
    const file = await readStatic(options.rendererDir, path);
    if (!file) return send(res, 404, refusal('not-found', 'Không tìm thấy.'));
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': file.type });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  return {
    url: `${origin}/#k=${secret}`,
    origin,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** A file for import, streamed to the uploads folder; the page gets back only a reference to it. */
async function receiveUpload(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_UPLOAD_BYTES) return send(res, 413, refusal('too-large', 'Tệp quá lớn (tối đa 200 MB).'));
  const upload = openUploadStream();
  let size = 0;
  try {
    await pipeline(req, async function* (source) {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > MAX_UPLOAD_BYTES) throw new Error('too-large');
        yield chunk;
      }
    }, upload.stream);
  } catch {
    upload.discard();
    return send(res, size > MAX_UPLOAD_BYTES ? 413 : 400, refusal('upload-failed', size > MAX_UPLOAD_BYTES ? 'Tệp quá lớn (tối đa 200 MB).' : 'Tải tệp lên bị gián đoạn; hãy thử lại.'));
  }
  send(res, 200, { ok: true, output: { fileRef: upload.fileRef } });
}

/** An export the services wrote, handed over once: the file is deleted as soon as it has been sent. */
async function sendDownload(res: ServerResponse, request: unknown): Promise<void> {
  const ref = (request as { downloadRef?: unknown } | null)?.downloadRef;
  const file = typeof ref === 'string' ? takeDownload(ref) : null;
  if (!file) return send(res, 404, { ok: false, error: DOWNLOAD_GONE });
  // A workbook (a zip: "PK") or a database backup; the page names the file, the bytes are only ever saved.
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': startsWithZip(file) ? XLSX_TYPE : 'application/octet-stream', 'Content-Disposition': 'attachment' });
  try {
    await pipeline(createReadStream(file), res);
  } finally {
    rmSync(file, { force: true });
  }
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function startsWithZip(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(2);
    return readSync(fd, head, 0, 2, 0) === 2 && head.toString('latin1') === 'PK';
  } finally {
    closeSync(fd);
  }
}

function refusal(code: string, message: string) {
  return { ok: false, error: { code, message } };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
