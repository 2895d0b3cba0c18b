// Hybrid logical clock: orders changes across devices for display and tie-breaks even when an
// office PC's wall clock is wrong. Never used to decide a conflict (the per-device sequence orders a device's own changes).

export interface HlcTimestamp {
  wallMs: number;
  counter: number;
}

export function formatHlc(t: HlcTimestamp, deviceId: string): string {
  return `${t.wallMs.toString().padStart(15, '0')}-${t.counter.toString().padStart(5, '0')}-${deviceId}`;
}

export function parseHlc(text: string): HlcTimestamp & { deviceId: string } {
  const [wall, counter, ...rest] = text.split('-');
  return { wallMs: Number(wall), counter: Number(counter), deviceId: rest.join('-') };
}

/** Next local timestamp: never goes backwards, even when the wall clock does. */
export function tickHlc(last: HlcTimestamp | null, nowMs: number): HlcTimestamp {
  if (!last || nowMs > last.wallMs) return { wallMs: nowMs, counter: 0 };
  return { wallMs: last.wallMs, counter: last.counter + 1 };
}

/** Merge a timestamp received from another device (sync), so our next one sorts after it. */
export function receiveHlc(last: HlcTimestamp | null, remote: HlcTimestamp, nowMs: number): HlcTimestamp {
  const lastWall = last?.wallMs ?? 0;
  const wall = Math.max(lastWall, remote.wallMs, nowMs);
  if (wall === lastWall && wall === remote.wallMs) return { wallMs: wall, counter: Math.max(last!.counter, remote.counter) + 1 };
  if (wall === lastWall) return { wallMs: wall, counter: last!.counter + 1 };
  if (wall === remote.wallMs) return { wallMs: wall, counter: remote.counter + 1 };
  return { wallMs: wall, counter: 0 };
}

export function hlcToIso(text: string): string {
  return new Date(parseHlc(text).wallMs).toISOString();
}
