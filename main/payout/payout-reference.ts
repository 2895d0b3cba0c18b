import type { AppDatabase } from '../core/database/open-database';
import { readMeta, writeMeta } from '../core/database/meta';
import { runCommand, type Writer } from '../core/write-path';
import { currentUnitId } from '../registry/admin-unit-reference';
import reference from './reference/payout-reference.json';
import { payoutLevelTable, payoutRegimeTable } from './synced-tables';

// The levels and regimes every office starts from (reference/payout-reference.json, with its sources), written
// through the write path like any other record, since an office extends them: a level an administrator adds
// syncs like the ones seeded. Ids come from the content, so that two offices seeding the same row agree on it.

const META_KEY = 'reference.payout';
const VERSION = '2026-12-1';

export const levelId = (levelCode: string, unitId: string | null, effectiveFrom: string) => `${levelCode}@${unitId ?? 'vn'}@${effectiveFrom}`;

/** Seeds (or completes) the reference levels and regimes once per database and reference version. */
export function ensurePayoutReference(db: AppDatabase): void {
  if (readMeta(db, META_KEY) === VERSION) return;
  runCommand(db, { userId: null, origin: 'system' }, 'payout-reference', (w: Writer) => {
    let added = 0;
    for (const l of reference.levels) {
      const unitId = l.unitCode ? currentUnitId(l.unitCode) : null;
      const id = levelId(l.levelCode, unitId, l.effectiveFrom);
      if (w.get(payoutLevelTable, id)) continue;
      w.insert(payoutLevelTable, { id, levelCode: l.levelCode, unitId, effectiveFrom: l.effectiveFrom, amount: l.amount, basis: l.basis });
      added += 1;
    }
    for (const r of reference.regimes) {
      if (w.get(payoutRegimeTable, r.code)) continue;
      w.insert(payoutRegimeTable, { id: r.code, ...r });
      added += 1;
    }
    w.summary = { reference: VERSION, added };
    writeMeta(db, META_KEY, VERSION);
  });
}
