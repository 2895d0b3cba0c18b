// Transport-level status words (ISO 7816-4 / T=0 conventions that some readers and cards pass through under T=1):
// 61xx "more data: send GET RESPONSE", 6Cxx "wrong Le: resend with Le = xx". Handled here so the protocol layer
// sees one complete response per command, whatever reader carries it.

export type RawTransmit = (apdu: Uint8Array) => Promise<Uint8Array>;

/** A response can never legitimately be longer than this many GET RESPONSE rounds (65536 bytes at 256 a round). */
const MAX_GET_RESPONSE_ROUNDS = 257;

export class ChainingError extends Error {}

function withLe(apdu: Uint8Array, le: number): Uint8Array | undefined {
  // Only short APDUs carry a one-byte Le that can be replaced: case 2 (CLA INS P1 P2 Le) and case 4 (… Lc data Le).
  if (apdu.length === 5) return Uint8Array.of(...apdu.subarray(0, 4), le);
  if (apdu.length > 5 && apdu[4] !== 0 && apdu.length === 6 + apdu[4]!) {
    const copy = apdu.slice();
    copy[copy.length - 1] = le;
    return copy;
  }
  return undefined;
}

export async function transmitWithChaining(raw: RawTransmit, apdu: Uint8Array): Promise<Uint8Array> {
  let response = await raw(apdu);
  if (response.length < 2) return response;

  let sw1 = response[response.length - 2]!;
  if (sw1 === 0x6c) {
    const retry = withLe(apdu, response[response.length - 1]!);
    if (retry) {
      response = await raw(retry);
      if (response.length < 2) return response;
      sw1 = response[response.length - 2]!;
    }
  }

  if (sw1 !== 0x61) return response;
  const parts: Uint8Array[] = [response.subarray(0, response.length - 2)];
  let total = parts[0]!.length;
  for (let round = 0; ; round++) {
    if (round >= MAX_GET_RESPONSE_ROUNDS) throw new ChainingError('card keeps answering 61xx');
    const le = response[response.length - 1]!;
    // GET RESPONSE keeps the logical channel bits of the original CLA.
    response = await raw(Uint8Array.of(apdu[0]! & 0x03, 0xc0, 0x00, 0x00, le));
    if (response.length < 2) return response;
    const data = response.subarray(0, response.length - 2);
    parts.push(data);
    total += data.length;
    if (response[response.length - 2] !== 0x61) break;
  }
  const out = new Uint8Array(total + 2);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  out.set(response.subarray(response.length - 2), offset);
  return out;
}
