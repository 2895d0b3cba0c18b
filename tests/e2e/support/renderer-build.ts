import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds dist/renderer with Vite when it is missing or older than the renderer or shared sources. */
export function ensureRendererBuilt(): void {
  const index = join(repoRoot, 'dist/renderer/index.html');
  const sources = Math.max(
    newestMtime(join(repoRoot, 'renderer')), newestMtime(join(repoRoot, 'shared')), statSync(join(repoRoot, 'vite.config.ts')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  // Build beside the live folder and swap it in, so a host already serving dist/renderer (another test run in the
  // same checkout) never sees it half-empty.
  const staging = join(repoRoot, 'dist', `.renderer-${process.pid}`);
  execFileSync(process.execPath, [join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '--outDir', staging],
    { cwd: repoRoot, stdio: 'inherit' });
  rmSync(join(repoRoot, 'dist/renderer'), { recursive: true, force: true });
  renameSync(staging, join(repoRoot, 'dist/renderer'));
}
