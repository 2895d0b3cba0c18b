import { z } from 'zod';

export const CARD_FIELDS = ['fullName', 'birth', 'sex', 'idNumber', 'oldIdNumber', 'hometown', 'permanentAddress', 'ethnicity'] as const;
export const cardFieldSchema = z.enum(CARD_FIELDS);

export const compareInput = z.object({ readId: z.string().max(100), beneficiaryId: z.string().max(100).nullable().default(null) }).strict();

export const comparisonSchema = z.object({
  matchedBy: z.enum(['idNumber', 'oldIdNumber', 'nameAndBirth', 'chosen']).nullable(),
  candidates: z.array(z.object({ id: z.string(), fullName: z.string(), birth: z.string().nullable() })),
  beneficiaryId: z.string().nullable(),
  fields: z.array(z.object({ field: cardFieldSchema, recordValue: z.string().nullable(), cardValue: z.string().nullable(), same: z.boolean() })),
  cardVerified: z.boolean(),
});
export type Comparison = z.infer<typeof comparisonSchema>;

export const fieldsDecisionInput = z.object({
  readId: z.string().max(100),
  beneficiaryId: z.string().max(100),
  fields: z.array(cardFieldSchema).min(1),
}).strict();

export const newRecordFromCardInput = z.object({
  readId: z.string().max(100),
  unitId: z.string().max(100).nullable().default(null),
  village: z.string().max(200).nullable().default(null),
  categoryGroup: z.string().min(1).max(50),
  categoryLabel: z.string().min(1).max(200),
}).strict();

export const mismatchSchema = z.object({
  id: z.string(),
  beneficiaryId: z.string(),
  fullName: z.string(),
  source: z.string(),
  kind: z.string(),
  field: z.string().nullable(),
  recordValue: z.string().nullable(),
  sourceValue: z.string().nullable(),
  status: z.string(),
});
