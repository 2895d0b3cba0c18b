import { describe, expect, it } from 'vitest';
import { isUnbuilt, sectionsFor } from '../../../renderer/shell/sections';

describe('sections per role', () => {
  it.each([
    ['clinic-reception', ['clinic', 'card']],
    ['commune-clerk', ['beneficiaries', 'import', 'discrepancies', 'payouts', 'card', 'sync', 'reports']],
    ['district-staff', ['beneficiaries', 'consolidation', 'payouts', 'reports']],
    ['administrator', ['beneficiaries', 'import', 'consolidation', 'discrepancies', 'payouts', 'card', 'sync', 'reports', 'admin']],
  ] as const)('%s sees %j', (role, ids) => {
    expect(sectionsFor(role).map((s) => s.id)).toEqual(ids);
  });

  it('clinic reception never gets a section built on welfare data', () => {
    expect(sectionsFor('clinic-reception').some((s) => s.permission.startsWith('beneficiaries.'))).toBe(false);
  });

  it('only the sections still to come show the placeholder', () => {
    expect(['beneficiaries', 'import', 'discrepancies', 'payouts', 'card', 'sync', 'reports'].filter((id) => isUnbuilt(id as never)))
      .toEqual([]);
  });
});
