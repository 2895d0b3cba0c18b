import { PROTOCOL_VERSION, type PullAnswer, type PushAnswer, type PushBatch } from '../shared/sync/protocol';
import { BundleProblem, readBundle, writeBundle } from '../main/sync/bundle-file';
import { hubIdentity } from './hub-identity';
import { activeDevice } from './offices';
import { applyBatch } from './push';
import { pullFor } from './pull';
import { HubRefusal } from './hub-refusal';
import type { HubStore } from './store';

/** What a commune's bundle carries: every change the hub had not acknowledged when it was made, and its pull cursor. */
export interface ChangesBody {
  batch: PushBatch;
  cursor: number;
}

/** What the receipt carries back: the acknowledgement, what was not applied, and what the office receives. */
export interface ReceiptBody {
  push: PushAnswer;
  pull: PullAnswer;
}

export interface BundleImport {
  device: string;
  number: number;
  /** The same bundle (or an older one) was imported before: nothing changed. */
  replay: boolean;
  received: number;
  push: PushAnswer;
  bytes: Buffer;
}

/**
 * Verifies and applies a USB bundle, idempotently (twice, or out of order, changes nothing twice), and makes the
 * receipt bundle for the commune. Refusals carry one Vietnamese line.
 */
export async function importBundle(store: HubStore, bytes: Uint8Array): Promise<BundleImport> {
  const hub = await hubIdentity(store);
  let bundle;
  try {
    bundle = readBundle(bytes);
  } catch (e) {
    throw asRefusal(e);
  }
  const { header } = bundle;
  if (header.kind !== 'changes') throw new HubRefusal(400, 'not-changes', 'Đây là biên nhận của máy chủ tỉnh, không phải gói thay đổi của xã: hãy nhập nó ở máy xã.', 'This is a receipt, not a changes bundle.');
  if (header.hub !== hub.id) throw new HubRefusal(400, 'other-hub', 'Gói này được tạo cho một máy chủ tỉnh khác: không nhập gì.', 'This bundle is for another hub.');
  const device = await activeDevice(store, header.device);
  let body: ChangesBody;
  try {
    body = bundle.open<ChangesBody>(device.sign_key, hub.boxPrivate);
  } catch (e) {
    throw asRefusal(e);
  }
  if (body.batch.device !== header.device) throw new HubRefusal(400, 'bundle-tampered', 'Gói dữ liệu không khớp với thiết bị đã ký: không nhập gì.', 'Bundle device mismatch.');
  const [seen] = await store.query<{ number: number }>('SELECT max(number) AS number FROM bundles WHERE device_id = $1', [header.device]);
  const replay = seen?.number != null && Number(seen.number) >= header.number;
  const push = await applyBatch(store, body.batch);
  await store.query(`INSERT INTO bundles (device_id, number, entries, acked) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
    [header.device, header.number, body.batch.entries.length, push.acked]);
  const pull = await pullAll(store, header.device, body.cursor);
  const receipt = writeBundle({ v: PROTOCOL_VERSION, kind: 'receipt', hub: hub.id, device: header.device, number: header.number, createdAt: new Date().toISOString() },
    { push, pull } satisfies ReceiptBody, hub.signPrivate, device.box_key);
  return { device: header.device, number: header.number, replay, received: body.batch.entries.length, push, bytes: receipt };
}

/** Everything after the cursor, in one answer: a receipt travels once, it cannot ask for more. */
async function pullAll(store: HubStore, device: string, cursor: number): Promise<PullAnswer> {
  const first = await pullFor(store, device, { v: PROTOCOL_VERSION, cursor });
  const all = { ...first, entries: [...first.entries], commands: [...first.commands] };
  while (all.more) {
    const next = await pullFor(store, device, { v: PROTOCOL_VERSION, cursor: all.next });
    all.entries.push(...next.entries);
    all.commands.push(...next.commands);
    all.next = next.next;
    all.more = next.more;
  }
  return all;
}

function asRefusal(e: unknown): unknown {
  return e instanceof BundleProblem ? new HubRefusal(400, e.code, e.vi, e.message) : e;
}
