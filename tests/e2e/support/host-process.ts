import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { repoRoot } from './paths';

export interface RunningHost {
  url: string;
  origin: string;
  pid: number;
  stop(): Promise<void>;
}

/** `ansinh demo --db PATH`: the demo commune with its fixed accounts. */
export function createDemoDatabase(dbPath: string): void {
  execFileSync(process.execPath, ['bin/ansinh.mjs', 'demo', '--db', dbPath, '--json'], { cwd: repoRoot, stdio: 'pipe' });
}

/** An empty database (PEOPLE 0) or a demo commune of any size, through the same code `ansinh demo` uses. */
export interface MadeDatabase {
  people: number;
  /** The name of the person edited (--edits) or added (--card-person). */
  edited: string | null;
  /** --edits: that person, whose name and birth are now verified by chip. */
  person: { id: string; fullName: string; idNumber: string | null; birth: string | null } | null;
}

export function makeDatabase(dbPath: string, people: number, options: { edits?: boolean; cardPerson?: boolean } = {}): MadeDatabase {
  const flag = options.edits ? ['--edits'] : options.cardPerson ? ['--card-person'] : [];
  const args = ['--import', 'tsx', 'tests/e2e/support/make-database.ts', dbPath, String(people), ...flag];
  return JSON.parse(execFileSync(process.execPath, args, { cwd: repoRoot, stdio: 'pipe' }).toString().trim().split('\n').pop()!);
}

/** `ansinh serve --db PATH --json`; its first stdout line is {"url": "http://127.0.0.1:PORT/#k=SECRET"}. */
export function startHost(dbPath: string, env: Record<string, string> = {}): Promise<RunningHost> {
  const args = ['bin/ansinh.mjs', 'serve', '--db', dbPath, '--json'];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`the host did not print its address in 30 s.\n${stderr}`)), 30_000);
    const fail = (e: Error) => {
      clearTimeout(timer);
      child.kill('SIGTERM');
      reject(e);
    };
    child.once('exit', (code) => fail(new Error(`the host exited (${code}) before printing its address.\n${stderr}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      let url: string;
      try {
        url = (JSON.parse(line) as { url: string }).url;
      } catch {
        return fail(new Error(`the host printed something else than {"url": …}: ${line}`));
      }
      resolve({ url, origin: new URL(url).origin, pid: child.pid!, stop: () => stopProcess(child) });
    });
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
