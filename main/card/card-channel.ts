// The one seam between the chip protocol and whatever carries APDUs (PC/SC, the in-memory soft card).

export interface CardChannel {
  /** Sends one command APDU; resolves with the response data followed by SW1 SW2.
   *  Rejects with a CardError ('timeout', 'removed', 'io') when the card or reader stops answering. */
  transmit(apdu: Uint8Array): Promise<Uint8Array>;
  /** False when this channel's reader is known to refuse extended-length APDUs (it failed one before): reads then
   *  stay short whatever the chip takes. Absent means worth trying. */
  readonly extendedLength?: boolean;
  /** An extended-length exchange failed where short ones work: the reader is remembered as short-only. */
  extendedLengthRefused?(): void;
}

export type CardErrorCode =
  | 'timeout'
  | 'removed'
  | 'protocol'
  | 'auth-failed'
  | 'access-denied'
  | 'not-found'
  | 'malformed'
  | 'io';

const MESSAGES: Record<CardErrorCode, string> = {
  timeout: 'Thẻ không trả lời kịp; đặt lại thẻ lên đầu đọc rồi thử lại / The card did not answer in time',
  removed: 'Thẻ đã bị rút ra khỏi đầu đọc giữa chừng; đặt lại thẻ và đọc lại / The card was removed during the read',
  protocol: 'Thẻ trả lời không đúng giao thức; đọc lại, nếu vẫn lỗi hãy dùng đầu đọc khác / The card answered out of protocol',
  'auth-failed':
    'Không mở được chip: số CAN (6 số cuối của số định danh) hoặc ngày sinh/ngày hết hạn không đúng; kiểm tra và nhập lại / Access to the chip was refused: check the CAN or MRZ data',
  'access-denied': 'Chip không cho phép đọc tệp này / The chip denies access to this file',
  'not-found': 'Chip không có tệp này / The file does not exist on the chip',
  malformed: 'Dữ liệu trên chip bị hỏng hoặc sai cấu trúc; không dùng được kết quả đọc / The chip data is malformed',
  io: 'Lỗi kết nối với đầu đọc thẻ; kiểm tra dây cắm đầu đọc rồi thử lại / Reader connection error',
};

export class CardError extends Error {
  readonly code: CardErrorCode;
  /** Technical detail for --debug; never card contents. */
  readonly detail: string | undefined;

  constructor(code: CardErrorCode, detail?: string, options?: { cause?: unknown }) {
    super(MESSAGES[code], options);
    this.name = 'CardError';
    this.code = code;
    this.detail = detail;
  }

  static is(error: unknown, code?: CardErrorCode): error is CardError {
    return error instanceof CardError && (code === undefined || error.code === code);
  }
}
