import { randomUUID } from 'node:crypto';
import { chmodSync, closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir, userInfo } from 'node:os';
import { AppError } from '../core/errors';

// A private folder where a door and the services hand files to each other by reference (an id), so that no
// path from the page ever reaches the file system. The files are people's lists: the folder is the user's own
// (0700, in the user's temporary folder — on Windows inside the user's profile), each file 0600, and each
// process writes into a subfolder named by its pid, so that what a crashed process left is recognised and
// removed at the next start (clearHandoverLeftovers) or the next hand-over. Files older than `maxAgeMs` are swept.
// With `ownerVar`, a door and the services process it starts (a child, which inherits the door's environment)
// share the door's subfolder, a file is found only there, and the folder goes when the door exits.

export interface HandoverFolder {
  /** A new file's reference and path (created empty, owner-only; the folder is created, private, and swept). */
  newFile(): { ref: string; path: string };
  /** The path of a file by its reference, or null when the reference is malformed or the file is gone. */
  pathOf(ref: string): string | null;
  /** Removes what processes that are no longer running left behind. */
  clearLeftovers(): void;
}

const folders = new Set<HandoverFolder>();

/** At a start: every hand-over folder loses what a crashed process left in it. */
export function clearHandoverLeftovers(): void {
  for (const folder of folders) folder.clearLeftovers();
}

export function handoverFolder(options: { name: string; envVar: string; maxAgeMs: number; ownerVar?: string }): HandoverFolder {
  const root = () => process.env[options.envVar] ?? join(privateTempRoot(), options.name);
  const owner = (): string => {
    const { ownerVar } = options;
    if (!ownerVar) return String(process.pid);
    if (!process.env[ownerVar]) {
      process.env[ownerVar] = String(process.pid);
      process.once('exit', () => rmSync(join(root(), String(process.pid)), { recursive: true, force: true }));
    }
    return process.env[ownerVar]!;
  };
  const folder: HandoverFolder = {
    newFile() {
      const base = root();
      ensurePrivateFolder(base);
      sweep(base, options.maxAgeMs);
      const own = join(base, owner());
      ensurePrivateFolder(own);
      const ref = randomUUID();
      const path = join(own, ref);
      closeSync(openSync(path, 'wx', 0o600)); // later writes keep the mode of the file they open
      return { ref, path };
    },
    pathOf(ref) {
      if (!/^[0-9a-f-]{36}$/.test(ref)) return null;
      const base = root();
      const owners = options.ownerVar ? [owner()] : entries(base);
      for (const name of owners) {
        const path = join(base, name, ref);
        if (existsSync(path)) return path;
      }
      return null;
    },
    clearLeftovers() {
      const base = root();
      for (const name of entries(base)) {
        const p = join(base, name);
        if (!/^\d+$/.test(name) || !isRunning(Number(name))) rmSync(p, { recursive: true, force: true });
      }
    },
  };
  if (options.ownerVar) owner(); // now, so that a services process started before the first file inherits it
  folders.add(folder);
  return folder;
}

/** The user's own temporary area: %TEMP% is in the profile on Windows; elsewhere a folder named for the user id. */
function privateTempRoot(): string {
  return process.platform === 'win32' ? join(tmpdir(), 'AnSinhDesk') : join(tmpdir(), `ansinh-${userInfo().uid}`);
}

/** Creates the folder 0700, or tightens it; refuses one that is a link or another user's (planted in a shared /tmp). */
function ensurePrivateFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform === 'win32') return;
  const st = lstatSync(dir);
  if (!st.isDirectory() || st.uid !== process.getuid!()) {
    throw new AppError('handover-folder-unsafe', `Thư mục tạm ${dir} không thuộc người dùng này; không dùng nó để chuyển tệp.`,
      `The temporary folder ${dir} is not this user's own; not using it.`);
  }
  if ((st.mode & 0o077) !== 0) chmodSync(dir, 0o700);
}

function sweep(base: string, maxAgeMs: number): void {
  for (const owner of entries(base)) {
    const dir = join(base, owner);
    if (/^\d+$/.test(owner) && !isRunning(Number(owner))) {
      rmSync(dir, { recursive: true, force: true });
      continue;
    }
    for (const name of entries(dir)) {
      const p = join(dir, name);
      try {
        if (Date.now() - statSync(p).mtimeMs > maxAgeMs) rmSync(p, { force: true });
      } catch {
        // removed meanwhile by another process: nothing to sweep
      }
    }
  }
}

function entries(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // running, as another user
  }
}
