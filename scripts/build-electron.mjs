// Bundles the Electron door (main, preload, services process) into dist/electron/*.cjs.
// What stays out of the bundles, and why: electron-bundle.mjs.
import { build } from 'esbuild';
import { bundleOptions } from './electron-bundle.mjs';

const common = bundleOptions;

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
