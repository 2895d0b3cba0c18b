import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../main/app/services';
import { runCommand } from '../../../main/core/write-path';
import { beneficiaryTable } from '../../../main/registry/synced-tables';
import { demoServices, loginAs } from '../../support/services';
import { tempDir } from '../../support/temp-database';

let services: Services;
let cleanup: () => void;
beforeAll(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  services = demoServices(t.dir, { people: 120 });
});
afterAll(async () => {
  await services.close();
  cleanup();
});

describe('people listed twice through the contract', () => {
  it('a clerk finds an ID listed twice, sees payment held, merges and undoes; clinic reception sees nothing', async () => {
    const sqlite = services.db.sqlite;
    const someone = sqlite.prepare('SELECT id, unit_id AS unitId, full_name AS fullName, birth, sex, id_number AS idNumber FROM beneficiaries WHERE id_number IS NOT NULL AND deleted = 0 LIMIT 1')
      .get() as { id: string; unitId: string; fullName: string; birth: string; sex: string; idNumber: string };
    const copy = runCommand(services.db, { userId: null, origin: 'system' }, 'seed', (w) => w.insert(beneficiaryTable, {
      unitId: someone.unitId, fullName: someone.fullName.toUpperCase(), birth: someone.birth, sex: someone.sex, idNumber: someone.idNumber,
      categoryGroup: 'BTXH', categoryLabel: 'Người cao tuổi',
    })).result;

    const clerk = await loginAs(services, 'canbo', 'canbo123!');
    const detected = await clerk('duplicates.detect', {});
    expect(detected).toMatchObject({ ok: true });
    expect((detected as { output: { sameId: number } }).output.sameId).toBeGreaterThanOrEqual(1);
    const listed = await clerk('duplicates.list', { status: 'open' });
    const pair = (listed as { output: { id: string; kind: string; people: { id: string }[] }[] }).output
      .find((p) => p.people.some((x) => x.id === copy))!;
    expect(pair.kind).toBe('same-id');
    expect(await clerk('duplicates.blocks', { personIds: [someone.id, copy] })).toMatchObject({ ok: true, output: [{ pairId: pair.id }, { pairId: pair.id }] });
    expect(await clerk('duplicates.markDistinct', { pairId: pair.id, note: 'khác' })).toMatchObject({ ok: false, error: { code: 'duplicate-same-id' } });

    const merged = await clerk('duplicates.merge', { pairId: pair.id, keepId: someone.id });
    expect(merged).toMatchObject({ ok: true, output: { keptId: someone.id, mergedId: copy } });
    expect(await clerk('duplicates.blocks', { personIds: [someone.id] })).toMatchObject({ ok: true, output: [] });
    const undone = await clerk('duplicates.undoMerge', { commandId: (merged as { output: { commandId: string } }).output.commandId });
    expect(undone).toMatchObject({ ok: true });
    expect(sqlite.prepare('SELECT deleted FROM beneficiaries WHERE id = ?').pluck().get(copy)).toBe(0);

    const clinic = await loginAs(services, 'yte', 'yte12345!');
    expect(await clinic('duplicates.list', { status: null })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await clinic('duplicates.detect', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
