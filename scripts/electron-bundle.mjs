// How the Electron door's bundles are built (scripts/build-electron.mjs), shared with the test that runs a bundle
// as the installed app would (tests/scripts/electron-bundle.test.ts).
//
// Left out of the bundle and loaded from node_modules at run time (electron-builder ships the production
// dependencies beside dist/):
// - native modules, rebuilt for Electron's ABI only when Electron is launched or packaged;
// - pdfkit, which finds its standard fonts through its own package.json ("#standard-fonts/…" imports) and its
//   colour profile beside its own file: bundled, every PDF export failed with "Cannot find module
//   '#standard-fonts/Helvetica'".
export const bundleOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: true,
  external: ['electron', 'better-sqlite3', 'pcsclite', 'pdfkit'],
  logLevel: 'warning',
  // Sources are ESM; in the CommonJS bundle import.meta.url is rebuilt from __filename (same folder depth).
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};
