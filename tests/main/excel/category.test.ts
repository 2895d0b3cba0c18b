import { describe, expect, it } from 'vitest';
import { categoryGroupOf } from '../../../main/excel/category';

describe('the group of a category label as lists write it', () => {
  it.each([
    ['Người cao tuổi từ đủ 80 tuổi trở lên', 'BTXH'],
    ['NCT từ 80 tuổi trở lên', 'BTXH'],
    ['NCT 80+', 'BTXH'],
    ['NKT đặc biệt nặng', 'BTXH'],
    ['ĐT BTXH theo NĐ 20/2021', 'BTXH'],
    ['Đối tượng theo khoản 1 Điều 5 Nghị định 20', 'BTXH'],
    ['Trẻ em mồ côi cả cha và mẹ', 'BTXH'],
    ['TB 4/4', 'NCC'],
    ['Thương binh 2/4', 'NCC'],
    ['BB 61%', 'NCC'],
    ['NCC CĐHH', 'NCC'],
    ['Mẹ Việt Nam anh hùng', 'NCC'],
    ['Con liệt sĩ', 'TNCC'],
    ['Vợ LS', 'TNCC'],
    ['Con của TB 81%', 'TNCC'],
    ['Thân nhân người có công', 'TNCC'],
    ['TNLS', 'TNCC'],
  ])('%s → %s', (label, group) => {
    expect(categoryGroupOf(label)).toBe(group);
  });

  it.each([['Hộ kinh tế khá'], ['Cán bộ'], ['Tem phiếu']])('%s is no known group', (label) => {
    expect(categoryGroupOf(label)).toBeNull();
  });
});
