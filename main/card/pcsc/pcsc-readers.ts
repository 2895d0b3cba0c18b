// The app's view of PC/SC: which readers exist, whether a card sits on them, and connections to cards.
// Follows readers being plugged and unplugged and cards coming and going, as typed events; survives the PC/SC
// service stopping and starting (it reconnects); never lets the addon's 'error' events go unhandled.
import { CardError } from '../card-channel';
import { loadPcsclite, type PcscContextHandle, type PcscLoadResult, type PcscReaderHandle } from './pcsclite-binding';
import { PcscCardChannel, type PcscChannelOptions } from './pcsc-card-channel';
import { cardErrorCodeFor } from './pcsc-error-codes';
import { chooseReader, isContactlessName } from './reader-choice';
import { decodeReaderState } from './reader-state';
import { ReaderUnavailableError } from './reader-unavailable-error';

export interface ReaderInfo {
  name: string;
  cardPresent: boolean;
  /** A card is on the reader but does not answer. */
  cardMute: boolean;
  /** Hex ATR of the card present (identifies the chip type, not the person). */
  atr: string | undefined;
  contactless: boolean;
}

export type PcscAvailability = 'starting' | 'ready' | 'no-driver' | 'no-service' | 'closed';

export type CardReaderEvent =
  | { type: 'availability'; availability: PcscAvailability; detail?: string }
  | { type: 'reader-added'; reader: ReaderInfo }
  | { type: 'reader-removed'; name: string }
  | { type: 'card-inserted'; reader: ReaderInfo }
  | { type: 'card-removed'; name: string }
  | { type: 'card-mute'; reader: ReaderInfo };

export interface PcscReadersOptions {
  /** Delay between attempts to reach the PC/SC service when it is not running. */
  retryMs?: number;
  channel?: PcscChannelOptions;
  /** For tests of the "addon missing" path; defaults to loading `pcsclite`. */
  load?: () => PcscLoadResult;
}

interface TrackedReader {
  handle: PcscReaderHandle;
  info: ReaderInfo;
  /** Status not yet known (the first status event is pending). */
  fresh: boolean;
  channel: PcscCardChannel | undefined;
}

type Listener = (event: CardReaderEvent) => void;

export class PcscReaders {
  private context: PcscContextHandle | undefined;
  private readonly tracked = new Map<string, TrackedReader>();
  /** Readers that failed an extended-length APDU: their reads stay short for as long as the app runs. */
  private readonly shortOnly = new Set<string>();
  private readonly listeners = new Set<Listener>();
  private state: PcscAvailability = 'starting';
  private stateDetail: string | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private started = false;
  private readonly retryMs: number;

  constructor(private readonly options: PcscReadersOptions = {}) {
    this.retryMs = options.retryMs ?? 2000;
  }

  /** Starts following PC/SC (idempotent). Check `availability()` or listen for 'availability' events. */
  start(): this {
    if (this.started) return this;
    this.started = true;
    this.open();
    return this;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  availability(): PcscAvailability {
    return this.state;
  }

  readers(): ReaderInfo[] {
    return [...this.tracked.values()].map((t) => ({ ...t.info }));
  }

  /**
   * Resolves with the reader to read from once it holds a card: the named one, or the best by card presence and
   * contactless name. Rejects with ReaderUnavailableError after timeoutMs (no driver, no service, no reader, no card).
   */
  waitForCard(options: { reader?: string; timeoutMs: number; signal?: AbortSignal }): Promise<ReaderInfo> {
    this.start();
    return new Promise((resolve, reject) => {
      let unsubscribe = () => {};
      const finish = (error: Error | undefined, reader?: ReaderInfo) => {
        clearTimeout(timer);
        unsubscribe();
        options.signal?.removeEventListener('abort', onAbort);
        if (error) reject(error);
        else resolve(reader!);
      };
      const check = () => {
        if (this.state === 'no-driver') return finish(this.unavailable());
        const readers = this.readers();
        const chosen = chooseReader(readers, options.reader);
        if (chosen?.cardPresent) return finish(undefined, readers.find((r) => r.name === chosen.name));
      };
      const timer = setTimeout(() => finish(this.unavailable(options.reader)), options.timeoutMs);
      const onAbort = () => finish(options.signal!.reason instanceof Error ? options.signal!.reason : new Error('aborted'));
      if (options.signal?.aborted) return onAbort();
      options.signal?.addEventListener('abort', onAbort);
      unsubscribe = this.subscribe(check);
      check();
    });
  }

  /** Connects (shared, T=0 or T=1 as the card offers) to the card on the named reader. */
  async connect(name: string, options: PcscChannelOptions = {}): Promise<PcscCardChannel> {
    const tracked = this.tracked.get(name);
    if (!tracked) throw this.unavailable(name);
    if (!tracked.info.cardPresent) throw new ReaderUnavailableError(tracked.info.cardMute ? 'card-mute' : 'no-card');
    if (tracked.channel) await tracked.channel.close();
    const { handle } = tracked;
    const protocol = await new Promise<number>((resolve, reject) => {
      handle.connect(
        { share_mode: handle.SCARD_SHARE_SHARED, protocol: handle.SCARD_PROTOCOL_T0 | handle.SCARD_PROTOCOL_T1 },
        (error, value) => {
          if (error) reject(new CardError(cardErrorCodeFor(error.message), error.message));
          else resolve(value);
        },
      );
    });
    const atr = tracked.info.atr ? Uint8Array.from(Buffer.from(tracked.info.atr, 'hex')) : new Uint8Array(0);
    const channel = new PcscCardChannel(
      handle,
      protocol,
      atr,
      {
        cardPresent: () => this.tracked.get(name)?.handle === handle && this.tracked.get(name)!.info.cardPresent,
        waitForRemoval: (ms) => this.waitForRemoval(name, handle, ms),
      },
      { extendedLength: !this.shortOnly.has(name), onExtendedLengthRefused: () => this.shortOnly.add(name), ...this.options.channel, ...options },
    );
    tracked.channel = channel;
    return channel;
  }

  /** Closes every connection and the PC/SC context; nothing of it keeps the process alive afterwards. */
  async close(): Promise<void> {
    this.started = true; // no restart after close
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    await Promise.all([...this.tracked.values()].map((t) => t.channel?.close()));
    this.teardown();
    // Reader handles close on the next turn (see closeReaderHandle); let that happen before resolving.
    await new Promise((resolve) => setImmediate(resolve));
    this.setAvailability('closed');
  }

  private unavailable(requested?: string): ReaderUnavailableError {
    if (this.state === 'no-driver') return new ReaderUnavailableError('no-driver', this.stateDetail);
    if (this.state === 'no-service' || this.state === 'starting') {
      return new ReaderUnavailableError('no-service', this.stateDetail);
    }
    const readers = this.readers();
    if (readers.length === 0) return new ReaderUnavailableError('no-reader');
    const chosen = chooseReader(readers, requested);
    if (!chosen) return new ReaderUnavailableError('reader-not-found', requested);
    const info = readers.find((r) => r.name === chosen.name)!;
    return new ReaderUnavailableError(info.cardMute ? 'card-mute' : 'no-card');
  }

  private emit(event: CardReaderEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // a faulty listener must not break reader tracking
      }
    }
  }

  private setAvailability(state: PcscAvailability, detail?: string): void {
    if (state === this.state && detail === this.stateDetail) return;
    this.state = state;
    this.stateDetail = detail;
    this.emit(detail === undefined ? { type: 'availability', availability: state } : { type: 'availability', availability: state, detail });
  }

  private open(): void {
    if (this.state === 'closed') return;
    const loaded = (this.options.load ?? loadPcsclite)();
    if (!loaded.ok) {
      this.setAvailability('no-driver', loaded.detail);
      return;
    }
    let context: PcscContextHandle;
    try {
      // Throws at once when the service is not running (SCardEstablishContext fails).
      context = loaded.create();
    } catch (error) {
      this.setAvailability('no-service', error instanceof Error ? error.message : String(error));
      this.scheduleRetry();
      return;
    }
    this.context = context;
    context.on('error', (error) => {
      if (this.context !== context) return; // pcsclite reports "cancelled" when we close it ourselves
      this.onServiceError(error.message);
    });
    context.on('reader', (handle) => this.onReader(context, handle));
    this.setAvailability('ready');
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    // Unref'd: waiting for the service must never by itself keep a CLI process alive.
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.open();
    }, this.retryMs).unref();
  }

  private onServiceError(message: string): void {
    // The reader list could not be read: the service stopped (or failed). Drop everything and reconnect.
    this.teardown();
    this.setAvailability('no-service', message);
    this.scheduleRetry();
  }

  private teardown(): void {
    const context = this.context;
    this.context = undefined;
    for (const [name, tracked] of this.tracked) {
      this.dropReader(name, tracked, 'service closed');
    }
    if (context) {
      try {
        context.close();
      } catch {
        // already stopped
      }
    }
  }

  private onReader(context: PcscContextHandle, handle: PcscReaderHandle): void {
    handle.on('error', (error) => {
      // Status watching failed for this reader (it is going away, or the service is): the reader's 'end' or the
      // context's 'error' follows; nothing to do but not crash.
      void error;
    });
    if (this.context !== context) {
      closeReaderHandle(handle);
      return;
    }
    const tracked: TrackedReader = {
      handle,
      fresh: true,
      channel: undefined,
      info: { name: handle.name, cardPresent: false, cardMute: false, atr: undefined, contactless: isContactlessName(handle.name) },
    };
    const previous = this.tracked.get(handle.name);
    if (previous) this.dropReader(handle.name, previous, 'replaced');
    this.tracked.set(handle.name, tracked);
    handle.on('status', (status) => this.onStatus(tracked, status.state, status.atr));
    handle.on('end', () => {
      if (this.tracked.get(handle.name) === tracked) this.dropReader(handle.name, tracked, 'reader removed');
    });
    this.emit({ type: 'reader-added', reader: { ...tracked.info } });
  }

  private dropReader(name: string, tracked: TrackedReader, why: string): void {
    if (this.tracked.get(name) === tracked) this.tracked.delete(name);
    tracked.channel?.markRemoved(why);
    void tracked.channel?.close();
    closeReaderHandle(tracked.handle);
    if (tracked.info.cardPresent) this.emit({ type: 'card-removed', name });
    this.emit({ type: 'reader-removed', name });
  }

  private onStatus(tracked: TrackedReader, state: number, atr: Buffer | undefined): void {
    if (this.tracked.get(tracked.info.name) !== tracked) return;
    const decoded = decodeReaderState(state);
    const before = tracked.info;
    const after: ReaderInfo = {
      ...before,
      cardPresent: decoded.cardPresent,
      cardMute: decoded.cardMute,
      atr: decoded.cardPresent && atr && atr.length ? atr.toString('hex') : undefined,
    };
    const wasFresh = tracked.fresh;
    tracked.fresh = false;
    tracked.info = after;
    if (before.cardPresent && (!after.cardPresent || after.atr !== before.atr)) {
      tracked.channel?.markRemoved('card removed');
      this.emit({ type: 'card-removed', name: after.name });
    }
    if (after.cardPresent && (!before.cardPresent || after.atr !== before.atr || wasFresh)) {
      this.emit({ type: 'card-inserted', reader: { ...after } });
    }
    if (after.cardMute && !before.cardMute) this.emit({ type: 'card-mute', reader: { ...after } });
  }

  private waitForRemoval(name: string, handle: PcscReaderHandle, ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const gone = () => this.tracked.get(name)?.handle !== handle || !this.tracked.get(name)!.info.cardPresent;
      if (gone()) return resolve(true);
      const timer = setTimeout(() => {
        unsubscribe();
        resolve(false);
      }, ms);
      const unsubscribe = this.subscribe(() => {
        if (!gone()) return;
        clearTimeout(timer);
        unsubscribe();
        resolve(true);
      });
    });
  }
}

/**
 * pcsclite emits a reader's 'status' and 'end' events while holding that reader's native mutex, and close() takes
 * the same mutex: closing from inside those events deadlocks the main thread. Always close on a later turn.
 */
function closeReaderHandle(handle: PcscReaderHandle): void {
  setImmediate(() => {
    try {
      handle.close();
    } catch {
      // already closed by pcsclite
    }
  });
}
