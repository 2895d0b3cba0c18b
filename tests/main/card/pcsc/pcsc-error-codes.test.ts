import { describe, expect, it } from 'vitest';
import { cardErrorCodeFor, pcscCode } from '../../../../main/card/pcsc/pcsc-error-codes';

describe('PC/SC error codes', () => {
  it('extracts the code from pcsclite messages', () => {
    expect(pcscCode('SCardTransmit error: Transaction failed.(0x80100016)')).toBe(0x80100016);
    expect(pcscCode('Card Reader not connected')).toBeUndefined();
  });

  it('maps removal, reader loss, timeouts and protocol problems', () => {
    expect(cardErrorCodeFor('SCardTransmit error: Card was removed.(0x80100069)')).toBe('removed');
    expect(cardErrorCodeFor('SCardTransmit error: Unknown reader specified.(0x80100009)')).toBe('removed');
    expect(cardErrorCodeFor('SCardConnect error: Reader is unavailable.(0x80100017)')).toBe('removed');
    expect(cardErrorCodeFor('SCardTransmit error: Command timeout.(0x8010000A)')).toBe('timeout');
    expect(cardErrorCodeFor('SCardConnect error: Card is unresponsive.(0x80100066)')).toBe('timeout');
    expect(cardErrorCodeFor('SCardConnect error: Card protocol mismatch.(0x8010000F)')).toBe('protocol');
  });

  it('falls back to io for anything else', () => {
    expect(cardErrorCodeFor('SCardTransmit error: Transaction failed.(0x80100016)')).toBe('io');
    expect(cardErrorCodeFor('SCardEstablishContext error: Service not available.(0x8010001D)')).toBe('io');
    expect(cardErrorCodeFor('something odd')).toBe('io');
  });
});
