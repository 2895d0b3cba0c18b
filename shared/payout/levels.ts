// Standard levels (mức chuẩn) with the date they apply from and, for a province or commune that sets more, the
// unit they apply in. The administrator adds a row when a decree or a province changes a level.

import { monthIndex, periodOfDate } from './periods';

export interface LevelRow {
  levelCode: string;
  /** null: national; else an admin unit id (a province or a commune). */
  unitId: string | null;
  /** `YYYY-MM-DD`: applies to every month from the month of this date. */
  effectiveFrom: string;
  amount: number;
  basis: string;
}

/**
 * The level for a month in a commune: the newest row in force for each of the national level and the commune's
 * own units (`unitChain`: the commune and the units above it), and the highest of those, since a province or
 * commune may only set a level above the national one (Decree 20/2021 Art. 4(3)).
 */
export function levelFor(rows: readonly LevelRow[], levelCode: string, unitChain: readonly string[], period: string): LevelRow | null {
  const month = monthIndex(period);
  const newestByScope = new Map<string | null, LevelRow>();
  for (const r of rows) {
    if (r.levelCode !== levelCode) continue;
    if (r.unitId !== null && !unitChain.includes(r.unitId)) continue;
    if (monthIndex(periodOfDate(r.effectiveFrom)) > month) continue;
    const seen = newestByScope.get(r.unitId);
    if (!seen || seen.effectiveFrom < r.effectiveFrom) newestByScope.set(r.unitId, r);
  }
  let best: LevelRow | null = null;
  for (const r of newestByScope.values()) if (!best || r.amount > best.amount) best = r;
  return best;
}
