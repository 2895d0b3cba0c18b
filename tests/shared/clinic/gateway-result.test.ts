import { describe, expect, it } from 'vitest';
import { meaningOf } from '../../../shared/clinic/gateway-result';

describe('gateway result codes as reception reads them', () => {
  it.each([
    ['000', 'valid', 'accept', /còn giá trị/],
    ['004', 'valid', 'accept', /cấp thẻ mới/],
    ['001', 'valid', 'warn', /Bộ Quốc phòng.*giấy tờ/],
    ['002', 'valid', 'warn', /Bộ Công an.*giấy tờ/],
    ['003', 'expired', 'refuse', /mã thẻ mới/],
    ['010', 'expired', 'refuse', /hết hạn/],
    ['050', 'not-found', 'refuse', /Không tìm thấy/],
    ['051', 'refused', 'refuse', /Mã thẻ/],
    ['052', 'refused', 'refuse', /Mã tỉnh/],
    ['053', 'refused', 'refuse', /quyền lợi/],
    ['054', 'refused', 'refuse', /cán bộ/],
    ['055', 'refused', 'refuse', /CCCD của cán bộ/],
    ['060', 'refused', 'refuse', /họ tên/],
    ['061', 'refused', 'refuse', /ký tự đầu/],
    ['070', 'refused', 'refuse', /ngày sinh/],
    ['080', 'refused', 'refuse', /giới tính/],
    ['090', 'refused', 'refuse', /ban đầu/],
    ['110', 'reduced', 'refuse', /thu hồi/],
    ['120', 'reduced', 'refuse', /báo giảm/],
    ['124', 'reduced', 'refuse', /ngừng tham gia/],
    ['130', 'refused', 'refuse', /Trẻ em/],
    ['205', 'unknown', 'own-error', /phần mềm tiếp đón.*định dạng/],
    ['401', 'unknown', 'own-error', /phần mềm tiếp đón.*tài khoản/],
  ])('%s → %s (%s)', (code, status, verdict, line) => {
    const m = meaningOf(code);
    expect(m).toMatchObject({ status, verdict, known: true });
    expect(m.line).toMatch(line);
  });

  it.each([
    ['056', 'unknown'], // outside every documented range
    ['065', 'refused'], // inside 060–090
    ['054 ', 'refused'], // spacing around the code
    ['125', 'reduced'],
    ['999', 'unknown'],
    ['abc', 'unknown'],
  ])('an undocumented code %s still gets one line (%s) that quotes it', (code, status) => {
    const m = meaningOf(code);
    expect(m.status).toBe(status);
    if (!m.known) expect(m.line).toContain(code.trim());
  });

  it('no code at all is unknown, and says so', () => {
    for (const c of [null, undefined, '']) {
      expect(meaningOf(c)).toMatchObject({ status: 'unknown', verdict: 'own-error', known: false });
      expect(meaningOf(c).line).toMatch(/không có mã kết quả/);
    }
  });
});
