import { describe, expect, it } from 'vitest';
import { typedBirth, typedIdentity } from '../../../renderer/clinic/typed-identity';

describe('the typed identity at reception', () => {
  it.each([
    ['07/03/1985', '1985-03-07'],
    ['7/3/1985', '1985-03-07'],
    ['07-03-1985', '1985-03-07'],
    ['1985', '1985'],
    ['29/02/2024', '2024-02-29'],
    ['31/02/1985', null],
    ['1985-03-07', null],
    ['1800', null],
    ['', null],
  ])('birth %s → %s', (text, iso) => {
    expect(typedBirth(text)).toBe(iso);
  });

  it('takes a CCCD number, a card code (any spacing, lower case) or a mã số BHXH', () => {
    expect(typedIdentity({ idNumber: '001 085 012345', fullName: ' Nguyễn  Thị Hương ', birth: '07/03/1985' }))
      .toEqual({ identity: { idNumber: '001085012345', fullName: 'Nguyễn Thị Hương', birth: '1985-03-07' } });
    expect(typedIdentity({ idNumber: 'gd4 01 0123456789', fullName: 'An', birth: '2020' })).toMatchObject({ identity: { idNumber: 'GD4010123456789' } });
    expect(typedIdentity({ idNumber: '0123456789', fullName: 'An', birth: '2020' })).toMatchObject({ identity: { idNumber: '0123456789' } });
  });

  it('says which fields are wrong, each at its field', () => {
    expect(typedIdentity({ idNumber: '12345', fullName: '', birth: '32/01/2000' })).toEqual({ errors: { idNumber: 'id', fullName: 'name', birth: 'birth' } });
    expect(typedIdentity({ idNumber: '001085012345', fullName: 'An', birth: 'hôm qua' })).toEqual({ errors: { birth: 'birth' } });
  });
});
