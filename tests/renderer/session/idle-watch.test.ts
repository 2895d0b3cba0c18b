import { describe, expect, it } from 'vitest';
import { HEARTBEAT_MS, IdleWatch } from '../../../renderer/session/idle-watch';

const MIN = 60_000;

describe('IdleWatch', () => {
  it('locks after the idle minutes without input, and input restarts the clock', () => {
    const w = new IdleWatch(15 * MIN, 0);
    expect(w.shouldLock(15 * MIN - 1)).toBe(false);
    expect(w.shouldLock(15 * MIN)).toBe(true);
    w.input(10 * MIN);
    expect(w.shouldLock(20 * MIN)).toBe(false);
    expect(w.shouldLock(25 * MIN)).toBe(true);
  });

  it('never locks when the idle time is 0 (locking switched off)', () => {
    expect(new IdleWatch(0, 0).shouldLock(10 ** 9)).toBe(false);
  });

  it('asks for a heartbeat only when the clerk is active but the server has not heard from us for a while', () => {
    const w = new IdleWatch(15 * MIN, 0);
    expect(w.needsHeartbeat(HEARTBEAT_MS * 2)).toBe(false); // no input since: nothing to report
    w.input(30_000);
    expect(w.needsHeartbeat(HEARTBEAT_MS - 1)).toBe(false);
    expect(w.needsHeartbeat(HEARTBEAT_MS)).toBe(true);
    w.serverContact(HEARTBEAT_MS);
    expect(w.needsHeartbeat(HEARTBEAT_MS * 2)).toBe(false);
  });
});
