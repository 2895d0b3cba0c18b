import type { AppDatabase } from '../core/database/open-database';
import { readMeta, writeMeta } from '../core/database/meta';
import { BATCH_ENTRIES, PROTOCOL_VERSION, type PullAnswer, type PushAnswer } from '../../shared/sync/protocol';
import { requestSigningText, sha256, signBytes, newBoxKeys, newSigningKeys } from './sync-crypto';
import { callHub, HubAnswerError, post, uploadBatch, type HubCaller } from './hub-client';
import { deflateSync, strToU8 } from 'fflate';
import { ackedSeq, currentEnrolment, pullCursor, recordAck, saveEnrolment, SyncRefusal, writeNumber, type Enrolment } from './sync-state';
import { outboxBatch, pendingCount } from './outbox';
import { applyPulled } from './inbox';
import { openIssueCount, recordHubOutcome } from './sync-issues';

// Online sync: enrol once with a one-time code; then push what the hub has not acknowledged, in batches, and pull
// what the office receives, by cursor. Every step is acknowledged on its own: a cut loses at most the batch in flight,
// and the next run resumes from what the hub says it holds, never from zero.

export async function enrolWithHub(db: AppDatabase, hubUrl: string, code: string): Promise<Enrolment> {
  const info = await fetchHubInfo(hubUrl);
  // The code ends with the fingerprint of the hub's key: the desktop pins the hub the administrator meant.
  const fingerprint = code.trim().toUpperCase().split('-').at(-1);
  if (!fingerprint || fingerprint !== sha256(info.signKey).replace(/[^A-Za-z0-9]/g, '').slice(0, 6).toUpperCase()) {
    throw new SyncRefusal('hub-mismatch', 'Mã đăng ký không khớp với máy chủ ở địa chỉ này: kiểm tra lại địa chỉ máy chủ tỉnh và mã.', 'The code does not match this hub.');
  }
  const sign = newSigningKeys();
  const box = newBoxKeys();
  const body = Buffer.from(JSON.stringify({ v: PROTOCOL_VERSION, code, device: db.deviceId, signKey: sign.publicKey, boxKey: box.publicKey }));
  const answer = await post<{ hubId: string; hubSignKey: string; hubBoxKey: string; office: { unitId: string } }>(hubUrl, '/v1/enrol', body, {
    'content-type': 'application/json', 'x-ansinh-device': db.deviceId,
    'x-ansinh-signature': signBytes(sign.privateKey, requestSigningText('POST', '/v1/enrol', db.deviceId, body)),
  }, info.signKey);
  const enrolment: Enrolment = { hubUrl, hubId: answer.hubId, hubSignKey: answer.hubSignKey, hubBoxKey: answer.hubBoxKey, deviceId: db.deviceId,
    officeUnitId: answer.office.unitId, signPublic: sign.publicKey, signPrivate: sign.privateKey, boxPublic: box.publicKey, boxPrivate: box.privateKey,
    enrolledAt: new Date().toISOString() };
  saveEnrolment(db, enrolment);
  return enrolment;
}

async function fetchHubInfo(hubUrl: string): Promise<{ hubId: string; signKey: string; boxKey: string }> {
  try {
    const res = await fetch(new URL('/v1/hub', hubUrl), { signal: AbortSignal.timeout(30_000) });
    const { inflateSync, strFromU8 } = await import('fflate');
    return JSON.parse(strFromU8(inflateSync(new Uint8Array(await res.arrayBuffer()))));
  } catch (e) {
    throw new SyncRefusal('offline', 'Không kết nối được máy chủ tỉnh ở địa chỉ này.', `Cannot reach the hub: ${(e as Error).message}`);
  }
}

export interface SyncReport {
  pushed: number;
  batches: number;
  pulled: number;
  held: number;
  acked: number;
}

export interface SyncOptions {
  batchEntries?: number;
  timeoutMs?: number;
  /** Another address for the hub (a test's proxy). */
  viaUrl?: string;
}

/** One full round: push everything pending, then pull everything new. Throws SyncRefusal (Vietnamese) when it cannot. */
export async function syncNow(db: AppDatabase, options: SyncOptions = {}): Promise<SyncReport> {
  const enrolment = currentEnrolment(db);
  const caller: HubCaller = { url: options.viaUrl ?? enrolment.hubUrl, device: db.deviceId, signPrivate: enrolment.signPrivate, hubSignKey: enrolment.hubSignKey, timeoutMs: options.timeoutMs };
  const report: SyncReport = { pushed: 0, batches: 0, pulled: 0, held: 0, acked: ackedSeq(db) };
  try {
    await push(db, caller, options.batchEntries ?? BATCH_ENTRIES, report);
    await pull(db, caller, report);
    writeMeta(db, 'sync.lastSuccess', new Date().toISOString());
    writeMeta(db, 'sync.lastError', '');
    return report;
  } catch (e) {
    const refusal = e instanceof SyncRefusal ? e : new SyncRefusal('sync-failed', 'Đồng bộ gặp lỗi; dữ liệu ở máy này không bị mất, sẽ thử lại.', String(e));
    writeMeta(db, 'sync.lastError', JSON.stringify({ code: refusal.code, vi: refusal.vi, at: new Date().toISOString() }));
    throw refusal;
  }
}

async function push(db: AppDatabase, caller: HubCaller, limit: number, report: SyncReport): Promise<void> {
  // Ask first what the hub holds: after a cut, the next batch starts there (and nothing the hub has is sent again),
  // and the batch that was cut in flight goes on from the byte where it stopped.
  const status = await callHub<{ acked: number }>(caller, '/v1/status', { v: PROTOCOL_VERSION });
  let after = status.acked;
  recordAck(db, after);
  let first = true;
  for (;;) {
    const batch = outboxBatch(db, after, limit);
    if (!batch) break;
    const bytes = deflateSync(strToU8(JSON.stringify(batch)), { level: 9 });
    let offset = 0;
    if (first) offset = (await callHub<{ offset: number }>(caller, '/v1/push-offset', { batch: batch.batchId, hash: sha256(bytes) })).offset;
    first = false;
    let answer: PushAnswer;
    try {
      answer = await uploadBatch<PushAnswer>(caller, batch.batchId, bytes, offset);
    } catch (e) {
      if (e instanceof HubAnswerError && e.code === 'gap' && typeof e.detail?.acked === 'number') {
        after = e.detail.acked;
        continue;
      }
      if (e instanceof HubAnswerError && e.code === 'offset' && typeof e.detail?.offset === 'number') {
        answer = await uploadBatch<PushAnswer>(caller, batch.batchId, bytes, e.detail.offset);
      } else throw e;
    }
    if (typeof answer.acked !== 'number') throw new SyncRefusal('offline', 'Gói thay đổi chưa đến đủ máy chủ tỉnh: sẽ gửi tiếp.', 'Batch incomplete at the hub.');
    db.sqlite.transaction(() => {
      for (const o of answer.outcomes) {
        const entry = batch.entries.find((e) => e.seq === o.seq);
        if (entry && o.outcome !== 'applied') recordHubOutcome(db, entry, o.outcome, o.reason);
      }
      recordAck(db, answer.acked);
    })();
    report.pushed += batch.entries.length;
    report.batches += 1;
    after = answer.acked;
    report.acked = after;
  }
}

async function pull(db: AppDatabase, caller: HubCaller, report: SyncReport): Promise<void> {
  for (;;) {
    const cursor = pullCursor(db);
    const answer = await callHub<PullAnswer>(caller, '/v1/pull', { v: PROTOCOL_VERSION, cursor });
    applyPulledAnswer(db, answer, report);
    if (!answer.more) break;
  }
}

/** Applies a pull (online or from a receipt) and moves the cursor in the same transaction. */
export function applyPulledAnswer(db: AppDatabase, answer: PullAnswer, report?: Pick<SyncReport, 'pulled' | 'held'>): void {
  db.sqlite.transaction(() => {
    const applied = applyPulled(db, answer.commands, answer.entries);
    writeNumber(db, 'sync.pullCursor', Math.max(pullCursor(db), answer.next));
    if (report) {
      report.pulled += applied.applied;
      report.held += applied.held.length;
    }
  })();
}

export interface SyncStatus {
  enrolled: boolean;
  /** Why this device cannot sync (not enrolled, copied database), in Vietnamese; null when it can. */
  problem: string | null;
  hubUrl: string | null;
  pending: number;
  issues: number;
  lastSuccess: string | null;
  lastError: string | null;
}

export function syncStatus(db: AppDatabase): SyncStatus {
  let problem: string | null = null;
  let enrolment: Enrolment | null = null;
  try {
    enrolment = currentEnrolment(db);
  } catch (e) {
    problem = e instanceof SyncRefusal ? e.vi : String(e);
  }
  const lastError = readMeta(db, 'sync.lastError');
  return {
    enrolled: !!enrolment,
    problem,
    hubUrl: enrolment?.hubUrl ?? null,
    pending: pendingCount(db, enrolment ? ackedSeq(db) : 0),
    issues: openIssueCount(db),
    lastSuccess: readMeta(db, 'sync.lastSuccess') || null,
    lastError: lastError ? (JSON.parse(lastError) as { vi: string }).vi : null,
  };
}
