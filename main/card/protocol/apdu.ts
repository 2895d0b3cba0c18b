// ISO 7816-4 command APDUs (short form: the readers we meet reject extended APDUs) and status words.
import { CardError, type CardErrorCode } from '../card-channel';

export interface ResponseApdu {
  readonly data: Uint8Array;
  readonly sw: number;
}

/** Le 1..256 (256 is sent as 00); undefined for no Le. */
export function commandApdu(cla: number, ins: number, p1: number, p2: number, data?: Uint8Array, le?: number): Uint8Array {
  const dataLength = data?.length ?? 0;
  if (dataLength > 255) throw new RangeError('short APDU data over 255 bytes');
  if (le !== undefined && (le < 1 || le > 256)) throw new RangeError('short APDU Le out of range');
  const out = new Uint8Array(4 + (dataLength > 0 ? 1 + dataLength : 0) + (le !== undefined ? 1 : 0));
  out[0] = cla;
  out[1] = ins;
  out[2] = p1;
  out[3] = p2;
  let p = 4;
  if (data && dataLength > 0) {
    out[p++] = dataLength;
    out.set(data, p);
    p += dataLength;
  }
  if (le !== undefined) out[p] = le & 0xff;
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
