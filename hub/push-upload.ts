import type { IncomingMessage } from 'node:http';
import { requestSigningText, sha256, verifyBytes } from '../main/sync/sync-crypto';
import type { PushAnswer, PushBatch } from '../shared/sync/protocol';
import { activeDevice } from './offices';
import { applyBatch } from './push';
import { HubRefusal } from './hub-refusal';
import { unpackJson } from './wire';
import type { HubStore } from './store';

// A push batch uploaded resumably (the tus idea): the hub keeps the bytes that arrived before a cut, the device asks
// how many and sends only the rest. The signature covers the whole batch and is checked once it is complete.

export const PUSH_PART_PATH = '/v1/push-part';

export interface UploadHeaders {
  device: string;
  batch: string;
  total: number;
  offset: number;
  hash: string;
  signature: string;
}

export function uploadHeaders(req: IncomingMessage): UploadHeaders {
  const h = (name: string) => String(req.headers[`x-ansinh-${name}`] ?? '');
  const out = { device: h('device'), batch: h('batch'), total: Number(h('total')), offset: Number(h('offset')), hash: h('hash'), signature: h('signature') };
  if (!out.batch || !Number.isInteger(out.total) || !Number.isInteger(out.offset) || out.total <= 0 || out.offset < 0 || !out.hash) {
    throw new HubRefusal(400, 'bad-upload', 'Yêu cầu gửi gói thiếu thông tin.', 'Incomplete upload headers.');
  }
  return out;
}

/** How many bytes of this batch the hub holds (0 when none, or when the device now sends other bytes under that id). */
export async function uploadOffset(store: HubStore, device: string, batch: string, hash: string): Promise<number> {
  await activeDevice(store, device);
  const [held] = await store.query<{ hash: string; have: number }>('SELECT hash, length(bytes) AS have FROM uploads WHERE device_id = $1 AND batch_id = $2', [device, batch]);
  return held && held.hash === hash ? Number(held.have) : 0;
}

/** Receives a part; returns the hub's answer once the batch is whole, or null when the connection went before. */
export async function receivePart(store: HubStore, req: IncomingMessage, u: UploadHeaders): Promise<PushAnswer | { received: number } | null> {
  // Listen before anything else: a cut may come while the hub is still looking up the device.
  const chunks: Buffer[] = [];
  const arrived = new Promise<boolean>((resolve) => {
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(true));
    req.on('close', () => resolve(req.complete));
    req.on('error', () => resolve(false));
  });
  const device = await activeDevice(store, u.device);
  const have = await uploadOffset(store, u.device, u.batch, u.hash);
  if (u.offset !== have) {
    throw new HubRefusal(409, 'offset', `Máy chủ tỉnh đã nhận ${have} byte của gói này; hãy gửi tiếp từ đó.`, `The hub holds ${have} bytes of this batch.`, { offset: have });
  }
  if (have === 0) {
    await store.query(`INSERT INTO uploads (device_id, batch_id, total, hash, bytes) VALUES ($1, $2, $3, $4, ''::bytea)
      ON CONFLICT (device_id, batch_id) DO UPDATE SET total = excluded.total, hash = excluded.hash, bytes = ''::bytea, updated_at = now()`, [u.device, u.batch, u.total, u.hash]);
  }
  const complete = await arrived;
  const got = Buffer.concat(chunks).subarray(0, Math.max(0, u.total - have));
  if (got.length) await store.query('UPDATE uploads SET bytes = bytes || $3, updated_at = now() WHERE device_id = $1 AND batch_id = $2', [u.device, u.batch, got]);
  if (!complete) return null;
  if (have + got.length < u.total) return { received: have + got.length };
  const [{ bytes }] = await store.query<{ bytes: Uint8Array }>('SELECT bytes FROM uploads WHERE device_id = $1 AND batch_id = $2', [u.device, u.batch]);
  const whole = Buffer.from(bytes);
  if (sha256(whole) !== u.hash || !verifyBytes(device.sign_key, requestSigningText('POST', PUSH_PART_PATH, u.device, whole), u.signature)) {
    await store.query('DELETE FROM uploads WHERE device_id = $1 AND batch_id = $2', [u.device, u.batch]);
    throw new HubRefusal(401, 'bad-signature', 'Chữ ký của gói thay đổi không hợp lệ: dữ liệu bị thay đổi trên đường truyền. Gói sẽ được gửi lại.', 'Bad batch signature.');
  }
  const batch = unpackJson<PushBatch>(whole);
  if (batch.device !== u.device) throw new HubRefusal(403, 'wrong-device', 'Gói thay đổi không phải của thiết bị gửi.', 'The batch belongs to another device.');
  const answer = await applyBatch(store, batch);
  await store.query('DELETE FROM uploads WHERE device_id = $1 AND batch_id = $2', [u.device, u.batch]);
  return answer;
}
