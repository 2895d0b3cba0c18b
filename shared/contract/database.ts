import { z } from 'zod';

/** The administrator's backup of the open database (Quản trị → Sao lưu), handed over like an export. */
export const databaseBackupInput = z.object({
  /** The screen's offset from UTC, for the file's name. */
  utcOffsetMinutes: z.number().int().min(-14 * 60).max(14 * 60).default(0),
}).strict();

export const databaseBackupOutput = z.object({
  fileName: z.string(),
  downloadRef: z.string(),
  sizeBytes: z.number().int(),
  /** Still encrypted under the database's key (opened with the recovery passphrase); false only for a plain database. */
  encrypted: z.boolean(),
  people: z.number().int(),
  createdAt: z.string(),
});
