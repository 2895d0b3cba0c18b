import { describe, expect, it } from 'vitest';
import { rosterChannelVi } from '../../../shared/payout/roster-labels';

describe("a roster channel's name", () => {
  it('says where cash is paid in the unit\'s own word', () => {
    expect(rosterChannelVi('cash', 'Phường Hải Châu')).toBe('Tiền mặt tại phường');
    expect(rosterChannelVi('cash', 'Xã Bình Sơn')).toBe('Tiền mặt tại xã');
    expect(rosterChannelVi('cash', null)).toBe('Tiền mặt tại xã');
    expect(rosterChannelVi('own-account', 'Phường Hải Châu')).toBe('Tài khoản chính chủ');
  });
});
