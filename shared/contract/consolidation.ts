import { z } from 'zod';
import { fileRefSchema } from './imports';

// The office above the commune consolidates the communes' lists: many files, each recognised (commune, layout,
// period), previewed with its counts, then each imported as its own undoable command.

const communeRef = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const consolidationFilesInput = z.object({
  files: z.array(z.object({
    fileRef: fileRefSchema,
    fileName: z.string().min(1).max(255),
    /** The clerk's choice of commune (an old commune split in two, a list that names none); null: recognised. */
    unitId: z.string().max(100).nullable().default(null),
  }).strict()).min(1).max(500),
}).strict();

/** One file as the preview sees it: its commune, layout, period and what importing it would do. */
export const consolidationFileSchema = z.object({
  fileRef: z.string(),
  file: z.string(),
  /** ready: will be imported; choose: the clerk must pick the commune among `candidates`; refused: see `reason`. */
  status: z.enum(['ready', 'choose', 'refused']),
  commune: communeRef.nullable(),
  /** The old commune the list names (merged on 1 July 2025 into `commune`). */
  from: z.object({ code: z.string(), name: z.string() }).nullable(),
  source: z.enum(['title', 'sheet', 'file-name', 'chosen']).nullable(),
  evidence: z.string().nullable(),
  candidates: z.array(communeRef),
  layout: z.string().nullable(),
  period: z.string().nullable(),
  drawnUp: z.string().nullable(),
  rows: z.number().int(),
  imported: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  needsFixing: z.number().int(),
  listedElsewhere: z.number().int(),
  /** One Vietnamese line: why the file is refused or waits for a choice. */
  reason: z.string().nullable(),
});
export type ConsolidationFile = z.output<typeof consolidationFileSchema>;

export const consolidationPreviewSchema = z.object({ files: z.array(consolidationFileSchema) });

/** As `ansinh consolidate --json` prints it (issue 18), with each file's import for undo. */
export const consolidationReportSchema = z.object({
  files: z.array(z.object({
    file: z.string(),
    commune: z.object({ code: z.string(), name: z.string() }),
    layout: z.string().nullable(),
    rows: z.number().int(),
    imported: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    needsFixing: z.number().int(),
    listedElsewhere: z.number().int(),
    importId: z.string(),
  })),
  totals: z.object({ files: z.number().int(), rows: z.number().int(), imported: z.number().int(), updated: z.number().int(), listedElsewhere: z.number().int() }),
  unrecognised: z.array(z.object({ file: z.string(), reason: z.string() })),
  /** People listed twice now queued (same ID, or the same person by the matching rules) over the office's communes. */
  queued: z.object({ sameId: z.number().int(), probable: z.number().int(), added: z.number().int() }),
  /** The hub's receipt for each commune's sync bundle relayed, to carry back to the commune. */
  receipts: z.array(z.object({ file: z.string(), fileName: z.string(), downloadRef: z.string().nullable() })).default([]),
});
export type ConsolidationReport = z.output<typeof consolidationReportSchema>;

/** The consolidated list out: a workbook (a summary sheet and one sheet per commune, or one list with a commune column) or the canonical JSON. */
export const consolidatedExportInput = z.object({
  format: z.enum(['xlsx', 'json']).default('xlsx'),
  layout: z.enum(['per-commune', 'one-list']).default('per-commune'),
}).strict();
export const consolidatedExportOutput = z.object({ fileName: z.string(), count: z.number().int(), communes: z.number().int(), downloadRef: z.string() });

/** How far a consolidation under way has come, over all its files. */
export const consolidationProgressSchema = z.object({
  filesDone: z.number().int(), filesTotal: z.number().int(), file: z.string().nullable(),
  rowsDone: z.number().int(), rowsTotal: z.number().int(),
}).nullable();
