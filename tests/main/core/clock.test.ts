import { describe, expect, it } from 'vitest';
import { formatHlc, parseHlc, receiveHlc, tickHlc } from '../../../main/core/clock';

describe('hybrid logical clock', () => {
  it('never goes backwards when the wall clock does', () => {
    const a = tickHlc(null, 1_000);
    const b = tickHlc(a, 500); // clock set back
    const c = tickHlc(b, 500);
    expect(b).toEqual({ wallMs: 1_000, counter: 1 });
    expect(c).toEqual({ wallMs: 1_000, counter: 2 });
    expect(formatHlc(a, 'd') < formatHlc(b, 'd')).toBe(true);
  });

  it('orders after a remote timestamp from a device with a clock ahead', () => {
    const local = tickHlc(null, 1_000);
    const merged = receiveHlc(local, { wallMs: 9_000, counter: 4 }, 1_100);
    expect(merged).toEqual({ wallMs: 9_000, counter: 5 });
  });

  it('formats as sortable text and parses back', () => {
    const text = formatHlc({ wallMs: 1732451234567, counter: 3 }, 'dev-1');
    expect(parseHlc(text)).toEqual({ wallMs: 1732451234567, counter: 3, deviceId: 'dev-1' });
    expect(formatHlc({ wallMs: 999, counter: 0 }, 'x') < formatHlc({ wallMs: 1000, counter: 0 }, 'x')).toBe(true);
  });
});
