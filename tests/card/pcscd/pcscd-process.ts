// Starts and stops a private pcscd for the card tests and the card benchmark, by PID. No systemd here, and an
// already-running pcscd blocks a second one, so the helper refuses to run beside a pcscd it did not start, and
// serialises test files (vitest runs them in parallel workers) with a lock directory owned by a live PID.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const PCSCD_SOCKET = '/run/pcscd/pcscd.comm';
export const VPCD_PORTS = [35963, 35964] as const;

const LOCK_DIR = path.join(os.tmpdir(), 'ansinh-pcscd-tests.lock');

export interface PcscdProcess {
  readonly pid: number;
  /** The daemon's recent output (for failure messages). */
  output(): string;
  /** SIGTERM, then waits for the process to exit (SIGKILL after the grace period). Idempotent. */
  stop(): Promise<void>;
}

export interface StartPcscdOptions {
  readyTimeoutMs?: number;
  /** How long to wait for another test worker's pcscd to finish. */
  lockTimeoutMs?: number;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** PIDs of running pcscd processes (zombies excluded). */
export function runningPcscdPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
      if (comm === 'pcscd' && state !== 'Z') pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

/** Listening TCP ports, read with `ss -ltn` (a connect would look like a card insertion to vpcd). */
function listeningPorts(): Set<number> {
  const out = execFileSync('ss', ['-ltnH'], { encoding: 'utf8' });
  const ports = new Set<number>();
  for (const line of out.split('\n')) {
    const local = line.trim().split(/\s+/)[3];
    const port = local?.slice(local.lastIndexOf(':') + 1);
    if (port) ports.add(Number(port));
  }
  return ports;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function acquireLock(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      writeFileSync(path.join(LOCK_DIR, 'pid'), String(process.pid));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let owner = 0;
    try {
      owner = Number(readFileSync(path.join(LOCK_DIR, 'pid'), 'utf8'));
    } catch {
      // being created or removed right now
    }
    if (owner && !isAlive(owner)) rmSync(LOCK_DIR, { recursive: true, force: true });
    if (Date.now() > deadline) throw new Error(`pcscd test lock ${LOCK_DIR} still held by pid ${owner || '?'}`);
    await sleep(100);
  }
}

function releaseLock(): void {
  try {
    if (Number(readFileSync(path.join(LOCK_DIR, 'pid'), 'utf8')) === process.pid) {
      rmSync(LOCK_DIR, { recursive: true, force: true });
    }
  } catch {
    // not ours or already gone
  }
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function startPcscd(options: StartPcscdOptions = {}): Promise<PcscdProcess> {
  await acquireLock(options.lockTimeoutMs ?? 180_000);
  let child: ChildProcess | undefined;
  try {
    const foreign = runningPcscdPids();
    if (foreign.length) {
      throw new Error(
        `pcscd is already running (pid ${foreign.join(', ')}) and was not started by these tests; ` +
          `stop it (kill ${foreign.join(' ')}) and run again`,
      );
    }
    for (const port of VPCD_PORTS) {
      if (listeningPorts().has(port)) throw new Error(`port ${port} is taken by another program; vpcd needs it`);
    }

    let output = '';
    // --auto-exit is deliberately absent: it unloads the vpcd driver after 60 s idle.
    child = spawn('pcscd', ['--foreground'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-8000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const spawnError = new Promise<Error>((resolve) => child!.once('error', resolve));
    const pid = child.pid;
    if (pid === undefined) throw await spawnError;

    // If the test process dies without stopping it, do not leave the daemon behind.
    const killOnExit = () => {
      if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    };
    process.on('exit', killOnExit);

    const started = child;
    let stopping: Promise<void> | undefined;
    const handle: PcscdProcess = {
      pid,
      output: () => output,
      stop: () =>
        (stopping ??= (async () => {
          if (started.exitCode === null && started.signalCode === null) {
            process.kill(pid, 'SIGTERM');
            if (!(await waitForExit(started, 5000))) {
              process.kill(pid, 'SIGKILL');
              await waitForExit(started, 5000);
            }
          }
          process.off('exit', killOnExit);
          releaseLock();
        })()),
    };

    const deadline = Date.now() + (options.readyTimeoutMs ?? 10_000);
    for (;;) {
      if (started.exitCode !== null || started.signalCode !== null) {
        await handle.stop();
        throw new Error(`pcscd exited at start (code ${started.exitCode}):\n${output}`);
      }
      if (existsSync(PCSCD_SOCKET)) {
        const ports = listeningPorts();
        if (VPCD_PORTS.every((port) => ports.has(port))) return handle;
      }
      if (Date.now() > deadline) {
        await handle.stop();
        throw new Error(`pcscd (pid ${pid}) not ready: no ${PCSCD_SOCKET} or vpcd ports:\n${output}`);
      }
      await sleep(50);
    }
  } catch (error) {
    if (child?.pid === undefined) releaseLock();
    throw error;
  }
}
