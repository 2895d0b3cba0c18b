import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface, type Interface } from 'node:readline';
import { repoRoot } from './paths';
import type { SyncRigFacts, SyncRigRequest } from './sync-rig';

// The test's side of sync-rig.ts: starts it, reads what it made, asks it questions, stops it.

export interface SyncRigProcess extends SyncRigFacts {
  ask<T>(request: SyncRigRequest): Promise<T>;
  stop(): Promise<void>;
}

export function startSyncRigProcess(dir: string): Promise<SyncRigProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'tests/e2e/support/sync-rig.ts', dir], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
  const lines: Interface = createInterface({ input: child.stdout! });
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  const nextLine = (what: string) => new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the sync rig did not answer ${what} in 60 s.\n${stderr}`)), 60_000);
    const onExit = (code: number | null) => reject(new Error(`the sync rig exited (${code}) before answering ${what}.\n${stderr}`));
    child.once('exit', onExit);
    waiting.push((line) => {
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve(line);
    });
  });
  return nextLine('its start').then((first) => ({
    ...(JSON.parse(first) as SyncRigFacts),
    async ask<T>(request: SyncRigRequest): Promise<T> {
      const answer = nextLine(request.do);
      child.stdin!.write(`${JSON.stringify(request)}\n`);
      const a = JSON.parse(await answer) as { ok?: T; error?: string };
      if (a.error !== undefined) throw new Error(`sync rig: ${a.error}`);
      return a.ok as T;
    },
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.stdin!.end();
    }),
  }));
}
