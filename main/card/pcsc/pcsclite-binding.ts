// Lazy access to the optional `pcsclite` native addon. It needs the PC/SC headers to compile, so it may be absent;
// the rest of the app must load and run without it, with card reading reported as unavailable.
import { createRequire } from 'node:module';

type Callback<T> = (error: Error | null | undefined, value: T) => void;

/** The parts of pcsclite's CardReader this adapter uses. */
export interface PcscReaderHandle {
  readonly name: string;
  connected: boolean;
  readonly SCARD_SHARE_SHARED: number;
  readonly SCARD_PROTOCOL_T0: number;
  readonly SCARD_PROTOCOL_T1: number;
  readonly SCARD_LEAVE_CARD: number;
  readonly SCARD_RESET_CARD: number;
  on(event: 'status', listener: (status: { state: number; atr?: Buffer }) => void): this;
  on(event: 'end', listener: () => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
  connect(options: { share_mode: number; protocol: number }, callback: Callback<number>): void;
  disconnect(disposition: number, callback: (error: Error | null | undefined) => void): void;
  transmit(data: Buffer, responseLength: number, protocol: number, callback: Callback<Buffer>): void;
  close(): void;
}

/** The parts of pcsclite's PCSCLite context this adapter uses. */
export interface PcscContextHandle {
  on(event: 'reader', listener: (reader: PcscReaderHandle) => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
  close(): void;
}

export type PcscFactory = () => PcscContextHandle;

export type PcscLoadResult = { ok: true; create: PcscFactory } | { ok: false; detail: string };

let loaded: PcscLoadResult | undefined;

export function loadPcsclite(): PcscLoadResult {
  if (!loaded) {
    try {
      const require = createRequire(import.meta.url);
      loaded = { ok: true, create: require('pcsclite') as PcscFactory };
    } catch (error) {
      loaded = { ok: false, detail: error instanceof Error ? error.message : String(error) };
    }
  }
  return loaded;
}
