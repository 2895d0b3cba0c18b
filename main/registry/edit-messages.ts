import type { FieldProblem } from '../../shared/canonical-record';
import { isError } from '../excel/problems';

// What a clerk is told at a field of the edit form when the import has no such case (the import's own messages,
// main/excel/problems.ts, are used for every rule the two share). Messages never repeat ID or account numbers.

const VERIFIED_BY: Record<string, string> = { chip: 'qua chip thẻ căn cước', population: 'với cơ sở dữ liệu dân cư', manual: 'thủ công' };

const MESSAGES = {
  'name-required': () => 'Cần nhập họ và tên.',
  'id-is-old-id': () => 'Số 9 chữ số là số CMND cũ; hãy ghi vào ô "Số CMND cũ".',
  'category-required': () => 'Cần chọn nhóm đối tượng.',
  'category-group-unknown': () => 'Nhóm đối tượng không có trong danh mục.',
  'verified-needs-reason': (p: Record<string, string>) => `Trường này đã được xác thực ${VERIFIED_BY[p.how] ?? ''}; muốn sửa cần ghi lý do; sau khi sửa, trường này không còn được coi là đã xác thực.`,
  'verified-cleared': (p: Record<string, string>) => `Đã sửa theo lý do đã ghi; trường này trước đã xác thực ${VERIFIED_BY[p.how] ?? ''}, nay không còn được coi là đã xác thực (cần xác thực lại).`,
  'status-date-required': () => 'Cần ghi ngày (dd/mm/yyyy).',
  'status-date-invalid': () => 'Ngày không đọc được; cần ghi dạng ngày/tháng/năm.',
  'status-date-future': () => 'Ngày ở sau ngày hôm nay.',
  'reason-required': () => 'Cần ghi lý do.',
  'account-number-required': () => 'Cần nhập số tài khoản.',
  'account-letters': () => 'Số tài khoản chỉ gồm chữ số; có chữ cái hoặc ký tự khác, chưa lưu.',
  'account-length': (p: Record<string, string>) => `Số tài khoản ${p.kind === 'bank' ? 'ngân hàng cần từ 6 đến 19 chữ số' : 'ví điện tử / Mobile Money là số điện thoại 10 chữ số, bắt đầu bằng 0'}.`,
  'bank-required': () => 'Cần chọn ngân hàng (gõ tên, tên viết tắt hoặc mã BIN).',
  'bank-unknown-bin': () => 'Không có ngân hàng mang mã BIN này trong danh mục.',
  'wallet-unknown': () => 'Không có ví / dịch vụ này trong danh mục; hãy chọn trong danh sách.',
  'account-stale': () => 'Tài khoản vừa được người khác sửa; hãy mở lại hồ sơ rồi làm lại.',
  'holder-required': () => 'Cần ghi họ tên chủ tài khoản.',
  'holder-id-required': () => 'Tài khoản của người được ủy quyền: cần ghi số định danh của người đó.',
  'second-active-account': () => 'Đối tượng đã có một tài khoản đang dùng cho mục đích này; hãy đóng tài khoản cũ trước.',
  'household-missing': () => 'Không tìm thấy hộ gia đình này trong xã.',
  'household-head-required': () => 'Cần ghi họ tên chủ hộ.',
} as const satisfies Record<string, (p: Record<string, string>) => string>;

export type EditProblemCode = keyof typeof MESSAGES;

export function editProblem(field: string, code: EditProblemCode, params: Record<string, string> = {}): FieldProblem {
  return { field, code, message: MESSAGES[code](params) };
}

/** Refusals keep the save from happening; the import's warnings (month-only birth…) are saved and stay to review. */
export function isRefusal(code: string): boolean {
  return code in MESSAGES || code === 'id-taken' || isError(code);
}
