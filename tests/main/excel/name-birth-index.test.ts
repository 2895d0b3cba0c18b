import { describe, expect, it } from 'vitest';
import { NameBirthIndex } from '../../../main/excel/name-birth-index';
import { nameGateKey } from '../../../main/registry/person-matching';
import { matchPerson, type PersonFacts } from '../../../main/registry/person-matching-rules';

describe('who an imported record could match by name', () => {
  it('answers by given name and birth, and only people without an ID for a record that has one', () => {
    const index = new NameBirthIndex();
    index.add('an', '1950-03-02', true, 'an-1');
    index.add('an', '1950', false, 'an-2');
    index.add('binh', '1962', false, 'binh');
    index.add('cuong', null, false, 'cuong');
    expect(index.candidates('an', '1950', false)?.sort()).toEqual(['an-1', 'an-2']);
    expect(index.candidates('an', '1950-03-02', false)?.sort()).toEqual(['an-1', 'an-2']);
    expect(index.candidates('an', '1950-12-31', false)).toEqual(['an-2']);
    expect(index.candidates('an', '1950-03-02', true)).toEqual(['an-2']);
    expect(index.candidates('an', '1951-03-02', false)).toBeNull();
    expect(index.candidates('binh', '1962-07-01', true)).toEqual(['binh']);
    expect(index.candidates('binh', '1963', false)).toBeNull();
    expect(index.candidates('cuong', null, true)).toEqual(['cuong']);
    expect(index.candidates('cuong', '1940', false)).toBeNull();
    expect(index.candidates('dung', '1950', false)).toBeNull();
  });

  it('keeps a record once under each key, however often the import adds it', () => {
    const index = new NameBirthIndex();
    index.add('lan', '1950-03-02', false, 'a');
    index.add('lan', '1950-03-02', false, 'a');
    index.add('lan', '1950-03-02', false, 'b');
    expect(index.candidates('lan', '1950-03-02', false)).toEqual(['a', 'b']);
  });

  it('never leaves out someone the matching rules would find by name and birth', () => {
    const names = ['Nguyễn Thị Lan', 'NGUYEN THI LAN', 'Nguyễn Lan', 'Trần Văn Thúy', 'Tran Van Thuy', 'Trần Văn Thủi', 'Lê Minh Lân', 'Lan'];
    const births = [null, '1950', '1951', '1950-03-02', '1950-02-03', '1950-03-03', '02/03/1950', '1950-13-40', '  '];
    const ids: [string | null, string | null][] = [[null, null], ['001150000001', null], ['001150000002', null], ['123456789', null], [null, '987654321']];
    const sexes = [null, 'Nam', 'Nữ'];
    const people: PersonFacts[] = [];
    for (const fullName of names) for (const birth of births) for (const [idNumber, oldIdNumber] of ids) for (const sex of sexes) people.push({ fullName, birth, sex, idNumber, oldIdNumber });
    let found = 0;
    for (const stored of people) {
      const index = new NameBirthIndex();
      index.add(nameGateKey(stored.fullName!), stored.birth, stored.idNumber !== null || stored.oldIdNumber !== null, 'stored');
      for (const probe of people) {
        if (matchPerson(probe, stored)?.by !== 'nameAndBirth') continue;
        found += 1;
        const answer = index.candidates(nameGateKey(probe.fullName!), probe.birth, probe.idNumber !== null || probe.oldIdNumber !== null);
        if (!answer?.includes('stored')) expect.fail(`left out ${JSON.stringify(stored)} for ${JSON.stringify(probe)}`);
      }
    }
    expect(found).toBeGreaterThan(1000);
  });
});
