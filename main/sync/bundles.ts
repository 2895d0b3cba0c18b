import type { AppDatabase } from '../core/database/open-database';
import { PROTOCOL_VERSION, batchIdOf, type PullAnswer, type PushAnswer, type PushBatch } from '../../shared/sync/protocol';
import { BundleProblem, readBundle, writeBundle } from './bundle-file';
import { ackedSeq, currentEnrolment, pullCursor, readNumber, recordAck, writeNumber } from './sync-state';
import { outboxBatch } from './outbox';
import { recordHubOutcome } from './sync-issues';
import { applyPulledAnswer } from './sync-service';

// USB bundles for an office without internet. A bundle carries every change the hub has not acknowledged (not
// "since the last bundle"): a lost or unread stick costs nothing, the next one covers it. The receipt the hub makes
// carries the acknowledgement and what the office receives.

export interface ExportedBundle {
  number: number;
  entries: number;
  bytes: Buffer;
}

export function exportBundle(db: AppDatabase): ExportedBundle {
  const enrolment = currentEnrolment(db);
  const after = ackedSeq(db);
  const batch: PushBatch = outboxBatch(db, after, Number.MAX_SAFE_INTEGER)
    ?? { v: PROTOCOL_VERSION, batchId: batchIdOf(db.deviceId, after, after), device: db.deviceId, after, upTo: after, commands: [], entries: [] };
  const number = readNumber(db, 'sync.bundleNumber') + 1;
  writeNumber(db, 'sync.bundleNumber', number);
  const bytes = writeBundle({ v: PROTOCOL_VERSION, kind: 'changes', hub: enrolment.hubId, device: db.deviceId, number, createdAt: new Date().toISOString() },
    { batch, cursor: pullCursor(db) }, enrolment.signPrivate, enrolment.hubBoxKey);
  return { number, entries: batch.entries.length, bytes };
}

export interface ReceiptReport {
  number: number;
  acked: number;
  received: number;
  held: number;
}

/** Applies the hub's receipt: acknowledgements, what the hub did not apply, and the data the office receives. */
export function importReceipt(db: AppDatabase, bytes: Uint8Array): ReceiptReport {
  const enrolment = currentEnrolment(db);
  const bundle = readBundle(bytes);
  const { header } = bundle;
  if (header.kind !== 'receipt') throw new BundleProblem('not-receipt', 'Đây là gói thay đổi của xã, không phải biên nhận của máy chủ tỉnh: hãy nhập nó ở máy chủ tỉnh.', 'This is a changes bundle, not a receipt.');
  if (header.hub !== enrolment.hubId) throw new BundleProblem('other-hub', 'Biên nhận này đến từ một máy chủ tỉnh khác: không nhập gì.', 'This receipt comes from another hub.');
  if (header.device !== db.deviceId) throw new BundleProblem('other-device', 'Biên nhận này dành cho một máy khác: không nhập gì.', 'This receipt is for another device.');
  const body = bundle.open<{ push: PushAnswer; pull: PullAnswer }>(enrolment.hubSignKey, enrolment.boxPrivate);
  const report: ReceiptReport = { number: header.number, acked: body.push.acked, received: 0, held: 0 };
  db.sqlite.transaction(() => {
    for (const o of body.push.outcomes) {
      if (o.outcome === 'applied') continue;
      const entry = logEntry(db, o.seq);
      if (entry) recordHubOutcome(db, entry, o.outcome, o.reason);
    }
    recordAck(db, body.push.acked);
    const pulled = { pulled: 0, held: 0 };
    applyPulledAnswer(db, body.pull, pulled);
    report.received = pulled.pulled;
    report.held = pulled.held;
  })();
  return report;
}

function logEntry(db: AppDatabase, seq: number) {
  const batch = outboxBatch(db, seq - 1, 1);
  return batch?.entries.find((e) => e.seq === seq);
}
