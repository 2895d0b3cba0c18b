// ISO 7816-4 command APDUs and status words. Short form unless the data or Le need more: extended length is used
// only where the chip said it takes it (EF.ATR/INFO) and the reader has not refused it.
import { CardError, type CardErrorCode } from '../card-channel';

export interface ResponseApdu {
  readonly data: Uint8Array;
  readonly sw: number;
}

/** Largest Ne of a short APDU; anything larger is sent in extended form (Ne up to 65536, sent as 0000). */
export const SHORT_LE_MAX = 256;

/** Le 1..65536 (256 short as 00, 65536 extended as 0000); undefined for no Le. Data over 255 bytes or Le over 256
 *  make the APDU extended (ISO 7816-3: Lc as 00 + two bytes, Le as two bytes). */
export function commandApdu(cla: number, ins: number, p1: number, p2: number, data?: Uint8Array, le?: number): Uint8Array {
  const dataLength = data?.length ?? 0;
  if (dataLength > 65535) throw new RangeError('APDU data over 65535 bytes');
  if (le !== undefined && (le < 1 || le > 65536)) throw new RangeError('APDU Le out of range');
  const extended = dataLength > 255 || (le ?? 0) > SHORT_LE_MAX;
  if (!extended) {
    const out = new Uint8Array(4 + (dataLength > 0 ? 1 + dataLength : 0) + (le !== undefined ? 1 : 0));
    out.set([cla, ins, p1, p2]);
    let p = 4;
    if (data && dataLength > 0) {
      out[p++] = dataLength;
      out.set(data, p);
      p += dataLength;
    }
    if (le !== undefined) out[p] = le & 0xff;
    return out;
  }
  const out = new Uint8Array(4 + 1 + (dataLength > 0 ? 2 + dataLength : 0) + (le !== undefined ? 2 : 0));
  out.set([cla, ins, p1, p2, 0x00]);
  let p = 5;
  if (data && dataLength > 0) {
    out[p++] = dataLength >> 8;
    out[p++] = dataLength & 0xff;
    out.set(data, p);
    p += dataLength;
  }
  if (le !== undefined) {
    out[p++] = (le >> 8) & 0xff;
    out[p] = le & 0xff;
  }
  return out;
}

export function splitResponse(raw: Uint8Array): ResponseApdu {
  if (raw.length < 2) throw new CardError('protocol', `response of ${raw.length} bytes has no status word`);
  return { data: raw.subarray(0, raw.length - 2), sw: (raw[raw.length - 2]! << 8) | raw[raw.length - 1]! };
}

export const SW_OK = 0x9000;
export const SW_END_OF_FILE = 0x6282;

export function isSuccess(sw: number): boolean {
  return sw === SW_OK || sw === SW_END_OF_FILE || (sw & 0xff00) === 0x6100;
}

export function swHex(sw: number): string {
  return sw.toString(16).toUpperCase().padStart(4, '0');
}

/** What a refusal means for the user; `context` lets authentication steps turn 6300 into 'auth-failed'. */
export function errorForStatus(sw: number, context: string): CardError {
  let code: CardErrorCode = 'protocol';
  if (sw === 0x6982 || sw === 0x6985) code = 'access-denied';
  else if (sw === 0x6a82 || sw === 0x6a83) code = 'not-found';
  else if (sw === 0x6300 || (sw & 0xfff0) === 0x63c0) code = 'auth-failed';
  return new CardError(code, `${context}: SW ${swHex(sw)}`);
}
