// The insurance gateway's result codes (maKetQua of KQNhanLichSuKCB2024, Công văn 1923/BHXH-CNTT) as the one plain
// Vietnamese line reception reads, and what the check-in does with it.

export type InsuranceStatus = 'valid' | 'expired' | 'not-found' | 'reduced' | 'refused' | 'unknown';

/** accept: use the card; warn: use it after checking papers; refuse: not covered as presented; own-error: our side failed. */
export type Verdict = 'accept' | 'warn' | 'refuse' | 'own-error';

export interface ResultMeaning {
  status: InsuranceStatus;
  verdict: Verdict;
  /** One line for reception, in plain Vietnamese. */
  line: string;
  /** The code is one the gateway documents (else a catch-all line that quotes it). */
  known: boolean;
}

const M = (status: InsuranceStatus, verdict: Verdict, line: string): ResultMeaning => ({ status, verdict, line, known: true });

const CODES: Record<string, ResultMeaning> = {
  '000': M('valid', 'accept', 'Thẻ BHYT còn giá trị, thông tin đúng.'),
  '004': M('valid', 'accept', 'Thẻ cũ còn giá trị; người bệnh đã được cấp thẻ mới.'),
  '001': M('valid', 'warn', 'Thẻ do BHXH Bộ Quốc phòng quản lý: đề nghị kiểm tra thẻ và giấy tờ tùy thân.'),
  '002': M('valid', 'warn', 'Thẻ do BHXH Bộ Công an quản lý: đề nghị kiểm tra thẻ và giấy tờ tùy thân.'),
  '003': M('expired', 'refuse', 'Thẻ cũ đã hết giá trị; người bệnh đã được cấp thẻ mới, hãy dùng mã thẻ mới.'),
  '010': M('expired', 'refuse', 'Thẻ BHYT đã hết hạn sử dụng.'),
  '050': M('not-found', 'refuse', 'Không tìm thấy thông tin thẻ BHYT.'),
  '051': M('refused', 'refuse', 'Mã thẻ BHYT không đúng.'),
  '052': M('refused', 'refuse', 'Mã tỉnh cấp thẻ (ký tự thứ 4 và 5 của mã thẻ) không đúng.'),
  '053': M('refused', 'refuse', 'Mã quyền lợi (ký tự thứ 3 của mã thẻ) không đúng.'),
  '054': M('refused', 'refuse', 'Cổng BHXH từ chối: họ tên cán bộ tiếp đón không khớp với số CCCD của cán bộ.'),
  '055': M('refused', 'refuse', 'Cổng BHXH từ chối: số CCCD của cán bộ tiếp đón không hợp lệ hoặc chưa được đăng ký.'),
  '060': M('refused', 'refuse', 'Thông tin thẻ sai họ tên.'),
  '061': M('refused', 'refuse', 'Thông tin thẻ sai họ tên (đúng ký tự đầu).'),
  '070': M('refused', 'refuse', 'Thông tin thẻ sai ngày sinh.'),
  '080': M('refused', 'refuse', 'Thông tin thẻ sai giới tính.'),
  '090': M('refused', 'refuse', 'Thông tin thẻ sai nơi đăng ký khám chữa bệnh ban đầu.'),
  '100': M('unknown', 'own-error', 'Cổng BHXH lỗi khi lấy dữ liệu sổ thẻ: hãy tra lại sau.'),
  '101': M('unknown', 'own-error', 'Máy chủ cổng BHXH đang lỗi: hãy tra lại sau.'),
  '110': M('reduced', 'refuse', 'Thẻ BHYT đã bị thu hồi.'),
  '120': M('reduced', 'refuse', 'Thẻ BHYT đã báo giảm.'),
  '121': M('reduced', 'refuse', 'Thẻ đã báo giảm: chuyển ngoại tỉnh.'),
  '122': M('reduced', 'refuse', 'Thẻ đã báo giảm: chuyển nội tỉnh.'),
  '123': M('reduced', 'refuse', 'Thẻ đã báo giảm: thu hồi do tăng lại cùng đơn vị.'),
  '124': M('reduced', 'refuse', 'Thẻ đã báo giảm: ngừng tham gia.'),
  '130': M('refused', 'refuse', 'Trẻ em không xuất trình thẻ: cần giấy khai sinh hoặc giấy chứng sinh.'),
  '205': M('unknown', 'own-error', 'Lỗi của phần mềm tiếp đón: tham số gửi cổng BHXH sai định dạng. Hãy báo quản trị viên.'),
  '401': M('unknown', 'own-error', 'Lỗi của phần mềm tiếp đón: tài khoản cơ sở KCB bị cổng BHXH từ chối. Hãy báo quản trị viên kiểm tra cài đặt.'),
};

/** The meaning of a result code; a code the gateway does not document gets one honest line that quotes it. */
export function meaningOf(code: string | null | undefined): ResultMeaning {
  const c = typeof code === 'string' ? code.trim() : '';
  const known = CODES[c];
  if (known) return known;
  const n = /^\d{3}$/.test(c) ? Number(c) : NaN;
  // Within a documented range but not itself listed: the range's kind, still quoting the code.
  if (n >= 50 && n <= 55) return { ...M('refused', 'refuse', `Cổng BHXH từ chối thông tin thẻ (mã ${c}).`), known: false };
  if (n >= 60 && n <= 90) return { ...M('refused', 'refuse', `Thông tin thẻ không khớp với dữ liệu BHXH (mã ${c}).`), known: false };
  if (n >= 110 && n <= 130) return { ...M('reduced', 'refuse', `Thẻ đã báo giảm hoặc thu hồi (mã ${c}).`), known: false };
  return { status: 'unknown', verdict: 'own-error', line: c ? `Cổng BHXH trả mã kết quả lạ (${c}): chưa xác định được thẻ; hãy kiểm tra thẻ giấy.` : 'Cổng BHXH trả lời không có mã kết quả: chưa xác định được thẻ.', known: false };
}

export const RESULT_CODES = Object.keys(CODES);
