// Reads elementary files in as few APDUs as their size allows. The first READ BINARY names the file by its short
// file identifier (SFI), which selects and reads in one APDU; a chip that refuses that gets a SELECT. Chunks are 223
// bytes (a short protected response fits for AES and 3DES), or as large as the chip says it answers in extended
// length (EF.ATR/INFO) when the reader has not refused extended APDUs. The first chunk tells the file's length from
// its TLV header, so no separate header read. On an error the chunk shrinks (an extended read falls back to short
// ones at once) and the read resumes where it stopped.
import { CardError } from '../card-channel';
import { SW_END_OF_FILE, SW_OK, errorForStatus, swHex } from './apdu';
import type { ChipSession } from './chip-session';
import { readTlvHeader } from './tlv';

export const DEFAULT_CHUNK = 223;
const SMALLEST_CHUNK = 32;
/** P1-P2 addressing of READ BINARY stops at 32767. */
const MAX_OFFSET = 0x7fff;
/** READ BINARY with an SFI addresses offsets 0..255 only (P2). */
const MAX_SFI_OFFSET = 0xff;
/** Answers to a READ BINARY by SFI that mean "not like that" rather than "no such file": fall back to SELECT for good. */
const SFI_REFUSED = new Set([0x6a81, 0x6a86, 0x6a87, 0x6d00, 0x6e00, 0x6986, 0x6b00]);

export interface FileReaderOptions {
  chunk?: number;
  /** Plain bytes per READ BINARY in extended length (0: short reads only). */
  extendedChunk?: number;
  /** An extended read failed in transport (not a refusal by the chip): the reader is told to stay short. */
  onExtendedRefused?: () => void;
  /** Read by short file identifier first (default true). */
  sfi?: boolean;
  /** Failed reads tolerated per file before giving up. */
  maxFailures?: number;
}

function retryable(error: unknown): boolean {
  return error instanceof CardError && (error.code === 'protocol' || error.code === 'io');
}

/** The SFI of an eMRTD file (011C..0101 → 1C..01), or null. */
function sfiOf(fid: number): number | null {
  return fid >= 0x0101 && fid <= 0x011e ? fid & 0x1f : null;
}

class StatusError extends CardError {}

export class FileReader {
  chunk: number;
  /** Extended chunk while extended reads work; 0 once they failed (or were never offered). */
  extendedChunk: number;
  sfi: boolean;
  private readonly maxFailures: number;
  private readonly onExtendedRefused: (() => void) | undefined;

  constructor(
    private readonly session: ChipSession,
    options: FileReaderOptions = {},
  ) {
    this.chunk = options.chunk ?? DEFAULT_CHUNK;
    this.extendedChunk = options.extendedChunk ?? 0;
    this.onExtendedRefused = options.onExtendedRefused;
    this.sfi = options.sfi ?? true;
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
    const sfi = sfiOf(fid);
    /** This file answered 6A82 by SFI: SELECT says whether it really is missing. */
    let sfiMissed = false;

    let lengthRejected = false;
    let consecutive = 0;
    const fail = (error: unknown, extended: boolean): void => {
      if (extended && retryable(error)) {
        // Extended reads stop at their first failure; a transport failure (not a status the chip answered) means
        // the reader does not carry them. Not counted: the short reads start afresh.
        this.extendedChunk = 0;
        if (!(error instanceof StatusError)) this.onExtendedRefused?.();
        lengthRejected = false;
        return;
      }
      failures++;
      consecutive++;
      if (!retryable(error) || failures > this.maxFailures) throw error;
      // A refused length shrinks the reads at once; other breaks retry the same size first.
      if (lengthRejected || consecutive >= 2) this.chunk = Math.max(SMALLEST_CHUNK, Math.floor(this.chunk / 2));
      lengthRejected = false;
    };

    while (total < 0 || got < total) {
      if (got > MAX_OFFSET) throw new CardError('malformed', 'file larger than short READ BINARY can address');
      const extended = this.extendedChunk > this.chunk;
      try {
        await this.session.ensureOpen();
        const size = extended ? this.extendedChunk : this.chunk;
        const want = total < 0 ? size : Math.min(size, total - got);
        let r;
        let p1 = (got >> 8) & 0x7f;
        if (selectedIn !== this.session.generation && this.sfi && sfi !== null && !sfiMissed && got <= MAX_SFI_OFFSET) {
          p1 = 0x80 | sfi;
          r = await this.session.send(0x00, 0xb0, p1, got, undefined, want);
          if (r.sw === 0x6a82 || SFI_REFUSED.has(r.sw)) {
            if (r.sw === 0x6a82) sfiMissed = true;
            else this.sfi = false;
            continue;
          }
          // Read by SFI: the chip has made it the current file.
          selectedIn = this.session.generation;
        } else {
          if (selectedIn !== this.session.generation) {
            await this.select(fid);
            selectedIn = this.session.generation;
          }
          r = await this.session.send(0x00, 0xb0, p1, got & 0xff, undefined, want);
        }
        let data = r.data;
        if ((r.sw & 0xff00) === 0x6c00 && (r.sw & 0xff) > 0) {
          // "Wrong Le, exact length is SW2": ask again with it.
          const exact = await this.session.send(0x00, 0xb0, p1, got & 0xff, undefined, r.sw & 0xff);
          if (exact.sw !== SW_OK && exact.sw !== SW_END_OF_FILE) throw errorForStatus(exact.sw, 'READ BINARY');
          data = exact.data;
        } else if (r.sw !== SW_OK && r.sw !== SW_END_OF_FILE) {
          if (r.sw === 0x6982 || r.sw === 0x6a82) throw errorForStatus(r.sw, 'READ BINARY');
          if (r.sw === 0x6b00 && total >= 0) throw new CardError('malformed', 'file is shorter than its length says');
          lengthRejected = r.sw === 0x6700;
          throw new StatusError('protocol', `READ BINARY at ${got}: SW ${swHex(r.sw)}`);
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
        fail(error, extended);
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
