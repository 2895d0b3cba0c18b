import { describe, expect, it } from 'vitest';
import { detectHeader, fieldOfHeader, headerKey, mapHeaderRow } from '../../../main/excel/header-detection';

// Wordings offices use for the same column: typed by clerks, from the ministries' templates, abbreviated,
// in capitals, without tones, with dots and line breaks. None of them is taken from our own sample files.
const WORDINGS: Record<string, string[]> = {
  fullName: ['Họ và tên', 'HỌ VÀ TÊN', 'Họ tên', 'Họ, tên', 'Họ và tên đối tượng', 'Họ tên đối tượng', 'Ho va ten', 'Tên đối tượng', 'Họ và tên người hưởng', 'Họ  và\ntên'],
  permanentAddress: ['ĐKTT', 'Đ.K.T.T', 'HKTT', 'Nơi ĐKTT', 'Địa chỉ (ĐKTT)', 'Nơi ở', 'Nơi ở hiện nay', 'Nơi ở hiện tại', 'Địa chỉ thường trú', 'Nơi đăng ký thường trú', 'Hộ khẩu thường trú', 'Hộ khẩu', 'Địa chỉ', 'NƠI CƯ TRÚ', 'Chỗ ở hiện nay', 'dia chi thuong tru'],
  accountNumber: ['STK', 'S.T.K', 'TK', 'Số TK', 'Số T.K', 'Số tài khoản', 'Số tài khoản ngân hàng', 'SỐ TÀI KHOẢN', 'Tài khoản nhận', 'Tài khoản nhận trợ cấp', 'Tài khoản', 'Số TK ngân hàng', 'TK nhận tiền', 'so tai khoan'],
  bankName: ['Tên ngân hàng', 'Ngân hàng', 'NGÂN HÀNG', 'Nơi mở TK', 'Nơi mở tài khoản', 'Mở tại ngân hàng', 'Ngân hàng mở TK', 'Ngân hàng nơi mở tài khoản', 'NH', 'Chi nhánh ngân hàng', 'Tại ngân hàng'],
  idNumber: ['CCCD', 'Số CCCD', 'CMND', 'Số CMND', 'Số CCCD/CMND', 'CCCD/CMND', 'Số định danh', 'Số định danh cá nhân', 'Số ĐDCN', 'Số Đ.D.C.N', 'CC', 'Số CC', 'Căn cước công dân', 'Số căn cước', 'Mã định danh', 'Số chứng minh nhân dân', 'Số giấy tờ tùy thân', 'Giấy tờ tùy thân'],
  oldIdNumber: ['Số CMND cũ', 'CMND cũ', 'Số CMND (cũ)', 'Chứng minh nhân dân cũ'],
  birth: ['Ngày tháng năm sinh', 'Ngày, tháng, năm sinh', 'NGÀY THÁNG NĂM SINH', 'Ngày sinh', 'Năm sinh', 'NS', 'N.S', 'N. sinh', 'Sinh ngày', 'Sinh năm', 'NTNS', 'ngay thang nam sinh'],
  sex: ['Giới tính', 'GIỚI TÍNH', 'Giới', 'Nam/Nữ', 'Nam, nữ', 'GT'],
  sexMale: ['Nam', 'NAM'],
  sexFemale: ['Nữ', 'NỮ', 'Nu'],
  village: ['Thôn', 'Xóm', 'Thôn/Xóm', 'Thôn, xóm', 'Thôn (xóm)', 'Tổ', 'Tổ dân phố', 'TDP', 'Ấp', 'Bản', 'Khu phố', 'KP', 'Thôn, tổ dân phố', 'Làng', 'Buôn', 'Khóm', 'Thôn, xóm nơi cư trú'],
  ethnicity: ['Dân tộc', 'DÂN TỘC', 'Dân tộc (Kinh, Tày…)'],
  hometown: ['Quê quán', 'QUÊ QUÁN', 'Nguyên quán', 'Que quan'],
  monthlyAmount: ['Mức trợ cấp', 'Mức trợ cấp hàng tháng', 'Mức hưởng', 'Mức hưởng hàng tháng (đồng)', 'Số tiền', 'Số tiền (đồng)', 'Số tiền được hưởng', 'Mức TC', 'Trợ cấp hàng tháng', 'Thành tiền', 'Mức chi', 'Kinh phí'],
  categoryLabel: ['Đối tượng', 'Diện hưởng', 'Diện đối tượng', 'Loại đối tượng', 'Nhóm đối tượng', 'Chế độ hưởng', 'Diện chính sách'],
  rowNumber: ['STT', 'TT', 'Số TT', 'S.T.T', 'Số thứ tự'],
  note: ['Ghi chú', 'GHI CHÚ'],
  ignored: ['Ngày cấp', 'Nơi cấp', 'Chủ tài khoản', 'Tên chủ TK', 'Người nhận thay', 'Quan hệ với chủ hộ', 'Họ và tên chủ hộ', 'Số điện thoại', 'SĐT', 'Mã ngân hàng', 'Ký nhận', 'Mã đối tượng', 'Mã số đối tượng', 'Mã hồ sơ'],
};

const CASES = Object.entries(WORDINGS).flatMap(([field, texts]) => texts.map((text) => [text, field] as const));

describe('header wordings', () => {
  it.each(CASES)('"%s" is %s', (text, field) => {
    const found = field === 'sexMale' || field === 'sexFemale' ? mapHeaderRow(['Họ và tên', 'Ngày sinh', 'CCCD', text]) : null;
    if (found) expect(found[field as 'sexMale']).toBe(3);
    else expect(fieldOfHeader(text)).toBe(field);
  });

  it.each([['Đ.K.T.T', 'dktt'], ['Số T.K', 'so tk'], ['N. sinh', 'n sinh'], ['Nơi ở', 'noi o'], ['  Họ  và\ntên ', 'ho va ten']])('key of "%s" is "%s"', (text, key) => {
    expect(headerKey(text)).toBe(key);
  });

  it.each(['Tổng cộng', 'Ngày 12 tháng 3 năm 2025', 'Nguyễn Văn An', '1.500.000', ''])('"%s" is no header', (text) => {
    expect([null, 'ignored']).toContain(fieldOfHeader(text));
  });
});

describe('header rows', () => {
  it('finds every column of a one-row header in any order', () => {
    const header = detectHeader(['STT', 'HỌ VÀ TÊN', 'NS', 'Giới tính', 'Dân tộc', 'Số ĐDCN', 'Nơi ĐKTT', 'Thôn', 'Mức hưởng', 'STK', 'Nơi mở TK', 'Ghi chú'], null)!;
    expect(header.mapping).toEqual({
      rowNumber: 0, fullName: 1, birth: 2, sex: 3, ethnicity: 4, idNumber: 5, permanentAddress: 6, village: 7, monthlyAmount: 8, accountNumber: 9, bankName: 10, note: 11,
    });
    expect(header.headerRows).toBe(1);
    expect(header.titles[6]).toBe('Nơi ĐKTT');
  });

  it('reads Nam and Nữ columns marked with an x as the sex', () => {
    expect(mapHeaderRow(['TT', 'Họ tên', 'Nam', 'Nữ', 'Năm sinh', 'HKTT'])).toMatchObject({ sexMale: 2, sexFemale: 3, birth: 4, permanentAddress: 5 });
  });

  it.each([
    {
      what: 'birth year over Nam | Nữ, account over number | bank',
      top: ['STT', 'Họ và tên', 'Năm sinh', '', 'Tài khoản nhận trợ cấp', '', 'Địa chỉ thường trú'],
      sub: ['', '', 'Nam', 'Nữ', 'Số tài khoản', 'Ngân hàng', ''],
      mapping: { rowNumber: 0, fullName: 1, birthMale: 2, birthFemale: 3, accountNumber: 4, bankName: 5, permanentAddress: 6 },
      title: [2, 'Năm sinh › Nam'],
    },
    {
      what: 'CCCD over Số | Ngày cấp | Nơi cấp',
      top: ['TT', 'Họ tên đối tượng', 'Ngày tháng năm sinh', 'CCCD', '', '', 'Nơi ở hiện nay', 'Mức trợ cấp'],
      sub: ['', '', '', 'Số', 'Ngày cấp', 'Nơi cấp', '', ''],
      mapping: { rowNumber: 0, fullName: 1, birth: 2, idNumber: 3, permanentAddress: 6, monthlyAmount: 7 },
      title: [3, 'CCCD › Số'],
    },
    {
      what: 'Giới tính over Nam | Nữ, address over thôn | xã',
      top: ['STT', 'Họ và tên', 'Giới tính', '', 'Ngày sinh', 'Địa chỉ', '', 'Số tiền'],
      sub: ['', '', 'Nam', 'Nữ', '', 'Thôn/xóm', 'Xã', ''],
      mapping: { rowNumber: 0, fullName: 1, sexMale: 2, sexFemale: 3, birth: 4, village: 5, permanentAddress: 6, monthlyAmount: 7 },
      title: [5, 'Địa chỉ › Thôn/xóm'],
    },
    {
      what: 'account holder over name | ID is left alone',
      top: ['STT', 'Họ và tên', 'Ngày sinh', 'Số CCCD', 'Người nhận thay', ''],
      sub: ['', '', '', '', 'Họ tên', 'CCCD'],
      mapping: { rowNumber: 0, fullName: 1, birth: 2, idNumber: 3 },
      title: [4, 'Người nhận thay › Họ tên'],
    },
  ])('two-row header: $what', ({ top, sub, mapping, title }) => {
    const header = detectHeader(top, sub)!;
    expect(header.headerRows).toBe(2);
    expect(header.mapping).toEqual(mapping);
    expect(header.titles[title[0] as number]).toBe(title[1]);
  });

  it('does not take a data row for a sub-header', () => {
    const header = detectHeader(['STT', 'Họ và tên', 'Năm sinh', 'CCCD'], ['1', 'Nguyễn Văn An', '1950', '001050012345'])!;
    expect(header.headerRows).toBe(1);
  });

  it('needs the name and two other kinds of column', () => {
    expect(mapHeaderRow(['STT', 'Họ và tên', 'Ghi chú'])).toBeNull();
    expect(mapHeaderRow(['STT', 'Ngày sinh', 'CCCD', 'STK'])).toBeNull();
  });
});

describe('names and birth dates split over several columns', () => {
  it.each([
    [['STT', 'Họ và tên đệm', 'Tên', 'Ngày sinh', 'Số CCCD']],
    [['STT', 'Họ đệm', 'Tên', 'Ngày sinh', 'Số CCCD']],
    [['STT', 'Họ, chữ đệm', 'Tên', 'Ngày sinh', 'Số CCCD']],
    [['STT', 'HỌ', 'TÊN', 'Ngày sinh', 'Số CCCD']],
  ])('%j: the family part, then the given name', (top) => {
    expect(mapHeaderRow(top)).toMatchObject({ fullName: 1, givenName: 2, birth: 3, idNumber: 4 });
  });

  it.each([
    [['STT', 'Họ', 'Chữ đệm', 'Tên', 'Ngày sinh', 'Số CCCD']],
    [['STT', 'HỌ', 'TÊN ĐỆM', 'TÊN', 'Ngày sinh', 'Số CCCD']],
    [['STT', 'Họ', 'Tên lót', 'Tên', 'Ngày sinh', 'Số CCCD']],
    [['STT', 'Họ', 'Đệm', 'Tên', 'Ngày sinh', 'Số CCCD']],
  ])('%j: the family name, the middle name, the given name', (top) => {
    expect(mapHeaderRow(top)).toMatchObject({ fullName: 1, middleName: 2, givenName: 3, birth: 4, idNumber: 5 });
  });

  it('"Họ và tên" over "Họ" | "Chữ đệm" | "Tên"', () => {
    const header = detectHeader(['STT', 'Họ và tên', '', '', 'Ngày sinh', 'Số ĐDCN'], ['', 'Họ', 'Chữ đệm', 'Tên', '', ''])!;
    expect(header.mapping).toMatchObject({ fullName: 1, middleName: 2, givenName: 3, birth: 4, idNumber: 5 });
  });

  it('"Ngày sinh" beside "Năm sinh": the year is the fallback; a lone "Năm sinh" stays the birth', () => {
    expect(mapHeaderRow(['STT', 'Họ và tên', 'Ngày sinh', 'Năm sinh', 'Số CCCD'])).toMatchObject({ birth: 2, birthYear: 3 });
    expect(mapHeaderRow(['STT', 'Họ và tên', 'Năm sinh', 'Số CCCD', 'Thôn'])).not.toHaveProperty('birthYear');
  });

  it('a whole name column is never split by a "Tên" somewhere else', () => {
    expect(mapHeaderRow(['STT', 'Họ và tên', 'Ngày sinh', 'Số CCCD', 'Tên'])).not.toHaveProperty('givenName');
  });

  it('"Họ và tên" over "Họ đệm" | "Tên", and "Ngày sinh" over "Ngày" | "Tháng" | "Năm" (the year is no "Nam" mark)', () => {
    const top = ['TT', 'Họ và tên', '', 'Ngày sinh', '', '', 'Giới tính', '', 'Số CCCD', 'Đối tượng'];
    const sub = ['', 'Họ đệm', 'Tên', 'Ngày', 'Tháng', 'Năm', 'Nam', 'Nữ', '', ''];
    const header = detectHeader(top, sub)!;
    expect(header.headerRows).toBe(2);
    expect(header.mapping).toEqual({ rowNumber: 0, fullName: 1, givenName: 2, birthDay: 3, birthMonth: 4, birthYear: 5, sexMale: 6, sexFemale: 7, idNumber: 8, categoryLabel: 9 });
    expect(header.titles).toEqual(['TT', 'Họ và tên › Họ đệm', 'Họ và tên › Tên', 'Ngày sinh › Ngày', 'Ngày sinh › Tháng', 'Ngày sinh › Năm',
      'Giới tính › Nam', 'Giới tính › Nữ', 'Số CCCD', 'Đối tượng']);
  });

  it('"Họ và tên đệm" | "Tên" in the top row, merged down, beside "Ngày sinh" over "Nam" | "Nữ"', () => {
    const top = ['STT', 'Họ và tên đệm', 'Tên', 'Ngày sinh', '', 'Số định danh', 'Địa chỉ', 'Đối tượng'];
    const sub = ['', '', '', 'Nam', 'Nữ', '', '', ''];
    expect(detectHeader(top, sub)!.mapping).toEqual({ rowNumber: 0, fullName: 1, givenName: 2, birthMale: 3, birthFemale: 4, idNumber: 5, permanentAddress: 6, categoryLabel: 7 });
    // A whole name in the top row is not split by a "Tên" column under another heading.
    const guardian = detectHeader(['STT', 'Họ và tên', 'Ngày sinh', '', 'Số CCCD', 'Người giám hộ', ''], ['', '', 'Nam', 'Nữ', '', 'Họ đệm', 'Tên'])!;
    expect(guardian.mapping).toMatchObject({ fullName: 1, birthMale: 2, birthFemale: 3, idNumber: 4 });
    expect(guardian.mapping).not.toHaveProperty('givenName');
  });

  it('"Năm sinh" over "Nam" | "Nữ" stays the year by sex', () => {
    expect(detectHeader(['TT', 'Họ và tên', 'Năm sinh', '', 'CCCD'], ['', '', 'Nam', 'Nữ', ''])!.mapping).toMatchObject({ birthMale: 2, birthFemale: 3 });
  });

  it('"Ngày sinh" | "Tháng sinh" | "Năm sinh" side by side', () => {
    expect(mapHeaderRow(['TT', 'Họ và tên', 'Ngày sinh', 'Tháng sinh', 'Năm sinh', 'CCCD'])).toEqual({ rowNumber: 0, fullName: 1, birthDay: 2, birthMonth: 3, birthYear: 4, idNumber: 5 });
  });

  it('a header row with missing cells (holes in the row) still gives every title', () => {
    const top: string[] = [];
    top[0] = 'STT'; top[1] = 'Họ và tên'; top[3] = 'Ngày sinh'; top[5] = 'Số CCCD';
    const header = detectHeader(top, null)!;
    expect(header.titles).toEqual(['STT', 'Họ và tên', '', 'Ngày sinh', '', 'Số CCCD']);
  });
});
