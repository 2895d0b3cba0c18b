// Sync in the background: a round every `everyMs` while the hub answers; when it does not (no line, a cut, the hub
// down, a refusal), the next try waits longer each time (firstBackoffMs, doubling, at most maxBackoffMs), and the
// first success goes back to the normal pace. A round never runs twice at once (the caller's round waits for one under
// way) and never holds the clerk: it is network waits and short transactions. Timers do not keep a process alive.

export interface BackgroundSyncOptions {
  everyMs: number;
  firstBackoffMs: number;
  maxBackoffMs: number;
}

export interface BackgroundSyncState {
  running: boolean;
  /** Rounds failed in a row since the last success. */
  failures: number;
  /** How long until the next round. */
  nextInMs: number;
}

export interface BackgroundSync {
  state(): BackgroundSyncState;
  stop(): void;
}

export const DEFAULT_BACKGROUND: BackgroundSyncOptions = { everyMs: 5 * 60_000, firstBackoffMs: 30_000, maxBackoffMs: 30 * 60_000 };

/** `canSync`: whether this database may sync at all (enrolled, not a copied file); when not, it only looks again later. */
export function startBackgroundSync(round: () => Promise<unknown>, canSync: () => boolean, options: BackgroundSyncOptions = DEFAULT_BACKGROUND): BackgroundSync {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let failures = 0;
  let nextInMs = options.everyMs;
  let running = false;

  const schedule = (ms: number) => {
    nextInMs = ms;
    timer = setTimeout(() => void tick(), ms);
    timer.unref();
  };

  async function tick() {
    timer = null;
    if (stopped) return;
    if (!canSync()) return schedule(options.everyMs);
    running = true;
    try {
      await round();
      failures = 0;
    } catch {
      failures += 1;
    } finally {
      running = false;
    }
    if (!stopped) schedule(failures ? Math.min(options.firstBackoffMs * 2 ** (failures - 1), options.maxBackoffMs) : options.everyMs);
  }

  schedule(options.everyMs);
  return {
    state: () => ({ running, failures, nextInMs }),
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
