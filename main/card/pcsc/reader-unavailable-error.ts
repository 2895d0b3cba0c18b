// Why no card can be read right now: the situations before a card conversation starts (the CardError codes cover
// what goes wrong during one).

export type ReaderUnavailableReason = 'no-driver' | 'no-service' | 'no-reader' | 'reader-not-found' | 'no-card' | 'card-mute';

const MESSAGES: Record<ReaderUnavailableReason, string> = {
  'no-driver':
    'Máy chưa cài thành phần đọc thẻ chip (pcsclite) nên chưa đọc được thẻ; các chức năng khác vẫn dùng bình thường / Card reading is unavailable: the PC/SC addon is not installed',
  'no-service':
    'Dịch vụ đầu đọc thẻ (PC/SC) chưa chạy; khởi động lại máy hoặc báo quản trị viên / The smart card service (PC/SC) is not running',
  'no-reader': 'Không thấy đầu đọc thẻ nào; cắm đầu đọc vào máy rồi thử lại / No card reader is connected',
  'reader-not-found': 'Không thấy đầu đọc thẻ có tên đã chọn; chọn lại đầu đọc / The selected card reader was not found',
  'no-card': 'Chưa có thẻ trên đầu đọc; đặt thẻ căn cước lên đầu đọc rồi thử lại / No card on the reader',
  'card-mute':
    'Thẻ trên đầu đọc không trả lời; nhấc thẻ ra, đặt lại cho ngay ngắn / The card on the reader does not answer',
};

export class ReaderUnavailableError extends Error {
  readonly reason: ReaderUnavailableReason;
  /** Technical detail for --debug (never card contents). */
  readonly detail: string | undefined;

  constructor(reason: ReaderUnavailableReason, detail?: string) {
    super(MESSAGES[reason]);
    this.name = 'ReaderUnavailableError';
    this.reason = reason;
    this.detail = detail;
  }
}
