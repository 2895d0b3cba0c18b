import { z } from 'zod';
import { listFiltersSchema } from './beneficiaries';
import { fileRefSchema } from './imports';

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

export const MISMATCH_STATUSES = ['open', 'accepted', 'kept', 'resolved', 'resend'] as const;
export const MISMATCH_KINDS = ['differs', 'not-found', 'id-invalid', 'listed-twice', 'data-quality'] as const;
export const MISMATCH_SOURCES = ['chip', 'population', 'import', 'edit'] as const;
export const MISMATCH_DIFFERENCES = ['real', 'spelling', 'enriched'] as const;

export const mismatchSchema = z.object({
  id: z.string(),
  beneficiaryId: z.string(),
  fullName: z.string(),
  village: z.string().nullable().default(null),
  source: z.string(),
  kind: z.string(),
  field: z.string().nullable(),
  recordValue: z.string().nullable(),
  sourceValue: z.string().nullable(),
  status: z.string(),
  difference: z.enum(MISMATCH_DIFFERENCES).nullable().default(null),
  batch: z.string().nullable().default(null),
  note: z.string().nullable().default(null),
  createdAt: z.string().nullable().default(null),
});
export type MismatchItem = z.infer<typeof mismatchSchema>;

/** The queue's filters: status, kind (or spelling only / precision only), village, batch, source, older than N days. */
export const mismatchFilterSchema = z.object({
  status: z.enum(MISMATCH_STATUSES).nullable().default('open'),
  kind: z.enum(MISMATCH_KINDS).nullable().default(null),
  difference: z.enum(MISMATCH_DIFFERENCES).nullable().default(null),
  village: z.string().max(200).nullable().default(null),
  batch: z.string().max(100).nullable().default(null),
  source: z.enum(MISMATCH_SOURCES).nullable().default(null),
  olderThanDays: z.number().int().min(0).max(3650).nullable().default(null),
}).strict();
export type MismatchFilter = z.infer<typeof mismatchFilterSchema>;

/**
 * accept: the other value becomes the record's (from the population database: verified by matching);
 * keep: ours stays, the person must update their data at the police (a note says what); resolve: nothing more to do;
 * resend: the person goes in the next batch.
 */
export const MISMATCH_DECISIONS = ['accept', 'keep', 'resolve', 'resend'] as const;
export const mismatchDecisionSchema = z.enum(MISMATCH_DECISIONS);

export const decideMismatchesInput = z.object({
  ids: z.array(z.string().max(100)).min(1).max(5000),
  decision: mismatchDecisionSchema,
  note: z.string().trim().max(500).nullable().default(null),
}).strict();

/** A bulk decision on every open item the filter finds ("accept all spelling-only", "resend all not-found of village X"). */
export const decideAllMismatchesInput = z.object({
  filter: mismatchFilterSchema,
  decision: mismatchDecisionSchema,
  note: z.string().trim().max(500).nullable().default(null),
}).strict();

export const decisionOutcomeSchema = z.object({
  decided: z.number().int(),
  /** Items left open: decided already, or 'accept' of an item with no value to take. */
  skipped: z.number().int(),
  commandId: z.string().nullable(),
});

export const MATCHING_STATUSES = ['not-sent', 'sent', 'matched', 'mismatched', 'not-found', 'resent', 'verified'] as const;
export type MatchingStatus = (typeof MATCHING_STATUSES)[number];

export const matchingProgressSchema = z.object({
  total: z.number().int(),
  statuses: z.record(z.enum(MATCHING_STATUSES), z.number().int()),
  villages: z.array(z.object({
    village: z.string().nullable(),
    total: z.number().int(),
    statuses: z.record(z.enum(MATCHING_STATUSES), z.number().int()),
    openItems: z.number().int(),
  })),
  batches: z.array(z.object({ number: z.string(), sentAt: z.string(), people: z.number().int() })),
});

/**
 * The list sent to the police for matching: pending = not yet sent and those marked to send again (active people);
 * all = everyone in the area; list = the people the register's list shows with its filters. People already matched
 * are sent again only with a reason.
 */
export const matchExportInput = z.object({
  selection: z.enum(['pending', 'all', 'list']).default('pending'),
  filters: listFiltersSchema.nullable().default(null),
  unitId: z.string().max(100).nullable().default(null),
  reason: z.string().trim().max(500).nullable().default(null),
}).strict();

export const matchExportOutput = z.object({
  batch: z.string(),
  people: z.number().int(),
  /** Queue items raised for what the police cannot match as it stands (no or a malformed ID, missing name, birth, sex…). */
  dataQualityItems: z.number().int(),
  fileName: z.string(),
  downloadRef: fileRefSchema,
});

export const MATCH_FIELDS = ['fullName', 'birth', 'sex', 'idNumber', 'hometown', 'permanentAddress'] as const;
export const matchFieldSchema = z.enum(MATCH_FIELDS);

export const matchImportInput = z.object({
  fileRef: fileRefSchema,
  fileName: z.string().max(300),
  /** Read and compare only: nothing is written. */
  preview: z.boolean().default(false),
}).strict();

/** `ansinh match import --json` prints exactly this (without resultFileId). */
export const matchImportOutput = z.object({
  batch: z.string().nullable(),
  layout: z.enum(['appended', 'population-values']),
  rows: z.number().int(),
  counts: z.object({ match: z.number().int(), mismatch: z.number().int(), notfound: z.number().int(), unlinked: z.number().int() }),
  people: z.array(z.object({
    idNumber: z.string().nullable(),
    fullName: z.string(),
    outcome: z.enum(['match', 'mismatch', 'notfound']),
    fields: z.array(matchFieldSchema),
    spellingOnly: z.array(matchFieldSchema),
    enriched: z.array(matchFieldSchema),
  })),
  unlinked: z.array(z.object({ sheet: z.string(), row: z.number().int(), fullName: z.string().nullable(), idNumber: z.string().nullable(), reason: z.string() })),
  resultFileId: z.string().nullable(),
});
export type MatchImportReport = z.infer<typeof matchImportOutput>;
