// The periods reports are asked for: an ISO week "2026-W48", a month "2026-11", a quarter "2026-Q4". Days are
// Vietnam's (UTC+7): a period runs from its first day's 00:00 to the day after its last, Vietnam time. Pure.

export type PeriodKind = 'week' | 'month' | 'quarter';

export interface ReportPeriod {
  code: string;
  kind: PeriodKind;
  /** First day, ISO. */
  from: string;
  /** Last day, ISO (inclusive). */
  to: string;
  /** "Tuần 48/2026 (23/11–29/11/2026)", "Tháng 11/2026", "Quý IV/2026". */
  label: string;
  /** The period's start and end as instants (ms), Vietnam's midnight. */
  startMs: number;
  endMs: number;
}

const VIETNAM_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;
const ROMAN = ['I', 'II', 'III', 'IV'];

export function parsePeriod(code: string): ReportPeriod | null {
  const text = code.trim().toUpperCase();
  let m = /^(\d{4})-W(\d{2})$/.exec(text);
  if (m) {
    const year = Number(m[1]);
    const week = Number(m[2]);
    if (week < 1 || week > isoWeeksIn(year)) return null;
    const start = isoWeekStart(year, week);
    return make(`${year}-W${m[2]}`, 'week', start, start + 7 * DAY_MS,
      `Tuần ${week}/${year} (${dayMonth(start)}–${dayMonth(start + 6 * DAY_MS)}/${new Date(start + 6 * DAY_MS).getUTCFullYear()})`);
  }
  m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    return make(`${year}-${m[2]}`, 'month', Date.UTC(year, month - 1, 1), Date.UTC(year, month, 1), `Tháng ${month}/${year}`);
  }
  m = /^(\d{4})-Q([1-4])$/.exec(text);
  if (m) {
    const year = Number(m[1]);
    const q = Number(m[2]);
    return make(`${year}-Q${q}`, 'quarter', Date.UTC(year, (q - 1) * 3, 1), Date.UTC(year, q * 3, 1), `Quý ${ROMAN[q - 1]}/${year}`);
  }
  return null;
}

/** The n periods of the same kind ending with this one, oldest first (for progress over time). */
export function periodsUpTo(period: ReportPeriod, n: number): ReportPeriod[] {
  const out: ReportPeriod[] = [period];
  let p = period;
  while (out.length < n) {
    p = previous(p);
    out.unshift(p);
  }
  return out;
}

/** The period of this kind that holds the given instant (Vietnam's day). */
export function periodAt(kind: PeriodKind, ms: number): ReportPeriod {
  const day = new Date(ms + VIETNAM_OFFSET_MS);
  const y = day.getUTCFullYear();
  const month = day.getUTCMonth() + 1;
  if (kind === 'month') return parsePeriod(`${y}-${String(month).padStart(2, '0')}`)!;
  if (kind === 'quarter') return parsePeriod(`${y}-Q${Math.floor((month - 1) / 3) + 1}`)!;
  const utcDay = Date.UTC(y, day.getUTCMonth(), day.getUTCDate());
  const weekday = (new Date(utcDay).getUTCDay() + 6) % 7; // Monday 0
  const thursday = utcDay - weekday * DAY_MS + 3 * DAY_MS;
  const wy = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - isoWeekStart(wy, 1)) / (7 * DAY_MS)) + 1;
  return parsePeriod(`${wy}-W${String(week).padStart(2, '0')}`)!;
}

function previous(p: ReportPeriod): ReportPeriod {
  return periodAt(p.kind, p.startMs - 1);
}

function make(code: string, kind: PeriodKind, startUtcDay: number, endUtcDay: number, label: string): ReportPeriod {
  return {
    code, kind, label,
    from: iso(startUtcDay), to: iso(endUtcDay - DAY_MS),
    startMs: startUtcDay - VIETNAM_OFFSET_MS, endMs: endUtcDay - VIETNAM_OFFSET_MS,
  };
}

/** Monday of ISO week 1 is the Monday of the week holding 4 January. */
function isoWeekStart(year: number, week: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  return monday + (week - 1) * 7 * DAY_MS;
}

function isoWeeksIn(year: number): number {
  return (isoWeekStart(year + 1, 1) - isoWeekStart(year, 1)) / (7 * DAY_MS);
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMonth = (ms: number) => { const d = new Date(ms); return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}`; };
