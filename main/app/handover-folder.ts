import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

// A private folder where a door and the services hand files to each other by reference (an id), so that no
// path from the page ever reaches the file system. Files older than `maxAgeMs` are swept on each new one.

export interface HandoverFolder {
  /** A new file's reference and path (the folder is created, owner-only, and swept). */
  newFile(): { ref: string; path: string };
  /** The path of a file by its reference, or null when the reference is malformed or the file is gone. */
  pathOf(ref: string): string | null;
}

export function handoverFolder(options: { name: string; envVar: string; maxAgeMs: number }): HandoverFolder {
  const dir = () => process.env[options.envVar] ?? join(tmpdir(), options.name);
  return {
    newFile() {
      const folder = dir();
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      sweep(folder, options.maxAgeMs);
      const ref = randomUUID();
      return { ref, path: join(folder, ref) };
    },
    pathOf(ref) {
      if (!/^[0-9a-f-]{36}$/.test(ref)) return null;
      const path = join(dir(), ref);
      return existsSync(path) ? path : null;
    },
  };
}

function sweep(folder: string, maxAgeMs: number): void {
  for (const name of readdirSync(folder)) {
    const p = join(folder, name);
    try {
      if (Date.now() - statSync(p).mtimeMs > maxAgeMs) rmSync(p, { force: true });
    } catch {
      // removed meanwhile by another process: nothing to sweep
    }
  }
}
