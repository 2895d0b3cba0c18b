import { describe, expect, it } from 'vitest';
import { referenceRows, currentUnitId, formerUnitId } from '../../../main/registry/admin-unit-reference';
import { buildUnitDirectory, searchUnitDirectory, type UnitRecord } from '../../../main/registry/admin-unit-directory';
import { resolveCommunePath } from '../../../main/registry/admin-unit-successions';
import { unitNameParts } from '../../../main/registry/admin-unit-names';

const { units, successions } = referenceRows();
const official = buildUnitDirectory(units, successions.map((s) => ({ fromUnitId: s.from, toUnitId: s.to, split: s.split === 1 })));
const labels = (query: string, options = {}) => searchUnitDirectory(official, query, options).map((m) => m.label);

describe('the official list as loaded', () => {
  it('holds 34 provinces and 3,321 communes in force, 63 / 696 / 10,047 before, and a successor for every old commune', () => {
    const current = units.filter((u) => u.effectiveTo === null);
    const before = units.filter((u) => u.effectiveTo !== null);
    expect(current.filter((u) => u.level === 'province')).toHaveLength(34);
    expect(current.filter((u) => u.level === 'commune')).toHaveLength(3321);
    expect(before.filter((u) => u.level === 'province')).toHaveLength(63);
    expect(before.filter((u) => u.level === 'district')).toHaveLength(696);
    const oldCommunes = before.filter((u) => u.level === 'commune');
    expect(oldCommunes).toHaveLength(10047);
    const succeeded = new Set(successions.map((s) => s.from));
    expect(oldCommunes.every((c) => succeeded.has(c.id))).toBe(true);
    expect(new Set(units.map((u) => u.id)).size).toBe(units.length);
  });
});

describe('unit names as people write them', () => {
  it.each([
    ['Xã An Lão', 'commune', 'an lao'],
    ['xã an lão', 'commune', 'an lao'],
    ['X. An Lão', 'commune', 'an lao'],
    ['x.An Lão', 'commune', 'an lao'],
    ['H. Bình Lục', 'district', 'binh luc'],
    ['huyen Binh Luc', 'district', 'binh luc'],
    ['TP Hà Nội', 'city', 'ha noi'],
    ['Thị trấn Bình Mỹ', 'commune', 'binh my'],
    ['Tịnh Khê', null, 'tinh khe'], // a name that begins like "tỉnh", not the word
    ['Xóm Trại', 'village', 'trai'],
    ['An Lão', null, 'an lao'],
  ] as const)('%s', (text, hint, folded) => {
    expect(unitNameParts(text)).toMatchObject({ hint, folded });
  });
});

describe('searching units by name', () => {
  it('finds "Xã An Lão" from "an lao", with or without marks or the level word, showing the province (provinces in name order)', () => {
    for (const q of ['an lao', 'An Lão', 'xã an lão', 'AN LÃO']) {
      expect(labels(q, { levels: ['commune'] })).toEqual(['Xã An Lão, Tỉnh Gia Lai', 'Xã An Lão, Thành phố Hải Phòng']); // by province name
    }
  });

  it('narrows by province after a comma, and finds a unit by its code', () => {
    expect(labels('bình sơn, ninh bình')).toEqual(['Xã Bình Sơn, Tỉnh Ninh Bình']);
    expect(labels('13558')).toEqual(['Xã Bình Sơn, Tỉnh Ninh Bình']);
  });

  it('ignores tone placement (hoà / hòa) and finds Đ from d', () => {
    expect(labels('yên hoà', { levels: ['commune'] })[0]).toBe('Phường Yên Hòa, Thành phố Hà Nội');
    expect(labels('dong hoa', { levels: ['commune'] })).toEqual(expect.arrayContaining([
      'Phường Đông Hòa, Tỉnh Đắk Lắk', 'Phường Đông Hòa, Thành phố Hồ Chí Minh', 'Xã Đông Hòa, Tỉnh An Giang']));
  });

  it('shows provinces first and lists only units in force', () => {
    expect(labels('ninh bình')[0]).toBe('Tỉnh Ninh Bình');
    expect(labels('hà nam')).not.toContain('Tỉnh Hà Nam');
    expect(labels('hà nam', { day: '2025-06-30' })).toContain('Tỉnh Hà Nam');
  });

  it('ranks the name with the marks as typed first: "Yên Thành" before "Yên Thanh"', () => {
    const rows: UnitRecord[] = [
      { id: 'p', code: '40', name: 'Tỉnh Nghệ An', level: 'province', effectiveFrom: '2025-07-01', effectiveTo: null, parentId: null },
      { id: 'a', code: '1', name: 'Xã Yên Thanh', level: 'commune', effectiveFrom: '2025-07-01', effectiveTo: null, parentId: 'p' },
      { id: 'b', code: '2', name: 'Xã Yên Thành', level: 'commune', effectiveFrom: '2025-07-01', effectiveTo: null, parentId: 'p' },
    ];
    const dir = buildUnitDirectory(rows, []);
    expect(searchUnitDirectory(dir, 'Yên Thành').map((m) => m.name)).toEqual(['Xã Yên Thành', 'Xã Yên Thanh']);
    expect(searchUnitDirectory(dir, 'yên thanh').map((m) => m.name)).toEqual(['Xã Yên Thanh', 'Xã Yên Thành']);
    expect(searchUnitDirectory(dir, 'yen thanh').map((m) => m.name)).toHaveLength(2);
  });
});

describe('resolving an old name path to the commune in force now', () => {
  const binhSon = currentUnitId('13558');

  it.each([
    'xã An Lão, huyện Bình Lục, tỉnh Hà Nam',
    'Xóm Trại, Xã An Lão, huyện Bình Lục, tỉnh Hà Nam',
    'X. An Lão, H. Bình Lục, T. Hà Nam',
    'xa An Lao, huyen Binh Luc, tinh Ha Nam',
    'An Lão - Bình Lục - Hà Nam',
    'xã An Lão, huyện Bình Lục, tỉnh Ninh Bình', // the new province with the old district
  ])('%s → Xã Bình Sơn, Tỉnh Ninh Bình', (path) => {
    const r = resolveCommunePath(official, path);
    expect(r.status).toBe('found');
    expect(r.candidates).toHaveLength(1);
    expect(r.candidates[0].unit).toMatchObject({ id: binhSon, name: 'Xã Bình Sơn', provinceName: 'Tỉnh Ninh Bình' });
    expect(r.candidates[0].from).toMatchObject({ id: formerUnitId('13561'), name: 'Xã An Lão', provinceName: 'Tỉnh Hà Nam' });
    expect(r.candidates[0].split).toBe(false);
  });

  it('a name in force now resolves to itself, even with the old province', () => {
    for (const path of ['Xã Bình Sơn, tỉnh Ninh Bình', 'xã Bình Sơn, tỉnh Hà Nam']) {
      const r = resolveCommunePath(official, path);
      expect(r.status).toBe('found');
      expect(r.candidates[0]).toMatchObject({ unit: { id: binhSon }, from: null });
    }
  });

  it('an old commune whose name lives on elsewhere resolves by its district: Yên Thành of Yên Mô became Đồng Thái', () => {
    const r = resolveCommunePath(official, 'xã Yên Thành, huyện Yên Mô, tỉnh Ninh Bình');
    expect(r.status).toBe('found');
    expect(r.candidates[0].unit.label).toBe('Xã Đồng Thái, Tỉnh Ninh Bình');
  });

  it('a name without district or province is ambiguous and lists the candidates', () => {
    const r = resolveCommunePath(official, 'xã An Lão');
    expect(r.status).toBe('ambiguous');
    expect(r.candidates.map((c) => c.unit.label)).toEqual(expect.arrayContaining(['Xã An Lão, Thành phố Hải Phòng', 'Xã An Lão, Tỉnh Gia Lai']));
  });

  it('an old commune split between new ones asks for a choice', () => {
    const r = resolveCommunePath(official, 'Phường Cống Vị, quận Ba Đình, Thành phố Hà Nội');
    expect(r.status).toBe('split');
    expect(r.candidates.map((c) => c.unit.name).sort()).toEqual(['Phường Giảng Võ', 'Phường Ngọc Hà']);
    expect(r.candidates.every((c) => c.split && c.from?.name === 'Phường Cống Vị')).toBe(true);
  });

  it('an unknown name is not found', () => {
    expect(resolveCommunePath(official, 'xã Không Có, huyện Đâu Đó').status).toBe('not-found');
    expect(resolveCommunePath(official, '').status).toBe('not-found');
  });
});
