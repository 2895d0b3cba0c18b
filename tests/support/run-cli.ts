import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const BIN = resolve(__dirname, '..', '..', 'bin', 'ansinh.mjs');

/** Runs the real `ansinh` command as a user would. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export const dbIn = (dir: string, name = 'demo.db') => join(dir, name);
