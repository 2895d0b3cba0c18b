import { describe, expect, it } from 'vitest';
import { compareWithCard } from '../../../main/identity/card-comparison';

describe('compareWithCard', () => {
  it('finds the fields that differ, ignoring case, spacing and tone placement', () => {
    const out = compareWithCard(
      { fullName: 'TRẦN THỊ HOÀ', birth: '1950', sex: 'F', idNumber: '035150001234', hometown: 'Bình Lục,  Hà Nam', permanentAddress: null },
      { fullName: 'Trần Thị Hòa', birth: '1950-03-02', sex: 'F', idNumber: '035150001234', hometown: 'Bình Lục, Hà Nam', permanentAddress: 'Thôn Đông, xã An Lão' },
    );
    expect(Object.fromEntries(out.map((c) => [c.field, c.same]))).toEqual({
      fullName: true, birth: false, sex: true, idNumber: true, hometown: true, permanentAddress: false,
    });
  });

  it('treats different tones as different names', () => {
    const [name] = compareWithCard({ fullName: 'Nguyễn Văn Đức' }, { fullName: 'Nguyễn Văn Dực' });
    expect(name.same).toBe(false);
  });

  it('leaves out what the card does not say', () => {
    expect(compareWithCard({ fullName: 'A', ethnicity: 'Kinh' }, { fullName: 'A', ethnicity: null }).map((c) => c.field)).toEqual(['fullName']);
  });
});
