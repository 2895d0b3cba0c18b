import { createServer, connect, type Server, type Socket } from 'node:net';

// A loopback TCP proxy that makes a line as bad as a commune's: limited bandwidth each way, latency, lost
// segments (each costs a retransmission: one round trip of head-of-line delay, as TCP does), and connections cut
// at chosen or random points. `tc netem` is not available here; this is our own, seeded, so a schedule replays.

export interface LineSettings {
  /** Bytes per second each way (64 kbit/s = 8000); 0 = unlimited. */
  bytesPerSecond: number;
  /** Round trip time in ms (half each way). */
  rttMs: number;
  /** Probability that a segment is lost and sent again one round trip later. */
  loss: number;
  /** Probability, per forwarded segment, that the connection is cut there. */
  cutChance: number;
}

export const GOOD_LINE: LineSettings = { bytesPerSecond: 0, rttMs: 0, loss: 0, cutChance: 0 };

const SEGMENT = 1460;

/** A small seeded random generator (mulberry32): the same seed, the same schedule. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BadNetwork {
  url: string;
  settings: LineSettings;
  /** Where the proxy forwards (a restarted hub listens elsewhere). */
  target: { host: string; port: number };
  /** Upload cuts still to come, at these totals of bytes sent upstream. */
  cutAt: number[];
  /** Bytes sent upstream (desktop → hub), and those of them on connections that were then cut. */
  upstreamBytes: number;
  cutBytes: number;
  /** Bytes sent upstream that were still on the line when their connection was cut: lost, to be sent again. */
  lostBytes: number;
  cuts: number;
  /** Cuts every open connection now. */
  cutAll(): void;
  close(): Promise<void>;
}

export async function startBadNetwork(target: { host: string; port: number }, settings: LineSettings, random: () => number = Math.random): Promise<BadNetwork> {
  const open = new Set<{ client: Socket; upstream: Socket; up: number; flush?: () => void }>();
  const net: BadNetwork = {
    url: '',
    settings,
    target,
    cutAt: [],
    upstreamBytes: 0,
    cutBytes: 0,
    lostBytes: 0,
    cuts: 0,
    cutAll: () => {
      for (const c of [...open]) cut(c);
    },
    close: () => new Promise<void>((resolve) => {
      net.cutAll();
      server.close(() => resolve());
    }),
  };
  // What already crossed the line reaches the other end; the connection then breaks without a goodbye.
  const cut = (c: { client: Socket; upstream: Socket; up: number; flush?: () => void }) => {
    if (!open.delete(c)) return;
    net.cuts += 1;
    net.cutBytes += c.up;
    c.flush?.();
    c.client.destroy();
    c.upstream.end();
    setTimeout(() => c.upstream.destroy(), 200).unref();
  };
  const server: Server = createServer((client) => {
    const upstream = connect(net.target.port, net.target.host);
    const c: { client: Socket; upstream: Socket; up: number; flush?: () => void } = { client, upstream, up: 0 };
    open.add(c);
    const ends = () => {
      if (open.delete(c)) {
        client.destroy();
        upstream.destroy();
      }
    };
    pipe(client, upstream, true);
    pipe(upstream, client, false);
    client.on('error', ends).on('close', ends);
    upstream.on('error', ends).on('close', ends);

    function pipe(from: Socket, to: Socket, isUp: boolean) {
      let freeAt = 0; // when the line is free again in this direction
      const queue: { at: number; piece: Buffer }[] = [];
      let timer: NodeJS.Timeout | null = null;
      const drain = () => {
        timer = null;
        const now = Date.now();
        while (queue.length && queue[0].at <= now) if (!to.destroyed) to.write(queue.shift()!.piece); else queue.shift();
        if (queue.length) timer = setTimeout(drain, queue[0].at - now);
      };
      if (isUp) c.flush = () => {
        if (timer) clearTimeout(timer);
        drain();
        if (timer) clearTimeout(timer);
        for (const q of queue.splice(0)) net.lostBytes += q.piece.length;
      };
      from.on('data', (chunk: Buffer) => {
        for (let i = 0; i < chunk.length; i += SEGMENT) {
          const piece = chunk.subarray(i, i + SEGMENT);
          const s = net.settings;
          if (isUp) {
            net.upstreamBytes += piece.length;
            c.up += piece.length;
            if (net.cutAt.length && net.upstreamBytes >= net.cutAt[0]) {
              net.cutAt.shift();
              return cut(c);
            }
          }
          if (s.cutChance && random() < s.cutChance) return cut(c);
          const now = Date.now();
          const sendTime = s.bytesPerSecond ? (piece.length * 1000) / s.bytesPerSecond : 0;
          freeAt = Math.max(freeAt, now) + sendTime + (s.loss && random() < s.loss ? s.rttMs : 0);
          queue.push({ at: freeAt + s.rttMs / 2, piece });
        }
        if (!timer) drain();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  net.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return net;
}
