import { afterAll, beforeAll, describe, it } from 'vitest';
import { tempDir } from '../support/temp-database';
import { startTestHub, type TestHub } from '../support/sync-hub';
import { schedule } from '../support/sync-schedule';

// Property-style: a commune and the office above work, sync online through a bad line (latency, loss, cuts at
// random points), carry USB bundles (lost, repeated, out of order), restart; the hub restarts too. Whatever the
// schedule, once the line is good again both ends hold the same data, and every change reached the hub and the
// other end exactly once. The schedule replays exactly from its seed (the line's cuts from their own stream, so
// nearly: where a cut falls depends on the bytes sent). A few fixed seeds run in the suite; ANSINH_SYNC_SEEDS=N runs N more, ANSINH_SYNC_SEED=S one.

const extra = Number(process.env.ANSINH_SYNC_SEEDS ?? 0);
const SEEDS = process.env.ANSINH_SYNC_SEED ? [Number(process.env.ANSINH_SYNC_SEED)] : [33, 1000, 1002, ...Array.from({ length: extra }, (_, i) => 5000 + i)];

let hub: TestHub;
let dir: string;
let cleanup: () => void;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  hub = await startTestHub();
}, 120_000);
afterAll(async () => {
  await hub?.close();
  cleanup();
});

describe('convergence over a bad line, bundles and restarts', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}`, async () => {
      await schedule(hub, dir, seed);
    }, 120_000);
  }
});

