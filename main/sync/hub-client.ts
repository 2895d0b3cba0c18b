import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { requestSigningText, sha256, signBytes, verifyBytes } from './sync-crypto';
import { SyncRefusal } from './sync-state';

// The desktop's side of the wire: signed requests, deflated JSON, answers checked against the pinned hub key.

export interface HubCaller {
  url: string;
  device: string;
  signPrivate: string;
  /** The hub's pinned signing key; answers not signed by it are refused. */
  hubSignKey: string;
  timeoutMs?: number;
}

export class HubAnswerError extends SyncRefusal {
  constructor(code: string, vi: string, en: string, readonly status: number, readonly detail: Record<string, unknown> | null) {
    super(code, vi, en);
  }
}

export async function callHub<T>(caller: HubCaller, path: string, body: unknown): Promise<T> {
  const bytes = deflateSync(strToU8(JSON.stringify(body)), { level: 9 });
  return post<T>(caller.url, path, bytes, {
    'content-type': 'application/x-ansinh-sync',
    'x-ansinh-device': caller.device,
    'x-ansinh-signature': signBytes(caller.signPrivate, requestSigningText('POST', path, caller.device, bytes)),
  }, caller.hubSignKey, caller.timeoutMs);
}

export const PUSH_PART_PATH = '/v1/push-part';

/**
 * Uploads a deflated push batch from `offset` (what the hub already holds of it): after a cut only the rest travels.
 * The signature covers the whole batch.
 */
export async function uploadBatch<T>(caller: HubCaller, batchId: string, bytes: Uint8Array, offset: number): Promise<T> {
  return post<T>(caller.url, PUSH_PART_PATH, bytes.subarray(offset), {
    'content-type': 'application/x-ansinh-sync',
    'x-ansinh-device': caller.device,
    'x-ansinh-signature': signBytes(caller.signPrivate, requestSigningText('POST', PUSH_PART_PATH, caller.device, bytes)),
    'x-ansinh-batch': batchId,
    'x-ansinh-total': String(bytes.length),
    'x-ansinh-offset': String(offset),
    'x-ansinh-hash': sha256(bytes),
  }, caller.hubSignKey, caller.timeoutMs);
}

/** Posts raw bytes (enrolment: JSON signed by the new key; the pinned key is checked by the caller). */
export async function post<T>(base: string, path: string, bytes: Uint8Array, headers: Record<string, string>, hubSignKey: string | null, timeoutMs = 30_000): Promise<T> {
  let res: Response;
  let data: Uint8Array;
  try {
    res = await fetch(new URL(path, base), { method: 'POST', body: Buffer.from(bytes) as unknown as BodyInit, headers, signal: AbortSignal.timeout(timeoutMs) });
    data = new Uint8Array(await res.arrayBuffer());
  } catch (e) {
    throw new SyncRefusal('offline', 'Không kết nối được máy chủ tỉnh (mất mạng hoặc mạng chập chờn): sẽ thử lại sau, không mất dữ liệu.', `Cannot reach the hub: ${(e as Error).message}`);
  }
  if (hubSignKey && !verifyBytes(hubSignKey, data, String(res.headers.get('x-ansinh-hub-signature') ?? ''))) {
    throw new SyncRefusal('hub-not-pinned', 'Câu trả lời không do máy chủ tỉnh đã đăng ký ký: có thể đang kết nối nhầm máy chủ. Không gửi gì thêm.', 'The answer is not signed by the pinned hub.');
  }
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(strFromU8(inflateSync(data)));
  } catch {
    throw new SyncRefusal('offline', 'Câu trả lời của máy chủ tỉnh bị hỏng trên đường truyền: sẽ thử lại.', 'Damaged answer.');
  }
  if (!res.ok) {
    throw new HubAnswerError(String(value.error ?? 'hub-error'), String(value.vi ?? 'Máy chủ tỉnh từ chối yêu cầu.'), String(value.en ?? 'Refused by the hub.'), res.status,
      (value.detail as Record<string, unknown> | null) ?? null);
  }
  return value as T;
}

/**
 * Hands a commune's USB bundle to the hub (the office above relays it): the answer is the receipt bundle, which the
 * commune checks against the hub's key itself; a refusal is the hub's signed one-line answer.
 */
export async function relayToHub(base: string, hubSignKey: string, bundle: Uint8Array, timeoutMs = 120_000): Promise<Buffer> {
  let res: Response;
  let data: Uint8Array;
  try {
    res = await fetch(new URL('/v1/bundle', base), { method: 'POST', body: Buffer.from(bundle) as unknown as BodyInit, headers: { 'content-type': 'application/octet-stream' },
      signal: AbortSignal.timeout(timeoutMs) });
    data = new Uint8Array(await res.arrayBuffer());
  } catch (e) {
    throw new SyncRefusal('offline', 'Không kết nối được máy chủ tỉnh để chuyển gói đồng bộ: hãy thử lại khi có mạng, gói vẫn còn nguyên.', `Cannot reach the hub: ${(e as Error).message}`);
  }
  if (res.ok) return Buffer.from(data);
  if (!verifyBytes(hubSignKey, data, String(res.headers.get('x-ansinh-hub-signature') ?? ''))) {
    throw new SyncRefusal('hub-not-pinned', 'Câu trả lời không do máy chủ tỉnh đã đăng ký ký: có thể đang kết nối nhầm máy chủ.', 'The answer is not signed by the pinned hub.');
  }
  let value: Record<string, unknown> = {};
  try {
    value = JSON.parse(strFromU8(inflateSync(data)));
  } catch {
    // a damaged answer: the generic line below
  }
  throw new HubAnswerError(String(value.error ?? 'hub-error'), String(value.vi ?? 'Máy chủ tỉnh từ chối gói đồng bộ.'), String(value.en ?? 'Refused by the hub.'), res.status, null);
}
