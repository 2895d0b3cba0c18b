// CardChannel over one PC/SC connection (pcsclite). Adds what the addon does not do: a timeout per exchange,
// 61xx/6Cxx handling, one exchange at a time, and errors the user can act on when the card or reader goes away.
import { CardError, type CardChannel, type CardErrorCode } from '../card-channel';
import type { PcscReaderHandle } from './pcsclite-binding';
import { cardErrorCodeFor } from './pcsc-error-codes';
import { ChainingError, transmitWithChaining } from './response-chaining';

/** Room for an extended-length response (65536 data bytes) plus SW1 SW2. */
const MAX_RESPONSE_LENGTH = 65538;

export interface PcscChannelOptions {
  /** Per exchange (one APDU and its response). Real cards answer PACE steps in well under 2 s. */
  timeoutMs?: number;
  /** After an ambiguous failure, how long to wait for the reader to report the card gone. */
  removalGraceMs?: number;
  /** False for a reader that refused an extended-length APDU before (kept by the reader service). */
  extendedLength?: boolean;
  onExtendedLengthRefused?: () => void;
}

/** What the channel needs to know about its reader from the reader service. */
export interface CardPresence {
  cardPresent(): boolean;
  /** Resolves true as soon as the card is reported gone, false after ms. */
  waitForRemoval(ms: number): Promise<boolean>;
}

export type PcscProtocol = 'T=0' | 'T=1';

export class PcscCardChannel implements CardChannel {
  private broken: CardError | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  /** Settles when the addon's pending exchange returns (it cannot be cancelled once started). */
  private inFlight: Promise<void> = Promise.resolve();
  private closing: Promise<void> | undefined;
  private readonly timeoutMs: number;
  private readonly removalGraceMs: number;
  private readonly onExtendedLengthRefused: (() => void) | undefined;
  extendedLength: boolean;

  constructor(
    private readonly handle: PcscReaderHandle,
    private readonly protocolCode: number,
    readonly atr: Uint8Array,
    private readonly presence: CardPresence,
    options: PcscChannelOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.removalGraceMs = options.removalGraceMs ?? 1000;
    this.extendedLength = options.extendedLength ?? true;
    this.onExtendedLengthRefused = options.onExtendedLengthRefused;
  }

  get reader(): string {
    return this.handle.name;
  }

  get protocol(): PcscProtocol {
    return this.protocolCode === this.handle.SCARD_PROTOCOL_T0 ? 'T=0' : 'T=1';
  }

  get closed(): boolean {
    return this.closing !== undefined;
  }

  transmit(apdu: Uint8Array): Promise<Uint8Array> {
    const run = async () => {
      try {
        return await transmitWithChaining((bytes) => this.exchange(bytes), apdu);
      } catch (error) {
        if (error instanceof ChainingError) throw new CardError('protocol', error.message);
        throw error;
      }
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  extendedLengthRefused(): void {
    this.extendedLength = false;
    this.onExtendedLengthRefused?.();
  }

  /** The reader service saw the card (or the reader) go away: fail fast from now on. */
  markRemoved(detail: string): void {
    this.broken ??= new CardError('removed', detail);
  }

  /** Ends the connection and resets the card (its secure-messaging session must not outlive us). Idempotent. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.broken ??= new CardError('io', 'channel closed');
      // A stuck exchange holds the addon's reader lock; a disconnect now would only queue behind it.
      const settled = await Promise.race([this.inFlight.then(() => true), delay(this.timeoutMs, false)]);
      if (!settled || !this.handle.connected) {
        this.handle.connected = false;
        return;
      }
      const disposition = this.presence.cardPresent() ? this.handle.SCARD_RESET_CARD : this.handle.SCARD_LEAVE_CARD;
      const ok = await Promise.race([
        new Promise<boolean>((resolve) => this.handle.disconnect(disposition, (error) => resolve(!error))),
        delay(this.timeoutMs, false),
      ]);
      // pcsclite keeps `connected` true when SCardDisconnect fails (card already gone), and its connect() then
      // silently does nothing for the next card: clear the flag ourselves.
      if (!ok) this.handle.connected = false;
    })();
    return this.closing;
  }

  private exchange(apdu: Uint8Array): Promise<Uint8Array> {
    if (this.broken) return Promise.reject(this.broken);
    if (!this.handle.connected) return Promise.reject(new CardError('removed', 'not connected'));
    return new Promise<Uint8Array>((resolve, reject) => {
      let finished = false;
      let release!: () => void;
      this.inFlight = new Promise<void>((done) => (release = done));
      const timer = setTimeout(() => {
        if (finished) return;
        finished = true;
        // The addon call stays pending until the reader gives up; everything after it must fail fast.
        this.broken ??= new CardError('timeout', `no answer within ${this.timeoutMs} ms`);
        reject(this.broken);
      }, this.timeoutMs);
      this.handle.transmit(Buffer.from(apdu), MAX_RESPONSE_LENGTH, this.protocolCode, (error, data) => {
        release();
        clearTimeout(timer);
        if (finished) return;
        finished = true;
        if (!error && data && data.length >= 2) {
          resolve(new Uint8Array(data.buffer, data.byteOffset, data.length));
          return;
        }
        const message = error ? error.message : 'response without status word';
        void this.classify(error ? cardErrorCodeFor(message) : 'protocol', message).then(reject);
      });
    });
  }

  /** Ambiguous failures (vpcd answers an empty response when the card leaves mid-exchange; some readers report a
   *  generic transaction failure) are 'removed' when the reader reports the card gone shortly after. */
  private async classify(code: CardErrorCode, detail: string): Promise<CardError> {
    if (code !== 'removed' && code !== 'timeout') {
      const gone = !this.presence.cardPresent() || (await this.presence.waitForRemoval(this.removalGraceMs));
      if (gone) code = 'removed';
    }
    const error = new CardError(code, detail);
    if (code === 'removed' || code === 'timeout') this.broken ??= error;
    return error;
  }
}

function delay<T>(ms: number, value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(value), ms).unref());
}
