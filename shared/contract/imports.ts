import { z } from 'zod';
import { problemSchema } from './beneficiaries';

/** A file the renderer handed to the main process (upload to the host, or IPC in Electron), by reference. */
export const fileRefSchema = z.string().regex(/^[0-9a-f-]{36}$/);

/** A row the import could not take whole: the person it names, the column, the value the file had there, and why. */
const needsFixingSchema = z.object({
  sheet: z.string(), row: z.number().int(), field: z.string(), code: z.string(), message: z.string(),
  fullName: z.string().nullish(),
  /** The cell's text as the file wrote it, and its column's title (or letter). */
  value: z.string().nullish(),
  column: z.string().nullish(),
  /** The record the row became, to fix it from the report (null: not imported — a row without a name, another commune's person — or a preview). */
  beneficiaryId: z.string().nullish(),
  /** A row that could not be recorded (no name): its other cells by the record's field, to add the person from the report. */
  rowValues: z.record(z.string(), z.string()).nullish(),
});
export type NeedsFixingItem = z.output<typeof needsFixingSchema>;

/** An import's problems still on its records now: a fixed one is gone. */
export const stillToFixSchema = needsFixingSchema.extend({ fullName: z.string(), beneficiaryId: z.string() });

const verifiedDifferenceSchema = z.object({
  sheet: z.string(),
  row: z.number().int(),
  beneficiaryId: z.string(),
  field: z.string(),
  verifiedBy: z.string(),
  stored: z.unknown(),
  inFile: z.unknown(),
});

/** A person of the list already on another commune's register: reported, left alone, none of their values shown. */
const listedElsewhereSchema = z.object({ sheet: z.string(), row: z.number().int(), fullName: z.string(), unitName: z.string(), message: z.string() });

const planSchema = z.object({
  imported: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Rows naming no category of their own: they take the file's category when one was chosen, else none. */
  withoutCategory: z.number().int(),
  verifiedDifferences: z.array(verifiedDifferenceSchema),
  elsewhere: z.array(listedElsewhereSchema),
});

/** The register's category groups (NCC people with merit, TNCC their relatives, BTXH social assistance, other). */
export const CATEGORY_GROUPS = ['NCC', 'TNCC', 'BTXH', 'OTHER'] as const;
export type CategoryGroupCode = (typeof CATEGORY_GROUPS)[number];
/** Each group's name, the label a person of a list gets when the clerk chose the group alone. */
export const CATEGORY_GROUP_NAMES: Record<CategoryGroupCode, string> = {
  NCC: 'Người có công', TNCC: 'Thân nhân người có công', BTXH: 'Bảo trợ xã hội', OTHER: 'Khác',
};

/** The category the clerk chose for a whole list that has no category column (the label may stay empty: the group's name). */
export const fileCategorySchema = z.object({ group: z.enum(CATEGORY_GROUPS), label: z.string().max(200).default('') }).strict();
export type FileCategory = z.output<typeof fileCategorySchema>;

export const importInput = z.object({
  fileRef: fileRefSchema, fileName: z.string().max(255), unitId: z.string().max(100).nullable().default(null),
  category: fileCategorySchema.nullable().default(null),
}).strict();

export const importPreviewSchema = planSchema.extend({
  format: z.enum(['xlsx', 'xls', 'csv']),
  sheets: z.array(z.object({
    name: z.string(),
    layout: z.string().nullable(),
    dataRows: z.number().int(),
    headerRow: z.number().int().nullable(),
    /** Detected column of each field (0-based), for the clerk to check and correct. */
    mapping: z.record(z.string(), z.number().int()).nullable(),
    /** Each column's title as written in the file (merged two-row headers: "Năm sinh › Nam"). */
    titles: z.array(z.string()),
    rowKinds: z.record(z.string(), z.number().int()),
    /** Đồng per unit of the amount column: 1000 when the list counts in thousands ("ĐVT: 1.000 đồng"). */
    amountUnit: z.number().int().positive(),
    /** Hidden in the workbook (an old month, a template): not read, not imported. */
    hidden: z.boolean(),
  })),
  records: z.number().int(),
  sample: z.array(z.object({
    fullName: z.string(),
    birth: z.string().nullable(),
    sex: z.enum(['M', 'F']).nullable(),
    idNumber: z.string().nullable(),
    oldIdNumber: z.string().nullable(),
    hometown: z.string().nullable(),
    permanentAddress: z.string().nullable(),
    village: z.string().nullable(),
    ethnicity: z.string().nullable().optional(),
    categoryGroup: z.string().nullable(),
    categoryLabel: z.string().nullable(),
    monthlyAmount: z.number().int().nullable(),
    accountNumber: z.string().nullable(),
    bankName: z.string().nullable(),
    bankBin: z.string().nullable(),
    accountKind: z.enum(['bank', 'e-wallet', 'mobile-money']).optional(),
    problems: z.array(problemSchema),
    source: z.object({ sheet: z.string(), row: z.number().int() }),
  })),
  needsFixing: z.array(needsFixingSchema),
});

export const importReportSchema = planSchema.extend({
  format: z.enum(['xlsx', 'xls', 'csv']),
  sheets: z.array(z.object({ name: z.string(), layout: z.string().nullable(), dataRows: z.number().int() })),
  needsFixing: z.array(needsFixingSchema),
  importId: z.string(),
});

/** Fields changed again since the undone command are left alone: which person's record and which field. */
export const undoReportSchema = z.object({
  reverted: z.number().int(),
  conflicts: z.array(z.object({
    entity: z.string(), entityId: z.string(), field: z.string(),
    beneficiaryId: z.string().nullable(), personName: z.string().nullable(),
  })),
});

/** The fields a column of a list can hold (the Excel importer's vocabulary). */
export const COLUMN_FIELDS = ['rowNumber', 'fullName', 'birth', 'birthMale', 'birthFemale', 'sex', 'sexMale', 'sexFemale', 'idNumber', 'oldIdNumber',
  'hometown', 'permanentAddress', 'village', 'categoryLabel', 'monthlyAmount', 'accountNumber', 'bankName', 'ethnicity', 'note',
  'givenName', 'middleName', 'birthDay', 'birthMonth', 'birthYear'] as const;

/** The clerk's correction of which column holds what, remembered for every later file of the same layout. */
export const rememberMappingInput = z.object({
  layout: z.string().min(1).max(500),
  mapping: z.partialRecord(z.enum(COLUMN_FIELDS), z.number().int().min(0).max(16_383)),
}).strict();

/** One import as the history lists it (counts from its own summary). */
export const importHistorySchema = z.object({
  importId: z.string(),
  file: z.string(),
  at: z.string(),
  userName: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  imported: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  needsFixing: z.number().int(),
  elsewhere: z.number().int(),
  undoneAt: z.string().nullable(),
  undoneBy: z.string().nullable(),
  mayUndo: z.boolean(),
});

/** Which commune a list is for, asked of an office above the commune before the preview. */
export const importCommunesSchema = z.object({
  /** The office covers several communes: the clerk must choose one (a commune office: false, and its one commune). */
  required: z.boolean(),
  /** The office's communes in force that the user may import into, by name. */
  communes: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
  /** The one the file's title names ("UBND xã …"), and that title line. */
  proposedId: z.string().nullable(),
  titleLine: z.string().nullable(),
});
