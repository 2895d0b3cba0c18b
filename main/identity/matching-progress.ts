import type { SqliteConnection } from '../core/database/open-database';
import { MATCHING_STATUSES, type MatchingStatus } from '../../shared/contract/identity';
import { batchesOf, openItemsPerVillage, progressCounts } from './mismatch-queue-queries';

const zero = (): Record<MatchingStatus, number> => Object.fromEntries(MATCHING_STATUSES.map((s) => [s, 0])) as Record<MatchingStatus, number>;

/** How far the commune is: people per round-trip status, overall and per village, with the queue items still open. */
export function matchingProgress(db: SqliteConnection, unitIds: readonly string[] | null) {
  const statuses = zero();
  const villages = new Map<string | null, { village: string | null; total: number; statuses: Record<MatchingStatus, number>; openItems: number }>();
  let total = 0;
  for (const row of progressCounts(db, unitIds)) {
    statuses[row.status] += row.count;
    total += row.count;
    let v = villages.get(row.village);
    if (!v) villages.set(row.village, (v = { village: row.village, total: 0, statuses: zero(), openItems: 0 }));
    v.statuses[row.status] += row.count;
    v.total += row.count;
  }
  for (const row of openItemsPerVillage(db, unitIds)) {
    const v = villages.get(row.village);
    if (v) v.openItems = row.count;
  }
  const collator = new Intl.Collator('vi');
  return {
    total,
    statuses,
    villages: [...villages.values()].sort((a, b) => (a.village === null ? 1 : b.village === null ? -1 : collator.compare(a.village, b.village))),
    batches: batchesOf(db, unitIds),
  };
}
