// SCARD_STATE_* bits of a reader (PC/SC standard values, identical in pcsc-lite and WinSCard).
// pcsc-lite keeps an event counter in the upper 16 bits, which is ignored here.
export const SCARD_STATE = {
  CHANGED: 0x0002,
  UNKNOWN: 0x0004,
  UNAVAILABLE: 0x0008,
  EMPTY: 0x0010,
  PRESENT: 0x0020,
  EXCLUSIVE: 0x0080,
  INUSE: 0x0100,
  MUTE: 0x0200,
} as const;

export interface ReaderState {
  cardPresent: boolean;
  /** A card is there but did not answer the reset (upside down, damaged, not a smart card). */
  cardMute: boolean;
  /** Another program holds the card exclusively. */
  exclusive: boolean;
  unavailable: boolean;
}

export function decodeReaderState(state: number): ReaderState {
  const present = (state & SCARD_STATE.PRESENT) !== 0;
  const mute = (state & SCARD_STATE.MUTE) !== 0;
  return {
    cardPresent: present && !mute,
    cardMute: present && mute,
    exclusive: (state & SCARD_STATE.EXCLUSIVE) !== 0,
    unavailable: (state & (SCARD_STATE.UNAVAILABLE | SCARD_STATE.UNKNOWN)) !== 0,
  };
}
