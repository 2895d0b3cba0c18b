import { describe, expect, it } from 'vitest';
import { villageFromAddress, villageOfSection } from '../../../main/excel/village-from-address';

describe('the village of an address', () => {
  it.each([
    ['Xóm Trại, Xã An Lão, huyện Bình Lục, tỉnh Hà Nam', 'Xóm Trại'],
    ['xóm Trại - xã An Lão', 'Xóm Trại'],
    ['Thôn 3, xã Ea Tu, TP Buôn Ma Thuột', 'Thôn 3'],
    ['Thôn 3 Xã Ea Tu', 'Thôn 3'],
    ['Tổ dân phố 5, phường Hà Đông, Hà Nội', 'Tổ dân phố 5'],
    ['Số 12, Tổ dân phố 5, P. Hà Đông', 'Tổ dân phố 5'],
    ['TDP 5, phường Hà Đông', 'Tổ dân phố 5'],
    ['Ấp Bình Hoà, xã Tân Phú', 'Ấp Bình Hoà'],
    ['Ấp Bình Hoà xã Tân Phú huyện Châu Thành', 'Ấp Bình Hoà'],
    ['Bản Nà Tấu, xã Nà Tấu, tỉnh Điện Biên', 'Bản Nà Tấu'],
    ['Khu phố 2, thị trấn Phong Điền', 'Khu phố 2'],
    ['KP 2, TT Phong Điền', 'Khu phố 2'],
    ['XÓM TRẠI, XÃ AN LÃO', 'Xóm Trại'],
    ['Thon Dong, xa An Lao', 'Thôn Dong'],
    ['thôn đông, xã an lão', 'Thôn đông'],
    ['Tổ 12A, phường Quyết Thắng', 'Tổ 12A'],
    ['Làng Vân, xã Vân Hà', 'Làng Vân'],
    ['Đội 3, xã Nghĩa Hưng', 'Đội 3'],
    ['Xã An Lão, huyện Bình Lục', null],
    ['Xã Tân Phú, tỉnh Lạng Sơn', null],
    ['Lạng Sơn', null],
    ['Đồi Cao, xã X', null],
    ['Khu công nghiệp Bắc Thăng Long', null],
    ['Hà Nội', null],
    ['', null],
    [null, null],
  ])('%s → %s', (address, village) => {
    expect(villageFromAddress(address)).toBe(village);
  });
});

describe('the village of a section row', () => {
  it.each([
    ['Thôn Đông', 'Thôn Đông'],
    ['Xóm Trại', 'Xóm Trại'],
    ['THÔN ĐÔNG', 'Thôn Đông'],
    ['Thôn 3 (12 người)', 'Thôn 3'],
    ['Ấp Bình Hoà - xã Tân Phú', 'Ấp Bình Hoà'],
    ['Người có công với cách mạng', null],
    ['Bảo trợ xã hội', null],
    ['Đối tượng hưởng trợ cấp', null],
  ])('%s → %s', (title, village) => {
    expect(villageOfSection(title)).toBe(village);
  });
});
