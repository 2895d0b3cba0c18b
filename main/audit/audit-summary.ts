// One Vietnamese line per audit event for the administrator (screen and workbook): what was read or sent, how much,
// which file. Details never hold an ID number, so neither does the line.

import { AUDIT_ACTION_NAMES_VI } from '../../shared/audit/action-names';

const EXPORT_KINDS: Record<string, string> = {
  'population-matching': 'đối chiếu CSDL dân cư',
  unbanked: 'chưa có tài khoản',
  'district-list': 'gửi cấp trên',
  beneficiaries: 'toàn bộ đối tượng',
};

const PURPOSES: Record<string, string> = {
  verify: 'xác thực hồ sơ',
  'new-record': 'lập hồ sơ mới',
  'clinic-check-in': 'tiếp đón trạm y tế',
  cli: 'dòng lệnh',
};

export function actionName(action: string): string {
  return (AUDIT_ACTION_NAMES_VI as Record<string, string>)[action] ?? action;
}

const count = (n: unknown) => (typeof n === 'number' ? n.toLocaleString('vi-VN') : '?');

export function auditSummary(action: string, detail: Record<string, unknown> | null, unitNames: (ids: string[]) => string[]): string {
  const d = detail ?? {};
  const units = () => (Array.isArray(d.units) ? unitNames(d.units as string[]).join(', ') || '—' : 'toàn bộ địa bàn');
  const hash = typeof d.sha256 === 'string' ? `; SHA-256 ${d.sha256}` : '';
  switch (action) {
    case 'export':
      return `Danh sách ${EXPORT_KINDS[String(d.kind ?? d.what)] ?? String(d.kind ?? d.what ?? '')}; ${count(d.count)} người; đơn vị: ${units()}${hash}`;
    case 'import-preview':
      return `Tệp "${String(d.fileName ?? '')}"; vào ${Array.isArray(d.units) ? units() : '—'}; ${count(d.records)} bản ghi (mới ${count(d.imported)}, cập nhật ${count(d.updated)}, không đổi ${count(d.unchanged)}, cần sửa ${count(d.needsFixing)})`;
    case 'card-read':
      return `Mục đích: ${PURPOSES[String(d.purpose)] ?? String(d.purpose ?? '')}; ${d.verified ? 'chữ ký hợp lệ' : 'chưa xác thực được chữ ký'}`;
    case 'card-read-failed':
      return `Mục đích: ${PURPOSES[String(d.purpose)] ?? String(d.purpose ?? '')}; lỗi ${String(d.code ?? '')}`;
    case 'audit-export':
      return `${count(d.count)} dòng nhật ký${hash}`;
    case 'database-backup':
      return `${count(d.people)} người; ${d.encrypted ? 'vẫn mã hóa' : 'KHÔNG mã hóa'}; ${count(d.sizeBytes)} byte${hash}`;
    case 'database-encrypt':
    case 'database-rekey':
    case 'database-restore':
      return typeof d.what === 'string' ? d.what : '';
    case 'csca-import':
      return `Chứng thư: ${String(d.subject ?? '')}`;
    case 'insurance-lookup':
      return `${d.background ? 'Tra lại trong nền' : 'Khi tiếp đón'}; kết quả ${String(d.status ?? '')}${d.resultCode ? ` (mã ${String(d.resultCode)})` : ''}; ${d.source === 'gateway' ? 'cổng BHXH' : d.source === 'cache' ? 'lần tra trước' : 'chưa tra được'}${d.failure ? `; ${String(d.failure)}` : ''}`;
    case 'clinic-export':
      return `Ngày ${String(d.day ?? '')}; ${count(d.count)} lượt`;
    case 'clinic-settings':
      return d.what === 'officer' ? 'Họ tên, CCCD cán bộ tiếp đón' : 'Cổng BHXH, tài khoản cơ sở';
    case 'record-open':
    case 'record-history':
      return '';
    default:
      return '';
  }
}
