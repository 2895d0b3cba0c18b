import { describe, expect, it } from 'vitest';
import { statedOutcome } from '../../../main/identity/police-results-reading';

// The result column of the police's answer, in the words different offices use.
describe("the police's result words", () => {
  it.each([
    ['Trùng khớp', 'match'], ['Khớp', 'match'], ['Khớp đúng', 'match'], ['Đúng', 'match'], ['Hợp lệ', 'match'], ['Chính xác', 'match'],
    ['Đã xác thực', 'match'], ['Xác thực thành công', 'match'],
    ['Sai thông tin', 'mismatch'], ['Sai họ tên', 'mismatch'], ['Lệch ngày sinh', 'mismatch'], ['Không khớp', 'mismatch'], ['Không trùng khớp', 'mismatch'],
    ['Không đúng', 'mismatch'], ['Chưa khớp', 'mismatch'], ['Không hợp lệ', 'mismatch'], ['Không chính xác', 'mismatch'], ['Khớp một phần', 'mismatch'],
    ['Xác thực không thành công', 'mismatch'], ['Chưa xác thực', 'mismatch'], ['Thất bại', 'mismatch'],
    ['Không tìm thấy', 'notfound'], ['Không có thông tin', 'notfound'], ['Không tồn tại', 'notfound'], ['Không có trong CSDLQG', 'notfound'],
    ['Chưa có dữ liệu', 'notfound'], ['Không có dữ liệu', 'notfound'], ['Không có', 'notfound'],
    ['', null], ['Đang xử lý', null], ['Đang xác thực', null],
  ])('%j → %s', (words, outcome) => {
    expect(statedOutcome(words)).toBe(outcome);
  });
});
