import { describe, expect, it } from 'vitest';
import {
  birthOf, compareBirths, duplicateVerdict, idsConflict, idsRuleOutNameMatch, isoBirth, matchPerson, sexOf,
  type BirthAgreement, type ListedPerson, type MatchedBy, type PersonFacts,
} from '../../../main/registry/person-matching-rules';

const person = (p: Partial<PersonFacts>): PersonFacts => ({ fullName: 'Nguyễn Văn An', birth: '1950-03-02', sex: 'M', idNumber: null, oldIdNumber: null, ...p });

describe('births as offices write them', () => {
  it.each([
    ['1950', '1950'], ['1950-03-02', '1950-03-02'], ['02/03/1950', '1950-03-02'], ['2/3/1950', '1950-03-02'], ['02-03-1950', '1950-03-02'],
    ['02.03.1950', '1950-03-02'], ['02031950', '1950-03-02'], ['31/02/1950', '1950-02-31'], ['1950-13-01', null], ['03/1950', null], ['', null], ['khoảng 1950', null],
  ])('%s → %s', (text, iso) => {
    expect(isoBirth(text)).toBe(iso);
  });

  it.each<[string | null, string | null, BirthAgreement]>([
    ['1950-03-02', '02/03/1950', 'same-date'],
    ['1950', '1950', 'same-year-only'],
    ['1950', '1950-03-02', 'year-of-date'],
    ['02/03/1950', '1950', 'year-of-date'],
    ['1950-03-02', '1950-02-03', 'day-month-swapped'],
    ['1950-03-02', '1950-03-05', 'different'],
    ['1950-03-02', '1951-03-02', 'different'],
    ['1950', '1951', 'different'],
    [null, '1950', 'unknown'],
  ])('%s ~ %s → %s', (a, b, expected) => {
    expect(compareBirths(a, b)).toBe(expected);
    expect(compareBirths(b, a)).toBe(expected);
  });

  it('reads a birth with its parts', () => {
    expect(birthOf('1950')).toEqual({ year: 1950, month: null, day: null });
  });
});

describe('ID numbers and sex', () => {
  it.each([
    [{ idNumber: '035150001234', oldIdNumber: null }, { idNumber: '035150009999', oldIdNumber: null }, true],
    [{ idNumber: '035150001234', oldIdNumber: null }, { idNumber: '035150001234', oldIdNumber: null }, false],
    [{ idNumber: '035150001234', oldIdNumber: null }, { idNumber: null, oldIdNumber: '168123456' }, false],
    [{ idNumber: null, oldIdNumber: '168123456' }, { idNumber: null, oldIdNumber: '168999999' }, true],
    [{ idNumber: '168123456', oldIdNumber: null }, { idNumber: null, oldIdNumber: '168123456' }, false],
    [{ idNumber: null, oldIdNumber: null }, { idNumber: '035150001234', oldIdNumber: null }, false],
  ])('%j vs %j conflict: %s', (a, b, conflict) => {
    expect(idsConflict(a, b)).toBe(conflict);
  });

  it('reads sex as lists write it', () => {
    expect(['M', 'Nam', 'nam', 'F', 'Nữ', 'NU', 'x', null].map(sexOf)).toEqual(['M', 'M', 'M', 'F', 'F', 'F', null, null]);
  });
});

describe('is this row about that stored person?', () => {
  const stored = person({});
  const TABLE: [string, PersonFacts, PersonFacts, MatchedBy | null][] = [
    ['same ID', person({ idNumber: '035150001234', fullName: 'Trần Văn B' }), person({ idNumber: '035150001234' }), 'idNumber'],
    ['different IDs, same name and birth', person({ idNumber: '035150001234' }), person({ idNumber: '035150009999' }), null],
    ['old ID', person({ oldIdNumber: '168123456' }), person({ oldIdNumber: '168123456', idNumber: '035150001234' }), 'oldIdNumber'],
    ['old ID written in the ID column', person({ idNumber: '168123456' }), person({ oldIdNumber: '168123456' }), 'oldIdNumber'],
    ['same name, same date, neither has an ID', person({}), stored, 'nameAndBirth'],
    ['date written dd/mm/yyyy', person({ birth: '02/03/1950' }), stored, 'nameAndBirth'],
    ['year only on one side', person({ birth: '1950' }), stored, 'nameAndBirth'],
    ['tone placement and capitals', person({ fullName: 'TRẦN THỊ HOÀ', sex: 'F' }), person({ fullName: 'Trần Thị Hòa', sex: 'F' }), 'nameAndBirth'],
    ['Ð lookalike', person({ fullName: 'Ðỗ Văn An' }), person({ fullName: 'Đỗ Văn An' }), 'nameAndBirth'],
    ['i/y', person({ fullName: 'Lí Văn Sĩ' }), person({ fullName: 'Lý Văn Sỹ' }), 'nameAndBirth'],
    ['unaccented list', person({ fullName: 'Nguyen Van An' }), stored, 'nameAndBirth'],
    ['missing middle name', person({ fullName: 'Nguyễn An' }), stored, 'nameAndBirth'],
    ['sex Nam/M', person({ sex: 'Nam' }), stored, 'nameAndBirth'],
    ['sex differs', person({ sex: 'F' }), stored, null],
    ['sex unknown on one side', person({ sex: null }), stored, 'nameAndBirth'],
    ['birth differs', person({ birth: '1950-03-05' }), stored, null],
    ['day and month swapped is not enough to find', person({ birth: '1950-02-03' }), stored, null],
    ['birth missing on one side', person({ birth: null }), stored, null],
    ['birth missing on both sides', person({ birth: null }), person({ birth: null }), 'nameAndBirth'],
    ['different tones are another name', person({ fullName: 'Nguyễn Văn Ân' }), stored, null],
    ['given name differs', person({ fullName: 'Nguyễn Văn Anh' }), stored, null],
    ['row with an ID against a record with another ID', person({ idNumber: '035150001234' }), person({ oldIdNumber: '168123456' }), null],
    ['row with an ID, record without', person({ idNumber: '035150001234' }), stored, 'nameAndBirth'],
    ['reordered words are not enough to find', person({ fullName: 'An Nguyễn Văn' }), stored, null],
  ];
  it.each(TABLE)('%s', (_, probe, record, by) => {
    expect(matchPerson(probe, record)?.by ?? null).toBe(by);
  });
});

describe('people listed twice', () => {
  const listed = (p: Partial<ListedPerson>): ListedPerson => ({ ...person({}), unitId: 'u1', village: 'Thôn Đông', ...p });
  const TABLE: [string, Partial<ListedPerson>, Partial<ListedPerson>, 'same-id' | 'probable' | null, string | null][] = [
    ['same ID', { idNumber: '035150001234' }, { idNumber: '035150001234', village: 'Thôn Đoài' }, 'same-id', 'cùng số định danh, cùng họ tên, khác thôn'],
    ['same ID, other name', { idNumber: '035150001234' }, { idNumber: '035150001234', fullName: 'Lê Thị Hoa' }, 'same-id', 'cùng số định danh, khác họ tên, cùng thôn'],
    ['same old ID, other commune', { oldIdNumber: '168123456' }, { oldIdNumber: '168123456', unitId: 'u2' }, 'same-id', 'cùng số CMND cũ, cùng họ tên, khác xã'],
    ['same name and birth year, other village', { birth: '1950' }, { birth: '1950-03-02', village: 'Thôn Đoài' }, 'probable', 'cùng họ tên và năm sinh (một bản ghi chỉ có năm), khác thôn'],
    ['same name and date, one unaccented', {}, { fullName: 'NGUYEN VAN AN' }, 'probable', 'cùng họ tên (một bản ghi viết không dấu) và ngày sinh, cùng thôn'],
    ['missing middle name', {}, { fullName: 'Nguyễn An', idNumber: '035150001234' }, 'probable', 'cùng họ và tên, thiếu tên đệm, cùng ngày sinh, cùng thôn'],
    ['day and month swapped', { birth: '1950-03-02' }, { birth: '1950-02-03' }, 'probable', 'cùng họ tên và năm sinh (ngày và tháng đảo chỗ), cùng thôn'],
    ['reordered', {}, { fullName: 'An Nguyễn Văn', unitId: 'u2' }, 'probable', 'cùng họ tên, viết khác thứ tự, cùng ngày sinh, khác xã'],
    ['other hometown', { hometown: 'Bình Lục, Hà Nam' }, { hometown: 'Ý Yên, Nam Định' }, null, null],
    ['other province, same district name', { hometown: 'Hoa Lư, Thanh Hóa' }, { hometown: 'Hoa Lư, Hải Dương' }, null, null],
    ['hometown abbreviated', { hometown: 'Huyện Bình Lục, Tỉnh Hà Nam' }, { hometown: 'H. Bình Lục, T. Hà Nam' }, 'probable', 'cùng họ tên và ngày sinh, cùng thôn'],
    ['hometown on one side only', { hometown: 'Bình Lục' }, { hometown: null }, 'probable', 'cùng họ tên và ngày sinh, cùng thôn'],
    ['different IDs', { idNumber: '035150001234' }, { idNumber: '035150009999' }, null, null],
    ['different sex', { sex: 'M' }, { sex: 'F' }, null, null],
    ['different birth year', { birth: '1950' }, { birth: '1951' }, null, null],
    ['different dates', {}, { birth: '1950-03-09' }, null, null],
    ['no birth', { birth: null }, { birth: null }, null, null],
    ['another name', {}, { fullName: 'Nguyễn Văn Anh' }, null, null],
    ['middle missing and year only, other village', { birth: '1950' }, { fullName: 'Nguyễn An', village: 'Thôn Đoài' }, 'probable', 'cùng họ và tên, thiếu tên đệm, cùng năm sinh (một bản ghi chỉ có năm), khác thôn'],
    ['a one-letter slip and year only: too weak', { birth: '1950', fullName: 'Nguyễn Văn Thắng' }, { fullName: 'Nguyễn Văn Thắg', village: 'Thôn Đoài' }, null, null],
    ['a one-letter slip and the date', { fullName: 'Nguyễn Văn Thắng' }, { fullName: 'Ngyễn Văn Thắng', village: 'Thôn Đoài' }, 'probable', 'họ tên khác một chữ cái, cùng ngày sinh, khác thôn'],
  ];
  it.each(TABLE)('%s', (_, a, b, kind, explanation) => {
    const verdict = duplicateVerdict(listed(a), listed(b));
    expect(verdict?.kind ?? null).toBe(kind);
    expect(verdict?.explanation ?? null).toBe(explanation);
    expect(duplicateVerdict(listed(b), listed(a))?.kind ?? null).toBe(kind);
    if (verdict) expect(verdict.score).toBeGreaterThan(0.7);
  });
});

describe('skipping a name candidate by its ID number alone', () => {
  const ids: [string | null, string | null][] = [[null, null], ['001150000001', null], ['001150000002', null], ['123456789', null], [null, '987654321'], ['001150000001', '987654321']];
  const person = ([idNumber, oldIdNumber]: [string | null, string | null]): PersonFacts => ({ fullName: 'Nguyễn Thị Lan', birth: '1950', sex: null, idNumber, oldIdNumber });

  it('skips only records the rules would never match by name and birth', () => {
    let skipped = 0;
    for (const p of ids) for (const s of ids) {
      const [probe, stored] = [person(p), person(s)];
      const matchesByName = matchPerson(probe, stored)?.by === 'nameAndBirth';
      if (idsRuleOutNameMatch(probe, stored.idNumber)) {
        skipped += 1;
        expect(matchesByName, `${JSON.stringify(p)} against ${JSON.stringify(s)}`).toBe(false);
      }
    }
    expect(skipped).toBeGreaterThan(5);
    expect(idsRuleOutNameMatch(person([null, null]), '001150000001')).toBe(false);
    expect(idsRuleOutNameMatch(person(['001150000002', null]), '123456789')).toBe(false);
  });
});
