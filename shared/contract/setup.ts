import { z } from 'zod';
import { createUserInput, passwordSchema, sessionSchema } from './accounts';

const unitCode = z.string().trim().regex(/^\d{2,5}$/);

/** A unit in force, as the setup screen's picker shows it ("Xã Bình Sơn, Tỉnh Ninh Bình"). */
export const unitMatchSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  level: z.enum(['province', 'district', 'commune']),
  provinceId: z.string(),
  provinceName: z.string(),
  label: z.string(),
});
export type UnitMatch = z.infer<typeof unitMatchSchema>;

/** Type-ahead over the official units in force; with an empty query and a province, that province's communes. */
export const searchUnitsInput = z.object({
  query: z.string().max(100),
  levels: z.array(z.enum(['province', 'commune'])).max(2).optional(),
  provinceId: z.string().max(100).nullable().optional(),
  limit: z.number().int().min(1).max(500).default(20),
}).strict();

/** The office's unit: one commune, or a province (optionally only some of its communes), by code. */
export const officeUnitInput = z.discriminatedUnion('level', [
  z.object({ level: z.literal('commune'), code: unitCode }).strict(),
  z.object({ level: z.literal('province'), code: unitCode, communes: z.array(unitCode).max(500).default([]) }).strict(),
]);

export const createOfficeInput = z.object({
  unit: officeUnitInput,
  username: createUserInput.shape.username,
  displayName: createUserInput.shape.displayName,
  password: passwordSchema,
}).strict();

/** The administrator's session, and the office recovery passphrase of the new encrypted database, shown once. */
export const createdOfficeSchema = sessionSchema.extend({ recoveryPassphrase: z.string() });
