import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleOptions } from '../../scripts/electron-bundle.mjs';

// The installed app runs bundles from dist/electron, not the sources the other tests run through tsx: what a
// bundled module finds at run time (fonts, data files beside a library's own files) is checked here, from a bundle
// built with the same options and placed at the same depth.
const root = path.resolve(__dirname, '../..');
const outDir = path.join(root, 'dist', 'bundle-check');
const work = mkdtempSync(path.join(os.tmpdir(), 'ansinh-bundle-'));
afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe('the Electron bundles', () => {
  it('write PDFs with the Vietnamese font embedded', async () => {
    const outfile = path.join(outDir, 'pdf-exports.cjs');
    await build({ ...bundleOptions, sourcemap: false, entryPoints: [path.join(__dirname, 'fixtures', 'pdf-exports-entry.ts')], outfile });
    const said = execFileSync(process.execPath, [outfile, work], { encoding: 'utf8', timeout: 60_000 });
    expect(said).toContain('written');
    for (const name of ['roster.pdf', 'report.pdf']) {
      const pdf = readFileSync(path.join(work, name)).toString('latin1');
      expect(pdf.startsWith('%PDF-')).toBe(true);
      expect(pdf).toMatch(/\/FontName \/[A-Z]{6}\+DejaVuSans/);
    }
  }, 120_000);
});
