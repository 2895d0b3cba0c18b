// Builds better-sqlite3 for Electron's ABI into dist/electron-native/, leaving node_modules built for Node
// (the CLI, the headless host and the tests keep working). Only run when Electron is launched or packaged.
import { cpSync, existsSync, mkdirSync, rmSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { rebuild } from '@electron/rebuild';

const require = createRequire(import.meta.url);
const target = 'dist/electron-native/better_sqlite3.node';
const electronVersion = require('electron/package.json').version;
const stamp = `dist/electron-native/${electronVersion}.stamp`;
if (existsSync(target) && existsSync(stamp)) process.exit(0);

const work = 'dist/electron-native/build';
rmSync(work, { recursive: true, force: true });
mkdirSync(join(work, 'node_modules'), { recursive: true });
cpSync('node_modules/better-sqlite3', join(work, 'node_modules/better-sqlite3'), { recursive: true });
cpSync('package.json', join(work, 'package.json'));
await rebuild({ buildPath: work, electronVersion, onlyModules: ['better-sqlite3'], force: true });
copyFileSync(join(work, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), target);
copyFileSync(target, stamp);
console.log(`better-sqlite3 built for Electron ${electronVersion}`);
