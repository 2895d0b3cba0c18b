import type { HubStore } from './store';

// The hub administrator's page: offices, devices and their last contact, pending bundles, conflicts.

const esc = (v: unknown) => String(v ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const REFERENCE_LABELS: Record<string, string> = { admin_units: 'Đơn vị hành chính', payout_levels: 'Mức chuẩn trợ cấp', payout_regimes: 'Chế độ trợ cấp', csca_certificates: 'Chứng thư gốc CSCA (thẻ CCCD)', column_mappings: 'Cách đọc cột của các mẫu danh sách' };
const when = (v: unknown) => (v ? new Date(v as string).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) : '—');

export async function adminPage(store: HubStore): Promise<string> {
  const offices = await store.query(`SELECT o.name, o.unit_id, array_length(o.area, 1) AS communes, o.publishes, count(d.id) AS devices FROM offices o
    LEFT JOIN devices d ON d.office_id = o.id GROUP BY o.id ORDER BY o.name`);
  const devices = await store.query(`SELECT d.id, o.name AS office, d.enrolled_at, d.last_contact, d.revoked_at, d.acked FROM devices d JOIN offices o ON o.id = d.office_id
    ORDER BY d.last_contact DESC NULLS LAST LIMIT 500`);
  const bundles = await store.query('SELECT device_id, number, received_at, entries FROM bundles ORDER BY received_at DESC LIMIT 50');
  const published = await store.query(`SELECT entity, count(*) AS n FROM records WHERE scope = '*' GROUP BY entity ORDER BY entity`);
  const conflicts = await store.query(`SELECT device_id, seq, entity, entity_id, field, outcome, reason, created_at FROM conflicts WHERE resolved_at IS NULL
    ORDER BY created_at DESC LIMIT 200`);
  const table = (head: string[], rows: unknown[][]) => `<table><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('') || `<tr><td colspan="${head.length}">Không có</td></tr>`}</table>`;
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Máy chủ tỉnh — An Sinh Desk</title>
<style>body{font-family:sans-serif;margin:1.5rem;max-width:1200px}table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;font-size:.9rem}h2{margin-top:2rem}</style>
</head><body><h1>Máy chủ tỉnh</h1>
<h2>Văn phòng</h2>${table(['Tên', 'Đơn vị', 'Số xã', 'Thiết bị', 'Công bố dữ liệu tham chiếu'], offices.map((o) => [o.name, o.unit_id, o.communes, o.devices, o.publishes ? 'Có' : '']))}
<h2>Dữ liệu tham chiếu công bố cho mọi văn phòng</h2>${table(['Bảng', 'Số bản ghi'], published.map((p) => [REFERENCE_LABELS[String(p.entity)] ?? p.entity, p.n]))}
<h2>Thiết bị</h2>${table(['Thiết bị', 'Văn phòng', 'Đăng ký', 'Liên lạc gần nhất', 'Đã nhận đến số', 'Trạng thái'],
    devices.map((d) => [d.id, d.office, when(d.enrolled_at), when(d.last_contact), d.acked, d.revoked_at ? `Đã thu hồi ${when(d.revoked_at)}` : 'Hoạt động']))}
<h2>Gói USB đã nhận</h2>${table(['Thiết bị', 'Số gói', 'Nhận lúc', 'Số thay đổi'], bundles.map((b) => [b.device_id, b.number, when(b.received_at), b.entries]))}
<h2>Xung đột chờ xử lý</h2>${table(['Thiết bị', 'Số', 'Bảng', 'Bản ghi', 'Trường', 'Kết quả', 'Lý do', 'Lúc'],
    conflicts.map((c) => [c.device_id, c.seq, c.entity, c.entity_id, c.field, c.outcome === 'conflict' ? 'Xung đột' : 'Từ chối', c.reason, when(c.created_at)]))}
</body></html>`;
}
