import type { z } from 'zod';
import type { unitSchema } from '../../shared/contract/accounts';
import { foldVietnamese } from '../../shared/text/fold';

export type Unit = z.infer<typeof unitSchema>;

/** "Xã An Lão · Ninh Bình": a unit's name with its province, since many communes share a name. */
export function unitLabel(unit: Unit, byId: ReadonlyMap<string, Unit>): string {
  let parent = unit.parentId ? byId.get(unit.parentId) : undefined;
  for (let depth = 0; parent && parent.level !== 'province' && depth < 4; depth++) parent = parent.parentId ? byId.get(parent.parentId) : undefined;
  return parent && parent.id !== unit.id ? `${unit.name} · ${parent.name}` : unit.name;
}

/** Units in force whose name (without tones) contains every word typed, communes first, at most `limit`. */
export function searchUnits(units: readonly Unit[], query: string, limit: number): Unit[] {
  const words = foldVietnamese(query).split(' ').filter(Boolean);
  const order = { commune: 0, district: 1, province: 2 } as const;
  return units
    .filter((u) => u.effectiveTo === null)
    .filter((u) => {
      const name = foldVietnamese(u.name);
      return words.every((w) => name.includes(w) || u.code === w);
    })
    .sort((a, b) => order[a.level] - order[b.level] || a.name.localeCompare(b.name, 'vi'))
    .slice(0, limit);
}
