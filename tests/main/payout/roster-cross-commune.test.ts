import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../main/app/services';
import { runCommand } from '../../../main/core/write-path';
import { beneficiaryTable } from '../../../main/registry/synced-tables';
import type { RosterView } from '../../../shared/contract/payout';
import { demoServices, loginAs } from '../../support/services';
import { tempDir } from '../../support/temp-database';
import { addPeople } from './payout-fixture';

// Issue 18: a person probably listed in two communes (no shared ID, but the same person by the matching) is an item
// of the queue that holds payment to both records until someone decides it; inside one commune it holds nothing.

let services: Services;
let cleanup: () => void;
let clerk: Awaited<ReturnType<typeof loginAs>>;
const ids: Record<string, string> = {};
const system = { userId: null, origin: 'system' as const };

const ok = async <T>(p: Promise<{ ok: boolean; output?: unknown; error?: { message: string } }>): Promise<T> => {
  const r = await p;
  if (!r.ok) throw new Error(r.error!.message);
  return r.output as T;
};
const blocksOf = async (person: string) => (await ok<RosterView>(clerk('payout.get', { period: '2026-12', filter: 'all', limit: 1000 })))
  .lines.find((l) => l.key.includes(person))!.blocked.map((b) => b.code);

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  services = demoServices(t.dir, { people: 0 });
  clerk = await loginAs(services, 'canbo', 'canbo123!');
  [ids.binh, ids.an1] = addPeople(services, [
    { fullName: 'Nguyễn Văn Bình', village: 'Thôn Bắc', birth: '1938-04-10', idNumber: '035038000123', categoryGroup: 'BTXH', categoryLabel: 'Người cao tuổi (80 tuổi trở lên)', monthlyAmount: 500_000, account: 'self' },
    { fullName: 'Trần Văn An', village: 'Thôn Bắc', birth: '1942-07-01', idNumber: '035042000111', categoryGroup: 'BTXH', categoryLabel: 'Người cao tuổi (80 tuổi trở lên)', monthlyAmount: 500_000, account: 'self' },
  ]);
  // The same man, written without diacritics and his middle name, on another commune's list (no ID there).
  const elsewhere = services.db.sqlite.prepare("SELECT id FROM admin_units WHERE level = 'commune' AND deleted = 0 AND effective_to IS NULL AND code <> '13558' ORDER BY code LIMIT 1").pluck().get() as string;
  const here = services.db.sqlite.prepare('SELECT unit_id FROM beneficiaries WHERE id = ?').pluck().get(ids.an1) as string;
  [ids.binhElsewhere, ids.an2] = runCommand(services.db, system, 'fixture', (w) => [
    w.insert(beneficiaryTable, { unitId: elsewhere, fullName: 'Nguyen Binh', birth: '10/04/1938', village: 'Xóm Chợ', categoryGroup: 'BTXH', categoryLabel: 'Người cao tuổi (80 tuổi trở lên)', monthlyAmount: 500_000 }),
    // And, inside the commune, probably one person entered twice (the commune's own tidying).
    w.insert(beneficiaryTable, { unitId: here, fullName: 'Tran An', birth: '01/07/1942', village: 'Thôn Nam', categoryGroup: 'BTXH', categoryLabel: 'Người cao tuổi (80 tuổi trở lên)', monthlyAmount: 500_000 }),
  ]).result;
});
afterAll(async () => {
  await services.close();
  cleanup();
});

describe('a person probably listed in two communes', () => {
  it('holds payment to both records until the pair is decided; a probable pair inside one commune holds nothing', async () => {
    expect(services.duplicates.detect(system, { unitIds: null })).toMatchObject({ probable: 2 });
    const pairs = services.duplicates.list({ unitIds: null }, 'open');
    const across = pairs.find((p) => p.people.some((x) => x.id === ids.binhElsewhere))!;
    const within = pairs.find((p) => p.people.some((x) => x.id === ids.an1))!;
    expect(across).toMatchObject({ kind: 'probable', blocksPayment: true });
    expect(within).toMatchObject({ kind: 'probable', blocksPayment: false });
    const blocks = services.duplicates.openDuplicateBlocks([ids.binh, ids.binhElsewhere, ids.an1, ids.an2]);
    expect(blocks.map((b) => [b.beneficiaryId, b.otherId, b.pairId, b.explanation]).sort()).toEqual([
      [ids.binh, ids.binhElsewhere, across.id, 'nghi cùng một người, có tên ở hai xã'],
      [ids.binhElsewhere, ids.binh, across.id, 'nghi cùng một người, có tên ở hai xã'],
    ].sort());

    await ok(clerk('payout.create', { period: '2026-12' }));
    expect(await blocksOf(ids.binh)).toEqual(['duplicate-open']);
    expect(await blocksOf(ids.an1)).toEqual([]);

    // Decided as two different people: the hold goes with the next look at the roster.
    services.duplicates.markDistinct(system, { unitIds: null }, across.id, 'Khác cha mẹ, khác quê');
    expect(services.duplicates.openDuplicateBlocks([ids.binh, ids.binhElsewhere])).toEqual([]);
    expect(services.duplicates.list({ unitIds: null }, null).find((p) => p.id === across.id)).toMatchObject({ status: 'distinct', blocksPayment: false });
    await ok(clerk('payout.create', { period: '2026-12' }));
    expect(await blocksOf(ids.binh)).toEqual([]);
  });
});
