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

/** The office recovery passphrase typed on the unlock screen (6 groups of 5; spaces, dashes and case do not matter). */
export const databaseUnlockInput = z.object({ passphrase: z.string().trim().min(1).max(200) }).strict();
export const databaseUnlockOutput = z.object({ ok: z.literal(true) });
