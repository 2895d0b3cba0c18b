import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { clearHandoverLeftovers, handoverFolder } from '../../../main/app/handover-folder';
import { tempDir } from '../../support/temp-database';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  process.env.ANSINH_TEST_HANDOVER_DIR = join(dir, 'handover');
});
afterEach(() => {
  delete process.env.ANSINH_TEST_HANDOVER_DIR;
  cleanup();
});

const folder = () => handoverFolder({ name: 'ansinh-test-handover', envVar: 'ANSINH_TEST_HANDOVER_DIR', maxAgeMs: 3600_000 });
const mode = (p: string) => statSync(p).mode & 0o777;

/** The pid of a process that has run and ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('hand-over folder', () => {
  it('is readable by its user only: folders 0700, files 0600, a too-open folder tightened', () => {
    const base = process.env.ANSINH_TEST_HANDOVER_DIR!;
    mkdirSync(base, { mode: 0o755 });
    chmodSync(base, 0o755);
    const { ref, path } = folder().newFile();
    writeFileSync(path, 'Nguyễn Văn A;001234567890');
    expect(mode(base)).toBe(0o700);
    expect(mode(dirname(path))).toBe(0o700);
    expect(mode(path)).toBe(0o600);
    expect(folder().pathOf(ref)).toBe(path);
    expect(folder().pathOf('../../etc/passwd')).toBeNull();
  });

  it('removes at start what a crashed process left, and keeps what a running one is handing over', () => {
    const handover = folder();
    const mine = handover.newFile();
    writeFileSync(mine.path, 'đang dùng');
    const crashed = join(process.env.ANSINH_TEST_HANDOVER_DIR!, String(deadPid()));
    mkdirSync(crashed, { mode: 0o700 });
    const left = join(crashed, '0b6f3a0e-3c1e-4e8a-9d3b-4f3c2a1b0c9d');
    writeFileSync(left, 'Danh sách chi trả còn sót', { mode: 0o600 });
    const stray = join(process.env.ANSINH_TEST_HANDOVER_DIR!, 'old-upload.xlsx');
    writeFileSync(stray, 'phiên bản cũ');

    clearHandoverLeftovers();

    expect(existsSync(left)).toBe(false);
    expect(existsSync(crashed)).toBe(false);
    expect(existsSync(stray)).toBe(false);
    expect(existsSync(mine.path)).toBe(true);
    expect(handover.pathOf('0b6f3a0e-3c1e-4e8a-9d3b-4f3c2a1b0c9d')).toBeNull();
  });

  it('sweeps a crashed process folder at the next hand-over too', () => {
    const crashed = join(process.env.ANSINH_TEST_HANDOVER_DIR!, String(deadPid()));
    mkdirSync(crashed, { recursive: true, mode: 0o700 });
    writeFileSync(join(crashed, '1b6f3a0e-3c1e-4e8a-9d3b-4f3c2a1b0c9d'), 'x');
    folder().newFile();
    expect(existsSync(crashed)).toBe(false);
  });

  it('with an owner, files go into the owner\'s folder, found there only, and a child started before any file inherits it', () => {
    delete process.env.ANSINH_TEST_HANDOVER_OWNER;
    const owned = () => handoverFolder({ name: 'ansinh-test-handover', envVar: 'ANSINH_TEST_HANDOVER_DIR', maxAgeMs: 3600_000, ownerVar: 'ANSINH_TEST_HANDOVER_OWNER' });
    const door = owned();
    expect(process.env.ANSINH_TEST_HANDOVER_OWNER).toBe(String(process.pid));
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(process.env.ANSINH_TEST_HANDOVER_OWNER ?? "")']);
    expect(child.stdout.toString()).toBe(String(process.pid));
    const { ref, path } = door.newFile();
    expect(dirname(path)).toBe(join(process.env.ANSINH_TEST_HANDOVER_DIR!, String(process.pid)));
    expect(owned().pathOf(ref)).toBe(path);

    const otherApp = join(process.env.ANSINH_TEST_HANDOVER_DIR!, String(process.ppid)); // a running process's folder
    mkdirSync(otherApp, { mode: 0o700 });
    writeFileSync(join(otherApp, '2b6f3a0e-3c1e-4e8a-9d3b-4f3c2a1b0c9d'), 'tệp của ứng dụng khác', { mode: 0o600 });
    expect(door.pathOf('2b6f3a0e-3c1e-4e8a-9d3b-4f3c2a1b0c9d')).toBeNull();
    expect(folder().pathOf('2b6f3a0e-3c1e-4e8a-9d3b-4f3c2a1b0c9d')).not.toBeNull(); // without an owner: any running process's
    delete process.env.ANSINH_TEST_HANDOVER_OWNER;
  });
});
