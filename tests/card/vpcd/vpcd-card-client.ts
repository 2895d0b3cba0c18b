// A card "inserted" into vsmartcard's virtual reader: a TCP client of the vpcd driver inside pcscd.
// Written here because the only Debian card emulator (vicc) cannot play a TD1 ID card; the wire format is tiny:
// every message is a 2-byte big-endian length and a payload. A 1-byte payload from vpcd is a control code
// (power off / on / reset / ATR request), anything longer is a command APDU that wants a response.
import net from 'node:net';
import type { SoftCard } from '../soft-card/soft-card';

export const VPCD_PORT = 35963;

const CTRL_POWER_OFF = 0x00;
const CTRL_POWER_ON = 0x01;
const CTRL_RESET = 0x02;
const CTRL_ATR = 0x04;

export interface VpcdCardOptions {
  host?: string;
  port?: number;
  /** TCP_NODELAY on the card side (default true). False reproduces the delayed-ACK stall for measurement. */
  noDelay?: boolean;
  /** Write the length prefix and the response in two writes, as vpcd itself does (default false). */
  splitWrites?: boolean;
}

export interface VpcdCardStats {
  apdus: number;
  bytesIn: number;
  bytesOut: number;
  atrRequests: number;
}

type ApduFault = 'remove' | 'mute';

export class VpcdCard {
  readonly stats: VpcdCardStats = { apdus: 0, bytesIn: 0, bytesOut: 0, atrRequests: 0 };
  private socket: net.Socket | undefined;
  private pending: Buffer = Buffer.alloc(0);
  private closed: Promise<void> = Promise.resolve();
  private faultAfter: { remaining: number; fault: ApduFault } | undefined;
  private muted = false;
  private readonly options: Required<VpcdCardOptions>;

  constructor(
    readonly card: SoftCard,
    options: VpcdCardOptions = {},
  ) {
    this.options = {
      host: options.host ?? '127.0.0.1',
      port: options.port ?? VPCD_PORT,
      noDelay: options.noDelay ?? true,
      splitWrites: options.splitWrites ?? false,
    };
  }

  get inserted(): boolean {
    return this.socket !== undefined && !this.socket.destroyed;
  }

  /** Connects to vpcd: the reader then sees a card (on its next presence poll, ~0.4 s). */
  insert(): Promise<void> {
    if (this.inserted) return Promise.resolve();
    this.pending = Buffer.alloc(0);
    this.muted = false;
    this.faultAfter = undefined;
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: this.options.host, port: this.options.port });
      socket.setNoDelay(this.options.noDelay);
      this.socket = socket;
      this.closed = new Promise((done) => socket.once('close', () => done()));
      socket.on('data', (chunk) => this.receive(socket, chunk));
      // vpcd resets the connection when pcscd stops; that is a removal, not a test failure.
      socket.on('error', () => socket.destroy());
      socket.once('connect', () => resolve());
      socket.once('close', () => {
        if (this.socket === socket) this.socket = undefined;
        reject(new Error(`vpcd at ${this.options.host}:${this.options.port} refused the card`));
      });
    });
  }

  /** Pulls the card out: closes the socket; vpcd reports the card absent and fails any APDU in flight. */
  async remove(): Promise<void> {
    const socket = this.socket;
    this.socket = undefined;
    if (socket && !socket.destroyed) socket.destroy();
    await this.closed;
    this.card.powerOff();
  }

  /** Pulls the card out when the n-th command APDU from now arrives, before answering it (a removal mid-read). */
  removeAtApdu(n = 1): void {
    this.faultAfter = { remaining: n, fault: 'remove' };
  }

  /** From the n-th command APDU from now on, the card stays in the reader but never answers. */
  muteAtApdu(n = 1): void {
    this.faultAfter = { remaining: n, fault: 'mute' };
  }

  private receive(socket: net.Socket, chunk: Buffer): void {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    while (this.pending.length >= 2) {
      const length = this.pending.readUInt16BE(0);
      if (this.pending.length < 2 + length) return;
      const payload = this.pending.subarray(2, 2 + length);
      this.pending = this.pending.subarray(2 + length);
      if (socket.destroyed || this.muted) return;
      this.handle(socket, payload);
    }
  }

  private handle(socket: net.Socket, payload: Buffer): void {
    if (payload.length === 1) {
      switch (payload[0]) {
        case CTRL_POWER_OFF:
          this.card.powerOff();
          return;
        case CTRL_POWER_ON:
          this.card.powerOn();
          return;
        case CTRL_RESET:
          this.card.powerOff();
          this.card.powerOn();
          return;
        case CTRL_ATR:
          this.stats.atrRequests++;
          this.send(socket, this.card.atr);
          return;
        default:
          return; // unknown control codes are ignored, as vicc does
      }
    }
    if (this.faultAfter && --this.faultAfter.remaining === 0) {
      const { fault } = this.faultAfter;
      this.faultAfter = undefined;
      if (fault === 'remove') {
        void this.remove();
        return;
      }
      this.muted = true;
      return;
    }
    this.stats.apdus++;
    this.stats.bytesIn += payload.length;
    const response = this.card.process(new Uint8Array(payload.buffer, payload.byteOffset, payload.length));
    this.stats.bytesOut += response.length;
    this.send(socket, response);
  }

  private send(socket: net.Socket, payload: Uint8Array): void {
    const header = Buffer.alloc(2);
    header.writeUInt16BE(payload.length, 0);
    if (this.options.splitWrites) {
      socket.write(header);
      socket.write(payload);
    } else {
      socket.write(Buffer.concat([header, payload]));
    }
  }
}
