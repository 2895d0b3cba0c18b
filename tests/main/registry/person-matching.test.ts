import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../main/core/database/open-database';
import { runCommand, type Actor } from '../../../main/core/write-path';
import { adminUnitTable, beneficiaryTable } from '../../../main/registry/synced-tables';
import { createPersonFinder, givenNameSpellings, type PersonFinder } from '../../../main/registry/person-matching';
import type { PersonFacts } from '../../../main/registry/person-matching-rules';
import { openTempDatabase, tempDir } from '../../support/temp-database';

let db: AppDatabase;
let cleanup: () => void;
let finder: PersonFinder;
const ids: Record<string, string> = {};
let anLao: string;
let binhMy: string;
const actor: Actor = { userId: null, origin: 'system' };

beforeAll(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  db = openTempDatabase(t.dir);
  runCommand(db, actor, 'seed', (w) => {
    anLao = w.insert(adminUnitTable, { code: '13450', effectiveFrom: '2025-07-01', name: 'Xã An Lão', level: 'commune' });
    binhMy = w.insert(adminUnitTable, { code: '13451', effectiveFrom: '2025-07-01', name: 'Xã Bình Mỹ', level: 'commune' });
    const add = (key: string, unitId: string, p: Partial<Record<string, unknown>>) => {
      ids[key] = w.insert(beneficiaryTable, { unitId, categoryGroup: 'BTXH', categoryLabel: 'x', sex: 'M', birth: null, ...p });
    };
    add('an', anLao, { fullName: 'Nguyễn Văn An', birth: '1950-03-02', idNumber: '035050001234' });
    add('anNoId', anLao, { fullName: 'Nguyễn Văn An', birth: '1962-07-01' });
    add('hoa', anLao, { fullName: 'TRẦN THỊ HOÀ', birth: '1950', sex: 'F' });
    add('sy', anLao, { fullName: 'Lý Văn Sỹ', birth: '1944-01-05', oldIdNumber: '168123456' });
    add('huong', anLao, { fullName: 'Đỗ Thị Hường', birth: '1970-10-10', sex: 'F' });
    add('anBinhMy', binhMy, { fullName: 'Nguyễn Văn An', birth: '1950-03-02', idNumber: '035050009999' });
    add('lan', binhMy, { fullName: 'Phạm Thị Lan', birth: '1980-01-01', sex: 'F', idNumber: '035180001111' });
  });
  finder = createPersonFinder(db.sqlite);
});
afterAll(() => {
  db.close();
  cleanup();
});

const probe = (p: Partial<PersonFacts>): PersonFacts => ({ fullName: null, birth: null, sex: null, idNumber: null, oldIdNumber: null, ...p });

describe('finding the record a row, card or result is about, in the user area', () => {
  const TABLE: [string, Partial<PersonFacts>, 'anLao' | 'both' | 'everywhere', string | null, string[]][] = [
    ['ID number', { idNumber: '035050001234', fullName: 'Nguyen Van An' }, 'anLao', 'idNumber', ['an']],
    ['ID number of another commune: not returned', { idNumber: '035180001111' }, 'anLao', null, []],
    ['old ID', { oldIdNumber: '168123456' }, 'anLao', 'oldIdNumber', ['sy']],
    ['old ID in the ID column', { idNumber: '168123456' }, 'anLao', 'oldIdNumber', ['sy']],
    ['name + date, dd/mm/yyyy', { fullName: 'nguyễn văn an', birth: '01/07/1962' }, 'anLao', 'nameAndBirth', ['anNoId']],
    ['name + year-only record, tone placement and case', { fullName: 'Trần Thị Hòa', birth: '1950-03-02', sex: 'F' }, 'anLao', 'nameAndBirth', ['hoa']],
    ['sex against it', { fullName: 'Trần Thị Hòa', birth: '1950-03-02', sex: 'M' }, 'anLao', null, []],
    ['i/y in the given name', { fullName: 'Lí Văn Sĩ', birth: '1944-01-05' }, 'anLao', 'nameAndBirth', ['sy']],
    ['unaccented', { fullName: 'DO THI HUONG', birth: '1970-10-10' }, 'anLao', 'nameAndBirth', ['huong']],
    ['missing middle name', { fullName: 'Đỗ Hường', birth: '1970-10-10', sex: 'Nữ' }, 'anLao', 'nameAndBirth', ['huong']],
    ['a row with an ID does not take a record with another ID', { fullName: 'Nguyễn Văn An', birth: '1950-03-02', idNumber: '035050007777' }, 'both', null, []],
    ['name + birth only in the area', { fullName: 'Phạm Thị Lan', birth: '1980-01-01' }, 'anLao', null, []],
    ['name + birth everywhere', { fullName: 'Phạm Thị Lan', birth: '1980-01-01' }, 'everywhere', 'nameAndBirth', ['lan']],
    ['nobody', { fullName: 'Vũ Văn Nam', birth: '1950' }, 'everywhere', null, []],
  ];
  const areas = () => ({ anLao: { unitIds: [anLao] }, both: { unitIds: [anLao, binhMy] }, everywhere: { unitIds: null } });
  it.each(TABLE)('%s', (_, p, area, by, expected) => {
    const found = finder.find(probe(p), areas()[area]);
    expect(found.by).toBe(by);
    expect(found.records.map((r) => r.id)).toEqual(expected.map((k) => ids[k]));
  });

  it('says where else an ID number is listed, without the record', () => {
    const found = finder.find(probe({ idNumber: '035180001111' }), { unitIds: [anLao] });
    expect(found.elsewhere).toEqual([{ id: ids.lan, unitId: binhMy }]);
  });

  it('finds everyone a row without an ID may be: the clerk chooses', () => {
    const found = finder.find(probe({ fullName: 'Nguyễn An', birth: '1950-03-02' }), { unitIds: null });
    expect(found.by).toBe('nameAndBirth'); // a row without an ID may be anyone of that name and birth: the clerk chooses
    expect(found.records.map((r) => r.id).sort()).toEqual([ids.an, ids.anBinhMy].sort());
    const noId = finder.find(probe({ fullName: 'Nguyễn Văn An', birth: '1962' }), { unitIds: [anLao, binhMy] });
    expect(noId.records.map((r) => r.id)).toEqual([ids.anNoId]);
  });

  it('skips the name search when asked to', () => {
    expect(finder.find(probe({ fullName: 'Nguyễn Văn An', birth: '1962-07-01' }), { unitIds: null }, { byName: false }).records).toEqual([]);
  });

  it('looks up every spelling an unaccented or i/y given name may stand for', () => {
    expect(givenNameSpellings('Nguyen Van Duong')).toContain('dương');
    expect(givenNameSpellings('Nguyen Van Duong')).toContain('đương');
    expect(givenNameSpellings('Lý Văn Sỹ')).toEqual(['sỹ', 'sĩ']);
    expect(givenNameSpellings('Lê Thị Thủy')).toEqual(['thủy']);
  });
});

describe('a name search limited to the caller\'s candidates', () => {
  it('compares only the candidates, in the area, and skips what they rule out', () => {
    const everyAn = [ids.an, ids.anNoId, ids.anBinhMy, ids.hoa];
    const inAnLao = finder.find(probe({ fullName: 'Nguyễn Văn An', birth: '1962' }), { unitIds: [anLao] }, { candidates: everyAn });
    expect(inAnLao.records.map((r) => r.id)).toEqual([ids.anNoId]);
    const anotherCommune = finder.find(probe({ fullName: 'Nguyễn Văn An', birth: '1950-03-02' }), { unitIds: [anLao] }, { candidates: [ids.anBinhMy, ids.anBinhMy] });
    expect(anotherCommune).toEqual({ by: null, records: [], elsewhere: [] });
    const none = finder.find(probe({ fullName: 'Trần Thị Hòa', birth: '1950' }), { unitIds: [anLao] }, { candidates: [ids.huong] });
    expect(none.records).toEqual([]);
    const same = finder.find(probe({ fullName: 'Trần Thị Hòa', birth: '1950' }), { unitIds: [anLao] }, { candidates: [ids.hoa, ids.huong] });
    expect(same.records.map((r) => r.id)).toEqual(finder.find(probe({ fullName: 'Trần Thị Hòa', birth: '1950' }), { unitIds: [anLao] }).records.map((r) => r.id));
  });
});
