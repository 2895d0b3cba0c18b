import { describe, expect, it } from 'vitest';
import { referenceRows } from '../../../main/registry/admin-unit-reference';
import { buildUnitDirectory } from '../../../main/registry/admin-unit-directory';
import { resolveCommunePath } from '../../../main/registry/admin-unit-successions';
import { compareField, comparePerson, type PlaceOf } from '../../../main/identity/police-results-comparison';
import { readDifferenceText } from '../../../main/identity/police-results-reading';

const { units, successions } = referenceRows();
const directory = buildUnitDirectory(units, successions.map((s) => ({ fromUnitId: s.from, toUnitId: s.to, split: s.split === 1 })));
const places: PlaceOf = (address) => {
  const r = resolveCommunePath(directory, address);
  return r.status === 'found' ? r.candidates[0].unit.id : null;
};

describe('comparing as a person would', () => {
  it.each([
    ['fullName', 'Trần Thị Hoà', 'Trần Thị Hòa', 'spelling'], // tone placement
    ['fullName', 'TRẦN THỊ HOÀ', 'Trần Thị Hoà', 'spelling'], // case
    ['fullName', 'Trần  Thị Hoà', 'Trần Thị Hoà', 'same'], // spacing
    ['fullName', 'Ðinh Văn Lý', 'Đinh Văn Lí', 'spelling'], // Ð/Đ and i/y
    ['fullName', 'Trần Thị Hoà', 'Trần Thị Hoa', 'differs'], // another tone: another name
    ['fullName', 'Trần Hoà', 'Trần Thị Hoà', 'differs'], // a missing middle name is a real difference of the field
    ['birth', '1950', '1950-03-12', 'enriched'],
    ['birth', '1950-03-12', '1950', 'same'],
    ['birth', '1950-03-12', '1950-12-03', 'differs'],
    ['sex', 'F', 'M', 'differs'],
    ['idNumber', null, '035150001234', 'enriched'],
    ['hometown', 'Bình Lục, Hà Nam', 'huyện Bình Lục, tỉnh Hà Nam', 'spelling'],
    ['hometown', 'Bình Lục, Hà Nam', 'Xã An Lão, Bình Lục, Hà Nam', 'enriched'],
    ['permanentAddress', 'Thôn Đông, Xã Bình Sơn, Tỉnh Ninh Bình', 'Thôn Đông, X. Bình Sơn, T. Ninh Bình', 'spelling'],
    ['permanentAddress', 'KP 3, P. Lê Lợi, Tp. Bắc Giang', 'Khu phố 3, Phường Lê Lợi, Thành phố Bắc Giang', 'spelling'],
    // The old commune and district are the same place as the new commune they became (1 July 2025).
    ['permanentAddress', 'Thôn Đông, Xã Bình Sơn, Tỉnh Ninh Bình', 'Thôn Đông, xã An Lão, huyện Bình Lục, tỉnh Hà Nam', 'spelling'],
    ['permanentAddress', 'Thôn Đông, Xã Bình Sơn, Tỉnh Ninh Bình', 'Thôn Tây, xã An Lão, huyện Bình Lục, tỉnh Hà Nam', 'differs'],
    ['permanentAddress', 'Xã Bình Sơn, Tỉnh Ninh Bình', 'Thôn Đông, xã An Lão, huyện Bình Lục, tỉnh Hà Nam', 'enriched'],
    ['hometown', 'Ý Yên, Nam Định', 'Kim Sơn, Ninh Bình', 'differs'],
    ['hometown', 'Ý Yên, Nam Định', null, null],
  ] as const)('%s: %s / %s → %s', (field, ours, theirs, verdict) => {
    expect(compareField(field, ours, theirs, places)).toBe(verdict);
  });

  it('sorts a person\'s fields into same, differing, spelling-only and more precise', () => {
    expect(comparePerson(
      { fullName: 'Trần Thị Hoà', birth: '1950', sex: 'F', idNumber: '035150001234', hometown: 'Bình Lục, Hà Nam', permanentAddress: 'Thôn Đông, Xã Bình Sơn, Tỉnh Ninh Bình' },
      { fullName: 'Trần Thị Hòa', birth: '1950-03-12', sex: 'F', idNumber: '035150001234', hometown: 'Thanh Liêm, Hà Nam', permanentAddress: null },
      places,
    )).toEqual({ same: ['sex', 'idNumber'], fields: ['hometown'], spellingOnly: ['fullName'], enriched: ['birth'] });
  });

  it('reads the free text of "Thông tin sai khác"', () => {
    expect(readDifferenceText('Ngày sinh: 12/03/1950; Quê quán: Thanh Liêm, Hà Nam')).toEqual({ fields: ['birth', 'hometown'], values: { birth: '1950-03-12', hometown: 'Thanh Liêm, Hà Nam' } });
    expect(readDifferenceText('Sai ngày sinh, sai giới tính')).toEqual({ fields: ['birth', 'sex'], values: {} });
  });
});
