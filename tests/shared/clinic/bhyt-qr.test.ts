import { describe, expect, it } from 'vitest';
import { hexUtf8OrText, parseBhytQr } from '../../../shared/clinic/bhyt-qr';
import { classifyScan } from '../../../shared/clinic/scanned-text';

const hex = (s: string) => Array.from(new TextEncoder().encode(s), (b) => b.toString(16).padStart(2, '0')).join('');
const NAME = 'Lê Phương Thảo';
const ADDRESS = 'Thôn Đông, Xã Bình Sơn, Tỉnh Ninh Bình';
const QR = `HS4010120878811|${hex(NAME)}|15/03/2003|2|${hex(ADDRESS)}|01 - 054|01/01/2026|31/12/2026|01/01/2026|0120878811|-|4|01/01/2018|e1cbeb56e3148c4b-7102|$`;

describe('the paper BHYT card QR', () => {
  it('reads the card code, the hex-encoded name and address, and the dates', () => {
    expect(parseBhytQr(QR)).toEqual({
      raw: QR, cardCode: 'HS4010120878811', fullName: NAME, birth: '2003-03-15', sex: 'F', address: ADDRESS,
      initialFacility: '01054', validFrom: '2026-01-01', validTo: '2026-12-31', fiveYearsFrom: '2018-01-01',
    });
  });

  it('tolerates a name in clear, a birth year, no end marker, a CRLF and missing trailing fields', () => {
    const qr = parseBhytQr('TE1370123456789|Nguyễn Văn An|2021|1|\r\n');
    expect(qr).toMatchObject({ cardCode: 'TE1370123456789', fullName: 'Nguyễn Văn An', birth: '2021', sex: 'M', address: null,
      initialFacility: null, validFrom: null, validTo: null, fiveYearsFrom: null });
  });

  it('tolerates upper-case hex and a validity end written "-"', () => {
    const qr = parseBhytQr(`GD4373712345678|${hex(NAME).toUpperCase()}|01/02/1960|2|${hex(ADDRESS)}|37-001|01/03/2026|-|01/03/2026|3712345678|$`);
    expect(qr).toMatchObject({ fullName: NAME, validFrom: '2026-03-01', validTo: null, initialFacility: '37001' });
  });

  it('keeps a hex-looking field that is not UTF-8 text as written', () => {
    expect(hexUtf8OrText('ff00ff00')).toBe('ff00ff00');
    expect(hexUtf8OrText('0123')).toBe('0123'); // decodes to control bytes, not letters
    expect(hexUtf8OrText('-')).toBeNull();
  });

  it.each([
    ['001085012345|012345678|Nguyễn Thị Thu Hương|07031985|Nữ|Hà Nội|10072021', 'cccd'],
    [QR, 'bhyt'],
    ['https://example.vn/pay?amount=10000', 'other'],
    ['00020101021238570010A000000727', 'other'], // a VietQR payment code
    ['HS4010120878811', 'other'], // a card code alone is not a QR (typed, not scanned)
    ['XX9990000000000|a|b', 'other'],
  ])('a scan is told apart: %s → %s', (text, kind) => {
    expect(classifyScan(text).kind).toBe(kind);
  });
});
