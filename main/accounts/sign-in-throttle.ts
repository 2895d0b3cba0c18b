// How long a username must wait after wrong passwords: nothing for the first few (people mistype), then a delay
// that doubles with each further failure, capped so that nobody — the last administrator included — can be
// locked out for longer than the cap by someone typing wrong passwords in their name.

export const FREE_FAILURES = 5;
export const FIRST_DELAY_MS = 30_000;
export const MAX_DELAY_MS = 15 * 60_000;

/** The wait imposed after `failures` consecutive wrong passwords (0 while under the free allowance). */
export function delayAfterFailures(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - FREE_FAILURES));
}

/** Milliseconds still to wait before the next attempt is heard (0: go ahead). */
export function remainingWait(failures: number, lastFailureAt: number | null, now: number): number {
  if (lastFailureAt === null) return 0;
  return Math.max(0, lastFailureAt + delayAfterFailures(failures) - now);
}

/** "30 giây", "2 phút", "1 phút 30 giây": the wait in words, rounded up to the second. */
export function waitInWords(ms: number): { vi: string; en: string } {
  const total = Math.max(1, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  const vi = [minutes ? `${minutes} phút` : '', seconds ? `${seconds} giây` : ''].filter(Boolean).join(' ');
  const en = [minutes ? `${minutes} min` : '', seconds ? `${seconds} s` : ''].filter(Boolean).join(' ');
  return { vi, en };
}
