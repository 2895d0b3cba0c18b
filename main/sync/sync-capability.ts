import { readFileSync, writeFileSync } from 'node:fs';
import type { AppDatabase } from '../core/database/open-database';
import type { Actor } from '../core/write-path';
import { recordAudit } from '../core/audit';
import { AppError } from '../core/errors';
import { enrolWithHub, syncNow, syncStatus, type SyncOptions } from './sync-service';
import { exportBundle, importReceipt } from './bundles';
import { BundleProblem } from './bundle-file';
import { SyncRefusal } from './sync-state';
import { openIssueDetails, resolveIssue } from './sync-issues';
import { describeBundle, isBundleFile, relayBundle } from './bundle-relay';
import { currentEnrolment } from './sync-state';
import { DEFAULT_BACKGROUND, startBackgroundSync, type BackgroundSyncOptions } from './background-sync';

/**
 * Sync as the app's services offer it: every refusal becomes the app's one error type, in Vietnamese. With
 * `background`, rounds also run on their own while the database is enrolled (backing off while the hub cannot be reached).
 */
export function createSyncService(db: AppDatabase, options: { background?: BackgroundSyncOptions | false } = {}) {
  let running: Promise<unknown> | null = null;
  /** One round; a round already running is waited for instead of started twice. */
  const now = (options?: SyncOptions) => asAppError(async () => {
    if (running) await running.catch(() => undefined);
    const round = syncNow(db, options);
    running = round;
    try {
      return await round;
    } finally {
      running = null;
    }
  });
  const canSync = () => {
    try {
      currentEnrolment(db);
      return true;
    } catch {
      return false;
    }
  };
  const background = options.background === false ? null : startBackgroundSync(() => now(), canSync, options.background ?? DEFAULT_BACKGROUND);
  return {
    /** The background rounds: how many failed in a row, when the next comes. */
    background: () => background?.state() ?? null,
    close: () => background?.stop(),
    status: () => syncStatus(db),
    issues: () => openIssueDetails(db),
    resolve: (actor: Actor, id: string, choice: 'theirs' | 'ours' | 'dismiss') => resolveIssue(db, actor, id, choice),
    enrol: (hubUrl: string, code: string) => asAppError(async () => {
      await enrolWithHub(db, hubUrl, code);
      return syncStatus(db);
    }),
    now,
    /** The bundle for the USB stick (personal data leaves the machine: audited). */
    exportBundle: (actor: Actor, path: string) => asAppError(() => {
      const bundle = exportBundle(db);
      writeFileSync(path, bundle.bytes);
      recordAudit(db, actor, { action: 'sync-bundle-export', detail: { number: bundle.number, entries: bundle.entries } });
      return { number: bundle.number, entries: bundle.entries };
    }),
    importReceipt: (path: string) => asAppError(() => importReceipt(db, readFileSync(path))),
    /** At the office above: a commune's bundle among the files to consolidate (read only its header). */
    isBundleFile,
    describeBundle: (path: string) => asAppError(async () => {
      const b = await describeBundle(db, readFileSync(path));
      return { number: b.header.number, commune: b.commune };
    }),
    /** Relays a commune's bundle to the hub, writes the receipt beside it and receives the commune's records (audited). */
    relayBundle: (actor: Actor, path: string, receiptPath?: string) => asAppError(async () => {
      const r = await relayBundle(db, path, () => now(), receiptPath);
      recordAudit(db, actor, { action: 'sync-bundle-relay', detail: { device: r.header.device, number: r.header.number, imported: r.imported, updated: r.updated } });
      return { number: r.header.number, receiptPath: r.receiptPath, commune: r.commune, imported: r.imported, updated: r.updated };
    }),
  };
}

export type SyncService = ReturnType<typeof createSyncService>;

function asAppError<T>(work: () => T): T {
  const map = (e: unknown) => (e instanceof SyncRefusal || e instanceof BundleProblem ? new AppError(e.code, e.vi, e.message) : e);
  try {
    const out = work();
    return (out instanceof Promise ? out.catch((e) => { throw map(e); }) : out) as T;
  } catch (e) {
    throw map(e);
  }
}
