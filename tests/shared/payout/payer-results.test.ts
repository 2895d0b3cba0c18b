import { describe, expect, it } from 'vitest';
import { amountOf, outcomeOf, readPayerFile } from '../../../shared/payout/payer-results';

describe("a payer's result text", () => {
  it.each([
    ['Thành công', 'paid'], ['TC', 'paid'], ['Đã hạch toán', 'paid'], ['Đã ghi có', 'paid'], ['SUCCESS', 'paid'], ['Đã chi trả', 'paid'],
    ['Thất bại', 'failed'], ['Không thành công', 'failed'], ['KTC', 'failed'], ['Lỗi', 'failed'], ['Từ chối', 'failed'], ['Chưa chi', 'failed'],
    ['Hoàn trả', 'returned'], ['Trả lại', 'returned'], ['Thoái hoàn', 'returned'],
    ['Chờ xử lý', null], ['', null], ['Nguyễn Thị Thủy', null],
  ])('%s → %s', (text, outcome) => {
    expect(outcomeOf(text)).toBe(outcome);
  });
});

describe('an amount as payers write it', () => {
  it.each([
    [1250000, 1_250_000], ['1.250.000', 1_250_000], ['1,250,000', 1_250_000], ['1 250 000 đ', 1_250_000], ['1.250.000 VNĐ', 1_250_000],
    ['1.250.000,00', 1_250_000], ['1,250,000.00', 1_250_000], ['750,000', 750_000], ['750.000', 750_000], ['500000', 500_000],
    ['1.250.000,50', null], ['12,5', null], ['abc', null], [null, null],
  ])('%s → %s', (written, amount) => {
    expect(amountOf(written)).toBe(amount);
  });
});

describe("a bank's own result layout", () => {
  const cells = [
    ['NGÂN HÀNG NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN VIỆT NAM'],
    ['BẢNG KÊ KẾT QUẢ CHUYỂN TIỀN THEO LÔ'],
    ['Số lô: 20261205-0012', null, 'Ngày: 05/12/2026'],
    ['STT', 'Số TK nhận', 'Tên tài khoản', 'Số tiền (VNĐ)', 'Ngày GD', 'Trạng thái GD', 'Mô tả lỗi'],
    [1, '108876543210', 'HA THI HOA', '1.250.000', '05/12/2026', 'Thành công', ''],
    [2, 3801205123456, 'HA VAN THUONG', 500000, '05/12/2026', 'Thất bại', 'Tài khoản không tồn tại'],
    [3, 912345678, 'VI VAN KHOA', '750,000', '05/12/2026', 'TC', ''],
    [null, 'Tổng cộng', null, 2500000],
    [null, null, 'Người lập', null, 'Kiểm soát'],
  ];

  it('reads each row by its own headings, skips the total and signature rows, and names no period from a transaction date', () => {
    const file = readPayerFile(cells)!;
    expect(file.periods).toEqual([]);
    expect(file.rows).toEqual([
      { row: 5, key: null, accountNumber: '108876543210', amount: 1_250_000, outcome: 'paid', outcomeText: 'Thành công', reason: null },
      { row: 6, key: null, accountNumber: '3801205123456', amount: 500_000, outcome: 'failed', outcomeText: 'Thất bại', reason: 'Tài khoản không tồn tại' },
      { row: 7, key: null, accountNumber: '912345678', amount: 750_000, outcome: 'paid', outcomeText: 'TC', reason: null },
    ]);
  });
});

describe("the unit's code in a result file's banner", () => {
  const withBanner = (banner: string) => [
    ['DANH SÁCH CHI TRẢ QUA TÀI KHOẢN THÁNG 12/2026'],
    [banner],
    ['STT', 'Mã giao dịch', 'Số tài khoản', 'Số tiền (đồng)', 'Kết quả'],
    [1, '2026-12:abc:btxh-monthly', '108876543210', 500000, 'Thành công'],
  ];

  it.each([
    ['Kỳ chi trả: tháng 12/2026 — Mã xã: 13558', ['13558']],
    ['Kỳ chi trả: tháng 12/2026 — Mã phường: 20242', ['20242']],
    ['Kỳ chi trả: tháng 12/2026 — Mã đặc khu: 31234', ['31234']],
    ['Mã ĐVHC: 20242', ['20242']],
    ['MÃ PHƯỜNG 20242', ['20242']],
    ['Kỳ chi trả: tháng 12/2026', []],
    ['Mã giao dịch: 123456789', []],
  ])('%s → %j', (banner, codes) => {
    expect(readPayerFile(withBanner(banner))!.communeCodes).toEqual(codes);
  });
});
