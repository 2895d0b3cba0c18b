import { describe, expect, it } from 'vitest';
import { decodeReaderState } from '../../../../main/card/pcsc/reader-state';

describe('decodeReaderState', () => {
  it('reads presence from pcsc-lite states, ignoring the event counter in the upper bits', () => {
    // Values seen from pcsc-lite with the vpcd driver: empty, then a card inserted (counter 1), then removed (2).
    expect(decodeReaderState(0x12)).toEqual({ cardPresent: false, cardMute: false, exclusive: false, unavailable: false });
    expect(decodeReaderState(0x10022).cardPresent).toBe(true);
    expect(decodeReaderState(0x20012).cardPresent).toBe(false);
  });

  it('tells a mute card from a usable one', () => {
    expect(decodeReaderState(0x0222)).toMatchObject({ cardPresent: false, cardMute: true });
  });

  it('flags exclusive use and unavailable readers', () => {
    expect(decodeReaderState(0x01a2)).toMatchObject({ cardPresent: true, exclusive: true });
    expect(decodeReaderState(0x000a).unavailable).toBe(true);
  });
});
