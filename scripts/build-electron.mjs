// Bundles the Electron door (main, preload, services process) into dist/electron/*.cjs.
// Native modules stay external: they are rebuilt for Electron's ABI only when Electron is launched or packaged.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: true,
  external: ['electron', 'better-sqlite3', 'pcsclite'],
  logLevel: 'warning',
  // Sources are ESM; in the CommonJS bundle import.meta.url is rebuilt from __filename (same folder depth).
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

await Promise.all([
  build({ ...common, entryPoints: ['main/doors/electron/main.ts'], outfile: 'dist/electron/main.cjs' }),
  build({ ...common, entryPoints: ['main/doors/electron/preload.ts'], outfile: 'dist/electron/preload.cjs' }),
  build({ ...common, entryPoints: ['main/doors/electron/services-process.ts'], outfile: 'dist/electron/services-process.cjs' }),
  // The import's workbook reader runs in a worker thread, loaded from beside the services bundle.
  build({ ...common, entryPoints: ['main/excel/read-worker/workbook-read-worker.ts'], outfile: 'dist/electron/workbook-read-worker.cjs' }),
  // The import's commit runs in a worker thread of its own (main/excel/commit-worker), loaded from beside it too.
  build({ ...common, entryPoints: ['main/excel/commit-worker/import-commit-worker.ts'], outfile: 'dist/electron/import-commit-worker.cjs' }),
]);
console.log('dist/electron built');
