// Days typed the Vietnamese way (dd/mm/yyyy, also d/m/yyyy or with dots/dashes) into the local-time instants a
// filter needs: the start of the first day, and the start of the day after the last one.

export type DayParse = { ok: true; startMs: number; nextDayMs: number } | { ok: false };

export function parseDay(text: string): DayParse | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  if (!m) return { ok: false };
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const start = new Date(year, month - 1, day);
  if (start.getFullYear() !== year || start.getMonth() !== month - 1 || start.getDate() !== day || year < 2000) return { ok: false };
  return { ok: true, startMs: start.getTime(), nextDayMs: new Date(year, month - 1, day + 1).getTime() };
}

export type RangeProblem = 'from-invalid' | 'to-invalid' | 'reversed';

/** The range [fromMs, toMs) of two typed days (either may be empty), or what is wrong with them. */
export function dayRange(from: string, to: string): { fromMs: number | null; toMs: number | null } | { problem: RangeProblem } {
  const a = parseDay(from);
  const b = parseDay(to);
  if (a && !a.ok) return { problem: 'from-invalid' };
  if (b && !b.ok) return { problem: 'to-invalid' };
  const fromMs = a?.ok ? a.startMs : null;
  const toMs = b?.ok ? b.nextDayMs : null;
  if (fromMs !== null && toMs !== null && fromMs >= toMs) return { problem: 'reversed' };
  return { fromMs, toMs };
}
