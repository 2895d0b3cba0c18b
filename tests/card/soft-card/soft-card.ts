// A card as seen by a reader: power it, give it APDUs, get responses. Implemented by the software CCCD chip;
// carried over vpcd's socket or called directly by an in-memory CardChannel.

export interface SoftCard {
  readonly atr: Uint8Array;
  powerOn(): void;
  powerOff(): void;
  /** One command APDU in, the response (data followed by SW1 SW2) out. */
  process(apdu: Uint8Array): Uint8Array;
}
