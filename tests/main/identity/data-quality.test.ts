import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../main/app/services';
import { qualityProblems, type QualityFacts } from '../../../main/identity/data-quality';
import { addPeople } from '../payout/payout-fixture';
import { demoServices, loginAs, okOutput } from '../../support/services';
import { tempDir } from '../../support/temp-database';

const day = '2026-12-02';
const ok: QualityFacts = { fullName: 'Nguyễn Văn An', birth: '2015-06-01', sex: 'M', idNumber: '037215000101', oldIdNumber: null, ethnicity: 'Kinh', hometown: 'Xã Bình Sơn' };
const kinds = (patch: Partial<QualityFacts>) => qualityProblems({ ...ok, ...patch }, day).map((p) => `${p.kind}:${p.field}`);

describe('what the police cannot match as it stands', () => {
  it.each([
    [{}, []],
    [{ idNumber: null }, ['id-invalid:idNumber']],
    [{ idNumber: null, oldIdNumber: '037123456' }, []],
    [{ idNumber: '12345' }, ['id-invalid:idNumber']],
    [{ idNumber: '999215000101' }, ['id-invalid:idNumber']],
    [{ fullName: 'An' }, ['data-quality:fullName']],
    [{ fullName: 'Nguyễn Văn 2' }, ['data-quality:fullName']],
    [{ birth: null }, ['data-quality:birth']],
    [{ birth: '2015' }, ['data-quality:birth']], // a child: the day is on the birth certificate
    [{ birth: '1950' }, []], // an adult's year only is matched by year
    [{ sex: null }, ['data-quality:sex']],
    [{ ethnicity: null, hometown: '' }, ['data-quality:ethnicity', 'data-quality:hometown']],
    [{ birth: '1950-01-01', ethnicity: null, hometown: null }, []], // asked of children only
  ] as [Partial<QualityFacts>, string[]][])('%o → %o', (patch, expected) => expect(kinds(patch)).toEqual(expected));
});

describe('sending the batch raises them in the queue', () => {
  let services: Services;
  let cleanup: () => void;
  beforeAll(() => {
    const t = tempDir();
    cleanup = t.cleanup;
    services = demoServices(t.dir, { people: 0 });
    addPeople(services, [
      { fullName: 'Lê Văn Mồ Côi', village: 'Thôn Nam', birth: '2015', idNumber: '', categoryGroup: 'BTXH', categoryLabel: 'Trẻ em mồ côi' },
      { fullName: 'Nguyễn Văn An', village: 'Thôn Bắc', birth: '1940-03-02', idNumber: '035040000011', categoryGroup: 'BTXH', categoryLabel: 'Người cao tuổi' },
    ]);
  });
  afterAll(async () => {
    await services.close();
    cleanup();
  });

  it('one item per person and problem, once, whatever the batches', async () => {
    const clerk = await loginAs(services, 'canbo', 'canbo123!');
    const sent = okOutput<{ people: number; dataQualityItems: number }>(await clerk('match.export', { selection: 'pending' }));
    expect(sent.people).toBe(2);
    const items = () => services.db.sqlite.prepare(`SELECT b.full_name AS name, m.kind, m.field FROM mismatches m JOIN beneficiaries b ON b.id = m.beneficiary_id
      WHERE m.status = 'open' ORDER BY b.full_name, m.kind, m.field`).all();
    // The fixture writes no sex and no ethnicity or hometown: the child has them all; the adult only sex.
    expect(items()).toEqual([
      { name: 'Lê Văn Mồ Côi', kind: 'data-quality', field: 'birth' }, { name: 'Lê Văn Mồ Côi', kind: 'data-quality', field: 'ethnicity' },
      { name: 'Lê Văn Mồ Côi', kind: 'data-quality', field: 'hometown' }, { name: 'Lê Văn Mồ Côi', kind: 'data-quality', field: 'sex' },
      { name: 'Lê Văn Mồ Côi', kind: 'id-invalid', field: 'idNumber' }, { name: 'Nguyễn Văn An', kind: 'data-quality', field: 'sex' },
    ]);
    expect(sent.dataQualityItems).toBe(6);
    const again = okOutput<{ dataQualityItems: number }>(await clerk('match.export', { selection: 'all', reason: null }));
    expect(again.dataQualityItems).toBe(0);
    expect(items()).toHaveLength(6);
    const listed = okOutput<{ kind: string }[]>(await clerk('mismatches.list', { kind: 'data-quality' }));
    expect(listed).toHaveLength(5);
  });
});
