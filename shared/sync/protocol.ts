// The sync protocol between a desktop and the province hub: what travels, in which shape, at which version.
// Pure data and rules (no I/O): the desktop (main/sync) and the hub (hub/) both import it.

/** The version every request and bundle carries. The hub accepts this one and the one before it. */
export const PROTOCOL_VERSION = 1;
export const OLDEST_ACCEPTED_VERSION = 1;

/**
 * Tables that never leave the office. Clinic visits are health data (who came to the health station, with their
 * health-insurance status) that the province's social-protection hub has no need for: they stay in this office's
 * change log (history, undo, audit) but are never pushed, put in a USB bundle, kept by the hub or passed on by it.
 */
export const LOCAL_ONLY_ENTITIES: ReadonlySet<string> = new Set(['clinic_visits']);

/**
 * Reference data: what the hub publishes to every office when the office that made it is the one it publishes for
 * (the province's own office): administrative units, payout levels and regimes, CSCA certificates, list column mappings. From any other office, they stay in
 * that office's area like any record.
 */
export const REFERENCE_ENTITIES: ReadonlySet<string> = new Set(['admin_units', 'payout_levels', 'payout_regimes', 'csca_certificates', 'column_mappings']);

/**
 * Entries per online batch. A cut loses nothing of a batch (its upload resumes from the hub's offset), so batches can
 * be large: at 800 ms a round trip, each batch's answer costs as much line time as 6 KB of payload at 64 kbit/s.
 */
export const BATCH_ENTRIES = 2000;

/** Why a group of changes was made, as it travels (the summary stays on the device). */
export interface WireCommand {
  id: string;
  name: string;
  user: string | null;
  origin: string;
  hlc: string;
}

/**
 * One change-log entry as it travels, identified by (device, seq). `base` names the entry ("device:seq") whose value
 * the edit replaced, which both sides understand (a row revision means nothing on another device). `value` is
 * the entry's new value as JSON text, exactly as logged: fields this app does not know are carried, never dropped.
 */
export interface WireEntry {
  seq: number;
  hlc: string;
  command: string;
  entity: string;
  id: string;
  op: 'insert' | 'update' | 'tombstone';
  field: string | null;
  value: string | null;
  base: string | null;
  /**
   * The value the edit replaced, as the editing side held it: carried only for a field merged by rule (a list, see
   * field-merge.ts), whose three-way merge needs the editor's own base. Absent from older apps' entries.
   */
  old?: string;
}

/** A push batch: a device's entries (from, to] in sequence order, with the commands they belong to. */
export interface PushBatch {
  v: number;
  /** Stable: the same entries always make the same batch id, so a batch sent twice is recognised. */
  batchId: string;
  device: string;
  /** The last sequence number the device believes the hub has; entries start after it. */
  after: number;
  /** The highest sequence number the batch covers (entries may skip numbers: secrets never leave). */
  upTo: number;
  commands: WireCommand[];
  entries: WireEntry[];
}

export type EntryOutcome = 'applied' | 'conflict' | 'rejected';

export interface PushAnswer {
  v: number;
  /** Everything up to this sequence number is held by the hub: never send it again. */
  acked: number;
  /** Entries that were not simply applied (conflict kept for review, or rejected with a reason). */
  outcomes: { seq: number; outcome: EntryOutcome; reason: string }[];
}

/** A pulled entry carries its origin, so the receiver keeps who made it, where and when. */
export interface PulledEntry extends WireEntry {
  device: string;
  user: string | null;
}

export interface PullAnswer {
  v: number;
  entries: PulledEntry[];
  commands: WireCommand[];
  /** Ask again with this cursor; the same cursor always returns the same entries. */
  next: number;
  more: boolean;
}

/**
 * The hub's answer to an office above the commune about a commune's USB bundle it is about to relay (POST
 * /v1/bundle-check, signed by the asking office's device): who made the bundle, as the hub knows it.
 */
export interface BundleCheckAnswer {
  v: number;
  /** The bundle's device as the hub knows it. */
  device: 'active' | 'revoked' | 'unknown';
  /** The device's public signing key (the bundle's signature is checked with it), when the device is known. */
  signKey: string | null;
  /** The office the device is enrolled for. */
  office: { unitId: string; name: string; area: string[] } | null;
  /** The asking office's area, as the hub serves it. */
  area: string[];
}

export const entryKey = (device: string, seq: number) => `${device}:${seq}`;

export function batchIdOf(device: string, after: number, upTo: number): string {
  return `${device}:${after}-${upTo}`;
}

/** A request or bundle of another protocol version: what the receiver says, in Vietnamese and English. */
export function versionProblem(v: unknown): { vi: string; en: string } | null {
  if (typeof v !== 'number' || !Number.isInteger(v)) return { vi: 'Dữ liệu đồng bộ không ghi phiên bản giao thức.', en: 'No protocol version.' };
  if (v > PROTOCOL_VERSION) {
    return { vi: `Dữ liệu đến từ phiên bản mới hơn của ứng dụng (giao thức ${v} > ${PROTOCOL_VERSION}): hãy cập nhật máy chủ tỉnh.`, en: `From a newer app version (protocol ${v} > ${PROTOCOL_VERSION}).` };
  }
  if (v < OLDEST_ACCEPTED_VERSION) {
    return { vi: `Dữ liệu từ phiên bản quá cũ của ứng dụng (giao thức ${v}): hãy cập nhật ứng dụng ở xã.`, en: `From an app version too old (protocol ${v}).` };
  }
  return null;
}
