import { foldVietnamese } from '../../shared/text/fold';

// What period a commune's list is for, and how new it says it is, from its title rows ("Tháng 11 năm 2026",
// "Quý IV/2026", "…, ngày 15 tháng 11 năm 2026", "(lần 2)", "bổ sung"). Pure.

export interface ListVersion {
  /** "2026-11", "2026-Q4", "2026"; null when the title names no period. */
  period: string | null;
  /** The date the list was drawn up ("ngày 15 tháng 11 năm 2026"), ISO; null when none. */
  drawnUp: string | null;
  /** "lần 2" → 2; "bổ sung" / "cập nhật" without a number → 2; else null. */
  revision: number | null;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

export function listVersion(lines: readonly string[]): ListVersion {
  let period: string | null = null;
  let drawnUp: string | null = null;
  let revision: number | null = null;
  for (const raw of lines) {
    const line = foldVietnamese(raw);
    const date = /ngay\s+(\d{1,2})\s+(?:thang\s+)?(\d{1,2})\s+(?:nam\s+)?(\d{4})/.exec(line);
    if (date && !drawnUp) drawnUp = `${date[3]}-${date[2].padStart(2, '0')}-${date[1].padStart(2, '0')}`;
    const withoutDate = date ? line.replace(date[0], ' ') : line;
    if (!period) {
      const month = /thang\s+(\d{1,2})\s+(?:nam\s+)?(\d{4})/.exec(withoutDate);
      const quarter = /quy\s+(iv|iii|ii|i|[1-4])\s+(?:nam\s+)?(\d{4})/.exec(withoutDate);
      const year = /nam\s+(\d{4})/.exec(withoutDate);
      if (month && Number(month[1]) >= 1 && Number(month[1]) <= 12) period = `${month[2]}-${month[1].padStart(2, '0')}`;
      else if (quarter) period = `${quarter[2]}-Q${ROMAN[quarter[1]] ?? Number(quarter[1])}`;
      else if (year) period = year[1];
    }
    const time = /\blan\s+(?:thu\s+)?(\d{1,2})\b/.exec(line);
    if (time && revision === null) revision = Number(time[1]);
    else if (revision === null && /\b(bo sung|cap nhat|dieu chinh)\b/.test(line)) revision = 2;
  }
  return { period, drawnUp, revision };
}

/**
 * Which of two versions of one commune's list is newer: by period, then the date drawn up, then the revision;
 * 0 when nothing tells them apart (both claim to be the latest).
 */
export function compareVersions(a: ListVersion, b: ListVersion): number {
  const order = (x: string | null, y: string | null) => (x === y ? 0 : x === null ? -1 : y === null ? 1 : periodStart(x) < periodStart(y) ? -1 : periodStart(x) > periodStart(y) ? 1 : 0);
  return order(a.period, b.period) || order(a.drawnUp, b.drawnUp) || (a.revision ?? 1) - (b.revision ?? 1);
}

/** "2026-Q4" → "2026-10", "2026" → "2026-01", "2026-11" stays: periods compare by their first month. */
function periodStart(p: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(p);
  if (q) return `${q[1]}-${String((Number(q[2]) - 1) * 3 + 1).padStart(2, '0')}`;
  return /^\d{4}$/.test(p) ? `${p}-01` : p;
}
