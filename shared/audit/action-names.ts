import type { AUDIT_ACTIONS } from '../contract/audit';

/**
 * The Vietnamese name of each audited action, said once: the administrator's screen (through the i18n dictionary)
 * and the audit workbook written by the services both read it, so the two never drift apart.
 */
export const AUDIT_ACTION_NAMES_VI: Record<(typeof AUDIT_ACTIONS)[number], string> = {
  'record-open': 'Mở hồ sơ',
  'record-history': 'Xem lịch sử hồ sơ',
  'import-preview': 'Xem trước tệp nhập',
  export: 'Xuất danh sách',
  'card-read': 'Đọc thẻ căn cước',
  'card-read-failed': 'Đọc thẻ không thành công',
  'csca-import': 'Nhập chứng thư CSCA',
  'audit-export': 'Xuất nhật ký truy cập',
  'database-backup': 'Sao lưu cơ sở dữ liệu',
  'database-encrypt': 'Mã hóa cơ sở dữ liệu',
  'database-rekey': 'Đổi khóa mã hóa',
  'database-restore': 'Khôi phục cơ sở dữ liệu',
  'insurance-lookup': 'Tra cứu thẻ BHYT',
  'clinic-export': 'Xuất danh sách tiếp đón',
  'clinic-settings': 'Đổi cài đặt tiếp đón',
  'report-deadlines': 'Đổi hạn nộp báo cáo',
};
