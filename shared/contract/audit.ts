import { z } from 'zod';

/** What the audit trail records: reads and sends of personal data (a change of data is in the change log instead). */
export const AUDIT_ACTIONS = [
  'record-open', 'record-history', 'import-preview', 'export', 'card-read', 'card-read-failed', 'csca-import', 'audit-export',
  'database-backup', 'database-encrypt', 'database-rekey', 'database-restore',
  'insurance-lookup', 'clinic-export', 'clinic-settings', 'report-deadlines',
] as const;

export const auditFilterSchema = z.object({
  userId: z.string().max(100).nullable().default(null),
  /** A person's name (any part, with or without tones) or ID number (whole, or its last digits). */
  person: z.string().trim().max(100).nullable().default(null),
  action: z.string().max(50).nullable().default(null),
  /** From this instant (epoch ms, the start of a local day) up to, not including, `toMs`. */
  fromMs: z.number().int().min(0).nullable().default(null),
  toMs: z.number().int().min(0).nullable().default(null),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const auditListInput = auditFilterSchema.extend({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});

export const auditEventSchema = z.object({
  atMs: z.number().int(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  door: z.string(),
  action: z.string(),
  /** Whose data: a record of the register (by name), or a card's holder shown by the last digits of the ID only. */
  person: z.object({ beneficiaryId: z.string().nullable(), name: z.string().nullable(), idTail: z.string().nullable() }).nullable(),
  /** One line in Vietnamese: which list, how many people, which file, the file's hash… never an ID number. */
  summary: z.string(),
});
export type AuditEventView = z.infer<typeof auditEventSchema>;

export const auditListOutput = z.object({ total: z.number().int(), rows: z.array(auditEventSchema) });

export const auditExportInput = auditFilterSchema.extend({
  /** The screen's offset from UTC, so the file's times read as the screen's. */
  utcOffsetMinutes: z.number().int().min(-14 * 60).max(14 * 60).default(0),
});

export const auditExportOutput = z.object({ fileName: z.string(), count: z.number().int(), downloadRef: z.string() });
