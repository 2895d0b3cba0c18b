import { afterEach, describe, expect, it, vi } from 'vitest';
import { startBackgroundSync } from '../../../main/sync/background-sync';

// Sync on its own: at its pace while the hub answers, backing off (doubling, capped) while it does not, back to its
// pace after the first success; nothing while the database cannot sync; never two rounds at once.

afterEach(() => {
  vi.useRealTimers();
});

describe('background sync', () => {
  it('backs off while rounds fail, doubling up to the cap, and returns to its pace after a success', async () => {
    vi.useFakeTimers();
    let fail = 3;
    let rounds = 0;
    const round = vi.fn(async () => {
      rounds += 1;
      if (fail-- > 0) throw new Error('offline');
    });
    const bg = startBackgroundSync(round, () => true, { everyMs: 1000, firstBackoffMs: 100, maxBackoffMs: 250 });
    expect(bg.state()).toMatchObject({ failures: 0, nextInMs: 1000 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(bg.state()).toMatchObject({ failures: 1, nextInMs: 100 });
    await vi.advanceTimersByTimeAsync(100);
    expect(bg.state()).toMatchObject({ failures: 2, nextInMs: 200 });
    await vi.advanceTimersByTimeAsync(200);
    expect(bg.state()).toMatchObject({ failures: 3, nextInMs: 250 });
    await vi.advanceTimersByTimeAsync(250);
    expect(bg.state()).toMatchObject({ failures: 0, nextInMs: 1000 });
    expect(rounds).toBe(4);
    bg.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(rounds).toBe(4);
  });

  it('runs nothing while the database cannot sync (not enrolled, a copied file), and looks again at its pace', async () => {
    vi.useFakeTimers();
    let enrolled = false;
    const round = vi.fn(async () => undefined);
    const bg = startBackgroundSync(round, () => enrolled, { everyMs: 1000, firstBackoffMs: 100, maxBackoffMs: 250 });
    await vi.advanceTimersByTimeAsync(3000);
    expect(round).not.toHaveBeenCalled();
    enrolled = true;
    await vi.advanceTimersByTimeAsync(1000);
    expect(round).toHaveBeenCalledTimes(1);
    bg.stop();
  });

  it('waits for a slow round to finish before counting the next wait', async () => {
    vi.useFakeTimers();
    let release: () => void = () => undefined;
    const round = vi.fn(() => new Promise<void>((r) => { release = r; }));
    const bg = startBackgroundSync(round, () => true, { everyMs: 1000, firstBackoffMs: 100, maxBackoffMs: 250 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(bg.state().running).toBe(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(round).toHaveBeenCalledTimes(1);
    release();
    await vi.advanceTimersByTimeAsync(1000);
    expect(round).toHaveBeenCalledTimes(2);
    bg.stop();
  });
});
