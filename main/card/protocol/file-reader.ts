// Reads elementary files in as few APDUs as their size allows: SELECT, then READ BINARY in chunks of 223 bytes
// (a short protected response fits for AES and 3DES). The first chunk tells the file's length from its TLV header,
// so no separate header read. On an error the chunk shrinks and the read resumes where it stopped.
import { CardError } from '../card-channel';
import { SW_END_OF_FILE, SW_OK, errorForStatus, swHex } from './apdu';
import type { ChipSession } from './chip-session';
import { readTlvHeader } from './tlv';

export const DEFAULT_CHUNK = 223;
const SMALLEST_CHUNK = 32;
/** P1-P2 addressing of READ BINARY stops at 32767. */
const MAX_OFFSET = 0x7fff;

export interface FileReaderOptions {
  chunk?: number;
  /** Failed reads tolerated per file before giving up. */
  maxFailures?: number;
}

function retryable(error: unknown): boolean {
  return error instanceof CardError && (error.code === 'protocol' || error.code === 'io');
}

export class FileReader {
  chunk: number;
  private readonly maxFailures: number;

  constructor(
    private readonly session: ChipSession,
    options: FileReaderOptions = {},
  ) {
    this.chunk = options.chunk ?? DEFAULT_CHUNK;
    this.maxFailures = options.maxFailures ?? 4;
  }

  async select(fid: number): Promise<void> {
    const r = await this.session.send(0x00, 0xa4, 0x02, 0x0c, Uint8Array.of(fid >> 8, fid & 0xff));
    if (r.sw !== SW_OK) throw errorForStatus(r.sw, `SELECT ${fid.toString(16)}`);
  }

  /** The whole file, or throws: 'not-found', 'access-denied', 'malformed', or what the transport reported. */
  async readFile(fid: number, alreadySelected = false): Promise<Uint8Array> {
    let failures = 0;
    let selectedIn = alreadySelected ? this.session.generation : -1;
    let buffer: Uint8Array | null = null;
    let total = -1;
    let got = 0;
    let first: Uint8Array | null = null;

    let lengthRejected = false;
    let consecutive = 0;
    const fail = (error: unknown): void => {
      failures++;
      consecutive++;
      if (!retryable(error) || failures > this.maxFailures) throw error;
      // A refused length shrinks the reads at once; other breaks retry the same size first.
      if (lengthRejected || consecutive >= 2) this.chunk = Math.max(SMALLEST_CHUNK, Math.floor(this.chunk / 2));
      lengthRejected = false;
    };

    while (total < 0 || got < total) {
      if (got > MAX_OFFSET) throw new CardError('malformed', 'file larger than short READ BINARY can address');
      try {
        await this.session.ensureOpen();
        if (selectedIn !== this.session.generation) {
          await this.select(fid);
          selectedIn = this.session.generation;
        }
        const want = total < 0 ? this.chunk : Math.min(this.chunk, total - got);
        const r = await this.session.send(0x00, 0xb0, (got >> 8) & 0x7f, got & 0xff, undefined, want);
        let data = r.data;
        if ((r.sw & 0xff00) === 0x6c00 && (r.sw & 0xff) > 0) {
          // "Wrong Le, exact length is SW2": ask again with it.
          const exact = await this.session.send(0x00, 0xb0, (got >> 8) & 0x7f, got & 0xff, undefined, r.sw & 0xff);
          if (exact.sw !== SW_OK && exact.sw !== SW_END_OF_FILE) throw errorForStatus(exact.sw, 'READ BINARY');
          data = exact.data;
        } else if (r.sw !== SW_OK && r.sw !== SW_END_OF_FILE) {
          if (r.sw === 0x6982 || r.sw === 0x6a82) throw errorForStatus(r.sw, 'READ BINARY');
          if (r.sw === 0x6b00 && total >= 0) throw new CardError('malformed', 'file is shorter than its length says');
          lengthRejected = r.sw === 0x6700;
          throw new CardError('protocol', `READ BINARY at ${got}: SW ${swHex(r.sw)}`);
        }
        if (data.length > want) throw new CardError('protocol', 'chip sent more bytes than asked');
        if (total < 0) {
          first = first && first.length > 0 ? joinFirst(first, data) : data;
          let header: ReturnType<typeof readTlvHeader>;
          try {
            header = readTlvHeader(first);
          } catch (error) {
            if (data.length === 0 || first.length >= 8) throw error;
            got = first.length;
            continue;
          }
          total = header.headerLength + header.valueLength;
          buffer = new Uint8Array(total);
          const take = Math.min(first.length, total);
          buffer.set(first.subarray(0, take), 0);
          got = take;
          first = null;
          if (data.length === 0 && got < total) throw new CardError('malformed', 'file is shorter than its length says');
          continue;
        }
        if (data.length === 0) throw new CardError('malformed', 'file is shorter than its length says');
        const take = Math.min(data.length, total - got);
        buffer!.set(data.subarray(0, take), got);
        got += take;
        consecutive = 0;
      } catch (error) {
        fail(error);
        if (total < 0 && first) got = first.length;
      }
    }
    return buffer!;
  }
}

function joinFirst(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
