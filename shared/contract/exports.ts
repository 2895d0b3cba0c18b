import { z } from 'zod';
import { fileRefSchema } from './imports';
import { listFiltersSchema } from './beneficiaries';

/** Workbooks for people: the list for matching with the population database, the bank's list, the district's. */
export const EXPORT_LIST_KINDS = ['population-matching', 'unbanked', 'district-list'] as const;
export const exportListKindSchema = z.enum(EXPORT_LIST_KINDS);
export type ExportListKind = z.infer<typeof exportListKindSchema>;

export const exportListInput = z.object({
  kind: exportListKindSchema,
  /** One commune of the user's area; null: every commune the user may see. */
  unitId: z.string().max(100).nullable().default(null),
  /** Names for the signature block: default, the signed-in user prepared it and the signer's line stays blank. */
  preparedBy: z.string().trim().max(100).nullable().default(null),
  signedBy: z.string().trim().max(100).nullable().default(null),
  /** The list's own filters and order: the workbook has exactly the people the list shows, in its order. */
  filters: listFiltersSchema.nullable().default(null),
}).strict();

/** The workbook waits in the main process until the door saves it (Electron: a save dialog; host: a download). */
export const exportListOutput = z.object({
  kind: exportListKindSchema,
  fileName: z.string(),
  count: z.number().int(),
  downloadRef: fileRefSchema,
});
export type ExportListOutput = z.infer<typeof exportListOutput>;

/** The canonical export of the register (what `ansinh export beneficiaries` writes): JSON or a workbook. */
export const BENEFICIARIES_EXPORT_FORMATS = ['json', 'xlsx'] as const;
export type BeneficiariesExportFormat = (typeof BENEFICIARIES_EXPORT_FORMATS)[number];

export const exportBeneficiariesInput = z.object({
  format: z.enum(BENEFICIARIES_EXPORT_FORMATS),
  /** One commune of the user's area; null: every commune the user may see. */
  unitId: z.string().max(100).nullable().default(null),
}).strict();

export const exportBeneficiariesOutput = z.object({
  format: z.enum(BENEFICIARIES_EXPORT_FORMATS),
  fileName: z.string(),
  count: z.number().int(),
  downloadRef: fileRefSchema,
});
