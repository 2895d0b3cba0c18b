import { describe, expect, it } from 'vitest';
import { NameYearFilter } from '../../../main/excel/name-year-filter';
import { nameGateKey } from '../../../main/registry/person-matching';
import { matchPerson, type PersonFacts } from '../../../main/registry/person-matching-rules';

describe('who an imported record could match by name', () => {
  it('answers by given name and birth, and only people without an ID for a record that has one', () => {
    const f = new NameYearFilter();
    f.add('an', '1950-03-02', true);
    f.add('binh', '1962', false);
    f.add('cuong', null, false);
    expect(f.mayMatch('an', '1950', false)).toBe(true);
    expect(f.mayMatch('an', '1950-03-02', false)).toBe(true);
    expect(f.mayMatch('an', '1950-12-31', false)).toBe(false);
    expect(f.mayMatch('an', '1950-03-02', true)).toBe(false);
    expect(f.mayMatch('an', '1951-03-02', false)).toBe(false);
    expect(f.mayMatch('binh', '1962-07-01', true)).toBe(true);
    expect(f.mayMatch('binh', '1962', false)).toBe(true);
    expect(f.mayMatch('binh', '1963', false)).toBe(false);
    expect(f.mayMatch('cuong', null, true)).toBe(true);
    expect(f.mayMatch('cuong', '1940', false)).toBe(false);
    expect(f.mayMatch('dung', '1950', false)).toBe(false);
  });

  it('never says "no" where the matching rules would find the person by name and birth', () => {
    const names = ['Nguyễn Thị Lan', 'NGUYEN THI LAN', 'Nguyễn Lan', 'Trần Văn Thúy', 'Tran Van Thuy', 'Trần Văn Thủi', 'Lê Minh Lân', 'Lan'];
    const births = [null, '1950', '1951', '1950-03-02', '1950-02-03', '1950-03-03', '02/03/1950', '1950-13-40', '  '];
    const ids: [string | null, string | null][] = [[null, null], ['001150000001', null], ['001150000002', null], ['123456789', null], [null, '987654321']];
    const sexes = [null, 'Nam', 'Nữ'];
    const people: PersonFacts[] = [];
    for (const fullName of names) for (const birth of births) for (const [idNumber, oldIdNumber] of ids) for (const sex of sexes) people.push({ fullName, birth, sex, idNumber, oldIdNumber });
    let found = 0;
    for (const stored of people) {
      const f = new NameYearFilter();
      f.add(nameGateKey(stored.fullName!), stored.birth, stored.idNumber !== null || stored.oldIdNumber !== null);
      for (const probe of people) {
        if (matchPerson(probe, stored)?.by !== 'nameAndBirth') continue;
        found += 1;
        const says = f.mayMatch(nameGateKey(probe.fullName!), probe.birth, probe.idNumber !== null || probe.oldIdNumber !== null);
        if (!says) expect.fail(`said no for ${JSON.stringify(probe)} against ${JSON.stringify(stored)}`);
      }
    }
    expect(found).toBeGreaterThan(1000);
  });
});
