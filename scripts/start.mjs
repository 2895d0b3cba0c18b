// `npm start`: build the renderer if needed, then launch Electron when its binary can be had,
// otherwise fall back to the headless host and print (and open) its address.
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status === 0;

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const index = 'dist/renderer/index.html';
if (!existsSync(index) || newestMtime('renderer') > statSync(index).mtimeMs || newestMtime('shared') > statSync(index).mtimeMs) {
  console.error('Đang build giao diện… / Building the renderer…');
  if (!run('npx', ['vite', 'build', '--logLevel', 'warn'])) process.exit(1);
}

function electronBinary() {
  if (process.env.ANSINH_HEADLESS === '1') return null;
  try {
    // electron >= 45 downloads its binary on first use; where that cannot happen we use the headless host.
    const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { encoding: 'utf8', timeout: 180_000, stdio: ['ignore', 'pipe', 'ignore'] });
    const path = probe.status === 0 ? probe.stdout.trim() : '';
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const electron = electronBinary();
if (electron) {
  if (!run(process.execPath, ['scripts/build-electron.mjs'])) process.exit(1);
  if (!run(process.execPath, ['scripts/prepare-electron-native.mjs'])) process.exit(1);
  const child = spawn(electron, ['.'], { stdio: 'inherit', env: { ...process.env, ANSINH_SQLITE_BINDING: join(process.cwd(), 'dist/electron-native/better_sqlite3.node') } });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.error('Không có Electron trên máy này: chạy giao diện trên trình duyệt. / Electron unavailable: running headless.');
  const child = spawn(process.execPath, ['bin/ansinh.mjs', 'serve', '--open', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}
