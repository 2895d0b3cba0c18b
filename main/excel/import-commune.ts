import type { AppDatabase } from '../core/database/open-database';
import { resolveCommune } from '../registry/admin-unit-queries';
import type { OfficeCommune } from '../registry/office-communes';
import { communePhrases, listTitleLines } from './list-title';

export interface CommuneProposal {
  /** The office's commune the list's title names (through the official successions: "xã An Lão" → Xã Bình Sơn). */
  proposedId: string | null;
  /** The title line that named it, to show the clerk why. */
  titleLine: string | null;
}

/** Which of the office's communes the list says it is for, from its title rows; null when they name none of them. */
export async function proposeImportCommune(db: AppDatabase, filePath: string, communes: readonly OfficeCommune[], officeName: string | null): Promise<CommuneProposal> {
  const ours = new Set(communes.map((c) => c.id));
  for (const line of await listTitleLines(filePath)) {
    for (const phrase of communePhrases([line])) {
      // A title rarely names the province; the office's own tells "xã An Lão" of Ninh Bình from those of Hải Phòng or Gia Lai.
      for (const path of officeName ? [phrase, `${phrase}, ${officeName}`] : [phrase]) {
        const inArea = resolveCommune(db.sqlite, path).candidates.filter((c) => ours.has(c.unit.id));
        if (inArea.length === 1) return { proposedId: inArea[0].unit.id, titleLine: line };
      }
    }
  }
  return { proposedId: null, titleLine: null };
}
