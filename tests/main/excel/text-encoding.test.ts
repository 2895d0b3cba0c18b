import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeTextFile } from '../../../main/excel/text-encoding';
import { toWindows1258Form } from '../../fixtures/excel/commune-csv';

// A payer's result file saved as text: "Thành công" must read as such, whatever Excel saved it in.
const text = 'Số tài khoản;Số tiền;Kết quả\r\n3801205123456;500.000;Thành công\r\n';

describe('a small text file in the encodings offices save', () => {
  it.each([
    ['UTF-8', Buffer.from(text, 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ['UTF-16LE (Unicode Text)', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['UTF-16BE', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])],
    ['Windows-1258', iconv.encode(toWindows1258Form(text), 'windows-1258')],
  ])('%s', (_name, bytes) => {
    expect(decodeTextFile(bytes).normalize('NFC')).toBe(text);
  });
});
