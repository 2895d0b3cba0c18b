import type { FieldProblem } from './canonical-record';

// Plain Vietnamese reasons a clerk can act on. Messages never repeat ID or account numbers.
// Errors keep a value out of the record and put the row under "needs fixing"; warnings are for review.

const MESSAGES = {
  'name-missing': ['error', 'Thiếu họ tên: không nhập được dòng này.'],
  'birth-invalid': ['error', 'Ngày sinh không đọc được; cần ghi dạng ngày/tháng/năm hoặc chỉ năm.'],
  'birth-in-future': ['error', 'Ngày sinh ở sau ngày hôm nay.'],
  'birth-both-sexes': ['error', 'Năm sinh ghi ở cả cột Nam và cột Nữ; không biết giới tính.'],
  'birth-month-only': ['warning', 'Ngày sinh chỉ có tháng và năm; đã giữ năm sinh.'],
  'birth-date-unread-year-kept': ['warning', 'Ngày sinh không đọc được; đã giữ năm sinh ở cột năm sinh.'],
  'birth-two-digit-year': ['warning', 'Năm sinh viết 2 chữ số; đã hiểu là năm 19.. (50 là 1950), cần kiểm tra.'],
  'sex-invalid': ['warning', 'Giới tính không rõ (cần "Nam" hoặc "Nữ").'],
  'id-malformed': ['error', 'Số CCCD/định danh không hợp lệ; chưa lưu, cần nhập lại.'],
  'old-id-malformed': ['error', 'Số CMND cũ không hợp lệ (cần 9 chữ số); chưa lưu, cần nhập lại.'],
  'id-digits-lost': ['error', 'Số CCCD bị Excel làm mất chữ số (ô kiểu số); chưa lưu, cần nhập lại dạng văn bản.'],
  'id-sex-mismatch': ['warning', 'Chữ số giới tính trong số CCCD không khớp với giới tính ghi trong danh sách; cần kiểm tra.'],
  'id-birth-year-mismatch': ['warning', 'Năm sinh trong số CCCD không khớp với năm sinh ghi trong danh sách; cần kiểm tra.'],
  'amount-invalid': ['error', 'Số tiền trợ cấp không đọc được; cần ghi số đồng, ví dụ 1.500.000.'],
  'account-digits-lost': ['error', 'Số tài khoản đã bị Excel làm mất chữ số (ô kiểu số, dạng 1,23E+15 hoặc quá 15 chữ số): cần nhập lại số tài khoản. Đã giữ ngân hàng và cách nhận tiền.'],
  'wallet-number-invalid': ['error', 'Tài khoản ví điện tử / Mobile Money là số điện thoại 10 chữ số, bắt đầu bằng 0; chưa lưu, cần nhập lại.'],
  'account-invalid': ['error', 'Số tài khoản có ký tự không hợp lệ; chưa lưu, cần nhập lại.'],
  'bank-unknown': ['warning', 'Không nhận ra tên ngân hàng; cần chọn ngân hàng.'],
  'bank-missing': ['warning', 'Có số tài khoản nhưng thiếu tên ngân hàng.'],
  'category-unknown': ['warning', 'Không xếp được diện đối tượng (người có công, thân nhân, bảo trợ xã hội).'],
  'formula-value': ['warning', 'Ô là công thức; đã lấy giá trị Excel đã tính, cần kiểm tra.'],
  'formula-without-value': ['error', 'Ô là công thức chưa có giá trị; cần thay bằng giá trị.'],
} as const satisfies Record<string, readonly ['error' | 'warning', string]>;

export type ProblemCode = keyof typeof MESSAGES;

export function problem(field: string, code: ProblemCode): FieldProblem {
  return { field, code, message: MESSAGES[code][1] };
}

export function isError(code: string): boolean {
  return (MESSAGES as Record<string, readonly [string, string]>)[code]?.[0] === 'error';
}
