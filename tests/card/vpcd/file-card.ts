// A small transparent-file card for transport tests through the virtual reader: SELECT by file ID, READ BINARY,
// and a few commands that exercise what the PC/SC layer must handle itself (61xx chaining, 6Cxx wrong Le, echo).
// It knows nothing of ICAO; the soft CCCD chip covers the eMRTD protocol.
import type { SoftCard } from '../soft-card/soft-card';

/** CLA 80 commands of this card. */
export const FILE_CARD_INS = {
  /** Returns the command data unchanged. */
  echo: 0x10,
  /** Answers 61xx and hands the data (the command data, repeated P1 times) out through GET RESPONSE. */
  chainedEcho: 0x12,
  /** Answers 6Cxx unless Le equals the data length exactly, then returns the data. */
  exactLeEcho: 0x14,
} as const;

/** A contactless-style ATR (3B 8n 80 01, historical bytes, TCK) announcing T=1. */
export function buildAtr(historical: Uint8Array): Uint8Array {
  const atr = Uint8Array.of(0x3b, 0x80 | historical.length, 0x80, 0x01, ...historical, 0);
  let tck = 0;
  for (let i = 1; i < atr.length - 1; i++) tck ^= atr[i]!;
  atr[atr.length - 1] = tck;
  return atr;
}

const SW_OK = [0x90, 0x00] as const;

function sw(sw1: number, sw2: number, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const out = new Uint8Array(data.length + 2);
  out.set(data);
  out[data.length] = sw1;
  out[data.length + 1] = sw2;
  return out;
}

interface Apdu {
  cla: number;
  ins: number;
  p1: number;
  p2: number;
  data: Uint8Array;
  /** Expected response length; undefined when the command has no Le. 256 for a short Le of 00. */
  le: number | undefined;
}

// Short APDUs only: that is all this test card needs.
function parseApdu(apdu: Uint8Array): Apdu | undefined {
  if (apdu.length < 4) return undefined;
  const [cla, ins, p1, p2] = apdu as unknown as [number, number, number, number];
  if (apdu.length === 4) return { cla, ins, p1, p2, data: new Uint8Array(0), le: undefined };
  if (apdu.length === 5) return { cla, ins, p1, p2, data: new Uint8Array(0), le: apdu[4] || 256 };
  const lc = apdu[4]!;
  if (lc === 0 || apdu.length < 5 + lc || apdu.length > 6 + lc) return undefined;
  const data = apdu.slice(5, 5 + lc);
  const le = apdu.length === 6 + lc ? apdu[5 + lc] || 256 : undefined;
  return { cla, ins, p1, p2, data, le };
}

export class FileCard implements SoftCard {
  readonly atr = buildAtr(new TextEncoder().encode('ANSINH-T'));
  powered = false;
  private selected: Uint8Array | undefined;
  private outgoing: Uint8Array | undefined;

  constructor(private readonly files: ReadonlyMap<number, Uint8Array>) {}

  powerOn(): void {
    this.powered = true;
    this.selected = undefined;
    this.outgoing = undefined;
  }

  powerOff(): void {
    this.powered = false;
    this.selected = undefined;
    this.outgoing = undefined;
  }

  process(bytes: Uint8Array): Uint8Array {
    const apdu = parseApdu(bytes);
    if (!apdu) return sw(0x67, 0x00);
    if (apdu.ins === 0xc0 && apdu.cla === 0x00) return this.getResponse(apdu.le ?? 256);
    this.outgoing = undefined;
    if (apdu.cla === 0x00 && apdu.ins === 0xa4) return this.select(apdu);
    if (apdu.cla === 0x00 && apdu.ins === 0xb0) return this.readBinary(apdu);
    if (apdu.cla === 0x80) return this.proprietary(apdu);
    return sw(0x6d, 0x00);
  }

  private select(apdu: Apdu): Uint8Array {
    if (apdu.data.length !== 2) return sw(0x6a, 0x86);
    const file = this.files.get((apdu.data[0]! << 8) | apdu.data[1]!);
    if (!file) return sw(0x6a, 0x82);
    this.selected = file;
    return sw(...SW_OK);
  }

  private readBinary(apdu: Apdu): Uint8Array {
    if (!this.selected) return sw(0x69, 0x86);
    const offset = (apdu.p1 << 8) | apdu.p2;
    if (offset > this.selected.length) return sw(0x6b, 0x00);
    const end = Math.min(this.selected.length, offset + (apdu.le ?? 256));
    return sw(0x90, 0x00, this.selected.subarray(offset, end));
  }

  private proprietary(apdu: Apdu): Uint8Array {
    switch (apdu.ins) {
      case FILE_CARD_INS.echo:
        return sw(0x90, 0x00, apdu.data);
      case FILE_CARD_INS.chainedEcho: {
        const data = new Uint8Array(apdu.data.length * Math.max(1, apdu.p1));
        for (let i = 0; i < data.length; i += apdu.data.length) data.set(apdu.data, i);
        this.outgoing = data;
        return sw(0x61, Math.min(data.length, 256) & 0xff);
      }
      case FILE_CARD_INS.exactLeEcho:
        if (apdu.le !== apdu.data.length) return sw(0x6c, apdu.data.length & 0xff);
        return sw(0x90, 0x00, apdu.data);
      default:
        return sw(0x6d, 0x00);
    }
  }

  private getResponse(le: number): Uint8Array {
    const data = this.outgoing;
    if (!data) return sw(0x69, 0x85);
    const part = data.subarray(0, le);
    const rest = data.subarray(part.length);
    this.outgoing = rest.length ? rest : undefined;
    return rest.length ? sw(0x61, Math.min(rest.length, 256) & 0xff, part) : sw(0x90, 0x00, part);
  }
}
