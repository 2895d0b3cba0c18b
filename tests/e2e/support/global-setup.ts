import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemoDatabase, startHost } from './host-process';
import { repoRoot } from './paths';
import { ensureRendererBuilt } from './renderer-build';

/**
 * Chromium from Debian, a fresh renderer build, a temporary demo database and the headless host on it.
 * Tests read the address from ANSINH_E2E_URL (and the folder from ANSINH_E2E_DIR); the host stops at teardown.
 */
export default async function globalSetup() {
  execFileSync('bash', [join(repoRoot, 'scripts/ensure-chromium.sh')], { stdio: 'inherit' });
  ensureRendererBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'ansinh-e2e-'));
  const dbPath = join(dir, 'demo.db');
  createDemoDatabase(dbPath);
  const host = await startHost(dbPath);
  process.env.ANSINH_E2E_URL = host.url;
  process.env.ANSINH_E2E_DIR = dir;
  return async () => {
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
