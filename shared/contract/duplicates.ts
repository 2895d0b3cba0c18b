import { z } from 'zod';

// People listed twice (the mismatch queue's "listed twice" items): detection, the pairs, and the decisions.

export const DUPLICATE_STATUSES = ['open', 'merged', 'distinct', 'gone'] as const;

export const duplicatePersonSchema = z.object({
  id: z.string(),
  inArea: z.boolean(),
  unitName: z.string(),
  deleted: z.boolean(),
  fullName: z.string().nullable(),
  birth: z.string().nullable(),
  sex: z.string().nullable(),
  idNumber: z.string().nullable(),
  oldIdNumber: z.string().nullable(),
  village: z.string().nullable(),
  hometown: z.string().nullable(),
});

export const duplicatePairSchema = z.object({
  id: z.string(),
  kind: z.enum(['same-id', 'probable']),
  score: z.number().int(),
  explanation: z.string(),
  status: z.enum(DUPLICATE_STATUSES),
  keptId: z.string().nullable(),
  blocksPayment: z.boolean(),
  people: z.tuple([duplicatePersonSchema, duplicatePersonSchema]),
});
export type DuplicatePair = z.infer<typeof duplicatePairSchema>;

export const duplicatesListInput = z.object({ status: z.enum(DUPLICATE_STATUSES).nullable().default('open') }).strict();

export const detectionReportSchema = z.object({
  people: z.number().int(),
  sameId: z.number().int(),
  probable: z.number().int(),
  added: z.number().int(),
  closed: z.number().int(),
});

export const mergeInput = z.object({ pairId: z.string().min(1).max(100), keepId: z.string().min(1).max(100) }).strict();
export const mergeOutput = z.object({
  commandId: z.string(),
  keptId: z.string(),
  mergedId: z.string(),
  filled: z.array(z.string()),
  accountsMoved: z.number().int(),
});

export const markDistinctInput = z.object({
  pairId: z.string().min(1).max(100),
  note: z.string().trim().min(1, 'Hãy ghi lý do.').max(500),
}).strict();

export const duplicateBlocksInput = z.object({ personIds: z.array(z.string().min(1).max(100)).max(100_000) }).strict();
export const duplicateBlockSchema = z.object({
  beneficiaryId: z.string(),
  otherId: z.string(),
  pairId: z.string().nullable(),
  explanation: z.string(),
});
