// Maps PC/SC return codes (as the pcsclite addon reports them: "SCardTransmit error: Card was removed.(0x80100069)")
// to the card layer's error codes. Pure, so every code path is testable without hardware.
import type { CardErrorCode } from '../card-channel';

const CODES: Record<number, CardErrorCode> = {
  0x80100069: 'removed', // SCARD_W_REMOVED_CARD
  0x8010000c: 'removed', // SCARD_E_NO_SMARTCARD
  0x80100067: 'removed', // SCARD_W_UNPOWERED_CARD
  0x80100068: 'removed', // SCARD_W_RESET_CARD: someone else reset the card; our secure session is gone
  0x80100009: 'removed', // SCARD_E_UNKNOWN_READER: the reader was unplugged
  0x80100017: 'removed', // SCARD_E_READER_UNAVAILABLE
  0x8010002e: 'removed', // SCARD_E_NO_READERS_AVAILABLE
  0x80100003: 'removed', // SCARD_E_INVALID_HANDLE: the handle died with its reader or card
  0x8010000a: 'timeout', // SCARD_E_TIMEOUT
  0x80100066: 'timeout', // SCARD_W_UNRESPONSIVE_CARD
  0x8010000f: 'protocol', // SCARD_E_PROTO_MISMATCH
  0x80100065: 'protocol', // SCARD_W_UNSUPPORTED_CARD
  0x8010000b: 'io', // SCARD_E_SHARING_VIOLATION: another program holds the card
  0x80100016: 'io', // SCARD_E_NOT_TRANSACTED
  0x8010001d: 'io', // SCARD_E_NO_SERVICE
  0x8010001e: 'io', // SCARD_E_SERVICE_STOPPED
  0x80100002: 'io', // SCARD_E_CANCELLED
  0x80100008: 'io', // SCARD_E_INSUFFICIENT_BUFFER
};

/** The 0x8010xxxx code inside a pcsclite error message, if any. */
export function pcscCode(message: string): number | undefined {
  const match = /\(0x([0-9a-f]{8})\)/i.exec(message);
  return match ? Number.parseInt(match[1]!, 16) : undefined;
}

export function cardErrorCodeFor(message: string): CardErrorCode {
  const code = pcscCode(message);
  return (code !== undefined && CODES[code]) || 'io';
}
