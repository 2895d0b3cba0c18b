import { describe, expect, it } from 'vitest';
import { dayRange, parseDay } from '../../../renderer/admin/day-range';
import { temporaryPassword } from '../../../renderer/admin/temporary-password';

describe('days typed as dd/mm/yyyy', () => {
  it.each([
    ['05/12/2026', new Date(2026, 11, 5)],
    ['5/1/2026', new Date(2026, 0, 5)],
    ['29.02.2024', new Date(2024, 1, 29)],
    ['31-12-2025', new Date(2025, 11, 31)],
  ])('%s is the local day', (text, day) => {
    const parsed = parseDay(text);
    expect(parsed).toEqual({ ok: true, startMs: day.getTime(), nextDayMs: new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1).getTime() });
  });

  it.each(['31/02/2026', '29/02/2025', '2026-12-05', '12/2026', '00/01/2026', '5/13/2026', 'hôm qua'])('%s is refused', (text) => {
    expect(parseDay(text)).toEqual({ ok: false });
  });

  it('an empty box is no bound; a range runs to the end of its last day and must not be reversed', () => {
    expect(parseDay('  ')).toBeNull();
    expect(dayRange('', '')).toEqual({ fromMs: null, toMs: null });
    expect(dayRange('01/12/2026', '01/12/2026')).toEqual({ fromMs: new Date(2026, 11, 1).getTime(), toMs: new Date(2026, 11, 2).getTime() });
    expect(dayRange('02/12/2026', '01/12/2026')).toEqual({ problem: 'reversed' });
    expect(dayRange('32/12/2026', '')).toEqual({ problem: 'from-invalid' });
    expect(dayRange('', '1/1/26')).toEqual({ problem: 'to-invalid' });
  });
});

describe('temporary passwords', () => {
  it('are three groups of four unambiguous characters, from the random source', () => {
    expect(temporaryPassword()).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
    expect(temporaryPassword(() => new Uint8Array(12))).toBe('aaaa-aaaa-aaaa');
    expect(temporaryPassword()).not.toBe(temporaryPassword());
  });
});
