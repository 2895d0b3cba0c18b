import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../main/app/services';
import { runCommand } from '../../../main/core/write-path';
import { verificationsOf, verifyField } from '../../../main/identity/verification';
import { beneficiaryTable } from '../../../main/registry/synced-tables';
import { addPeople } from '../payout/payout-fixture';
import { demoServices, loginAs, okOutput } from '../../support/services';
import { tempDir } from '../../support/temp-database';

let services: Services;
let cleanup: () => void;
let kept: string;
let merged: string;

beforeAll(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  services = demoServices(t.dir, { people: 0 });
  [kept, merged] = addPeople(services, [
    { fullName: 'Đỗ Thị Trùng', village: 'Thôn Nam', birth: '1950', idNumber: '035150000005', categoryGroup: 'TNCC', categoryLabel: 'Thân nhân liệt sĩ', verified: false },
    { fullName: 'Đỗ Thị Trùng', village: 'Thôn Bắc', birth: '1950-03-02', idNumber: '035150000005', categoryGroup: 'TNCC', categoryLabel: 'Thân nhân liệt sĩ', verified: false },
  ]);
  runCommand(services.db, { userId: null, origin: 'system' }, 'card-verification', (w) => {
    w.update(beneficiaryTable, merged, { village: 'Thôn Bắc', hometown: 'Xã An Lão' });
    for (const field of ['idNumber', 'birth', 'village']) verifyField(w, merged, field, { source: 'chip', userId: null, cardRead: 'read-1' });
  });
});
afterAll(async () => {
  await services.close();
  cleanup();
});

describe('a merge keeps what was verified and both histories', () => {
  it('carries a verification to the kept record where the kept value is the verified one, shows the merged history, and undoes both', async () => {
    const clerk = await loginAs(services, 'canbo', 'canbo123!');
    okOutput(await clerk('duplicates.detect', {}));
    const [pair] = okOutput<{ id: string }[]>(await clerk('duplicates.list', { status: 'open' }));
    const done = okOutput<{ commandId: string }>(await clerk('duplicates.merge', { pairId: pair.id, keepId: kept }));

    // The ID is the same, the birth is filled from the merged record: both stay verified (by chip, from that card read).
    // The village differs (Thôn Nam kept): not verified on the kept record.
    expect(verificationsOf(services.db.sqlite, kept).map((v) => [v.field, v.source, v.cardRead])).toEqual([['birth', 'chip', 'read-1'], ['idNumber', 'chip', 'read-1']]);
    const detail = okOutput<{ verified: Record<string, string>; birth: string }>(await clerk('beneficiaries.get', { id: kept }));
    expect(detail).toMatchObject({ birth: '1950-03-02', verified: { idNumber: 'chip', birth: 'chip' } });

    const history = okOutput<{ command: string; field: string | null; mergedFrom: string | null }[]>(await clerk('beneficiaries.history', { id: kept }));
    expect(history.some((h) => h.mergedFrom === merged && h.command === 'card-verification' && h.field === 'hometown')).toBe(true);
    expect(history.some((h) => h.mergedFrom === null && h.command === 'duplicate-merge')).toBe(true);

    okOutput(await clerk('duplicates.undoMerge', { commandId: done.commandId }));
    expect(verificationsOf(services.db.sqlite, kept)).toEqual([]);
    expect(verificationsOf(services.db.sqlite, merged).map((v) => v.field)).toEqual(['birth', 'idNumber', 'village']);
  });
});
