// Runs the project's PC/SC setup script (idempotent, quiet when everything is there) so the card tests also work
// under a plain `npx vitest run` on a fresh machine.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export function ensurePcscStack(): void {
  execFileSync('bash', [path.join(repoRoot, 'scripts/pcsc/ensure-pcsc.sh')], { stdio: ['ignore', 'inherit', 'inherit'] });
}
