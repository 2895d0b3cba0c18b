import type { MethodOutput } from '../../shared/contract/methods';

export type ImportPreview = MethodOutput<'import.preview'>;
export type ImportReport = MethodOutput<'import.commit'>;
export type UndoReport = MethodOutput<'import.undo'>;
export type NeedsFixing = ImportPreview['needsFixing'][number];
export type VerifiedDifference = ImportPreview['verifiedDifferences'][number];
export type ListedElsewhere = ImportPreview['elsewhere'][number];

/** A file handed to the main process: its name as the clerk knows it, and the reference the import methods take. */
export interface ChosenFile {
  name: string;
  size: number;
  fileRef: string;
  /** The commune the list is for, chosen by an office above the commune (null: the office's own commune). */
  unitId?: string | null;
  unitName?: string | null;
  /** The category the clerk chose for a list without a category column (null: none chosen). */
  category?: FileCategory | null;
}

export type { FileCategory } from '../../shared/contract/imports';
import type { FileCategory } from '../../shared/contract/imports';

export type CommuneChoice = MethodOutput<'import.communes'>;

/** A CSV has no sheet names; the main process names its one sheet after the stored upload, which means nothing to a clerk. */
export function sheetName(name: string, file: ChosenFile): string {
  return name === file.fileRef ? file.name : name;
}
