import type { BlockCode, RosterChannel } from './roster-line';
import { communeWord } from '../text/commune-word';

// The Vietnamese names of a roster's status and channels, for what is printed as text (the command line, the cash
// line of the printed roster);
// the screens take theirs from the i18n dictionaries.
export const ROSTER_STATUS_VI: Readonly<Record<'draft' | 'approved' | 'locked', string>> = { draft: 'nháp', approved: 'đã duyệt', locked: 'đã khoá' };

const ROSTER_CHANNEL_VI: Readonly<Record<Exclude<RosterChannel, 'cash'>, string>> = {
  'own-account': 'Tài khoản chính chủ',
  'authorised-account': 'Tài khoản người được ủy quyền',
  'post-office': 'Bưu điện',
};

/** A channel's name; cash is paid at the unit's office, "tại xã" or "tại phường" in its own word. */
export function rosterChannelVi(channel: RosterChannel, unitName: string | null): string {
  return channel === 'cash' ? `Tiền mặt tại ${communeWord(unitName ?? '')}` : ROSTER_CHANNEL_VI[channel];
}

export const BLOCK_VI: Readonly<Record<BlockCode, string>> = {
  'identity-not-verified': 'Chưa xác thực định danh',
  'duplicate-open': 'Nghi trùng người đang chờ xử lý',
  'no-usable-account': 'Chưa có tài khoản dùng được',
  stopped: 'Đã dừng hưởng',
  deceased: 'Đã mất',
  moved: 'Đã chuyển đi',
  'no-coefficient': 'Chưa xác định được hệ số',
  'no-level': 'Chưa có mức chuẩn',
  recovery: 'Cần thu hồi',
};
