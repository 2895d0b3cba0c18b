// Decides when the screen should lock (no keyboard/mouse input for the configured minutes) and when to tell the
// main process that the clerk is still there (its own lock timer only sees requests, not reading or scrolling).

export const HEARTBEAT_MS = 60_000;

export class IdleWatch {
  private lastInput: number;
  private lastContact: number;

  constructor(private readonly idleMs: number, now: number) {
    this.lastInput = now;
    this.lastContact = now;
  }

  input(now: number): void {
    this.lastInput = now;
  }

  serverContact(now: number): void {
    this.lastContact = now;
  }

  shouldLock(now: number): boolean {
    return this.idleMs > 0 && now - this.lastInput >= this.idleMs;
  }

  /** True when there was input since the last request and the server has not heard from us for a while. */
  needsHeartbeat(now: number): boolean {
    return this.lastInput > this.lastContact && now - this.lastContact >= HEARTBEAT_MS && !this.shouldLock(now);
  }
}
