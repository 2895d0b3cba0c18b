import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleOptions } from '../../scripts/electron-bundle.mjs';
import { writeGovernmentWorkbook } from '../fixtures/excel/government-xlsx';

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

  it('import a list through their workers, make the month and print it, as the services process does', async () => {
    await Promise.all([
      build({ ...bundleOptions, sourcemap: false, entryPoints: [path.join(__dirname, 'fixtures', 'services-entry.ts')], outfile: path.join(outDir, 'services.cjs') }),
      build({ ...bundleOptions, sourcemap: false, entryPoints: [path.join(root, 'main/excel/read-worker/workbook-read-worker.ts')], outfile: path.join(outDir, 'workbook-read-worker.cjs') }),
      build({ ...bundleOptions, sourcemap: false, entryPoints: [path.join(root, 'main/excel/commit-worker/import-commit-worker.ts')], outfile: path.join(outDir, 'import-commit-worker.cjs') }),
    ]);
    const day = path.join(work, 'day');
    mkdirSync(day);
    const list = path.join(work, 'list.xlsx');
    const expected = await writeGovernmentWorkbook(list, { rows: 40, text: 'tcvn3' });
    const said = execFileSync(process.execPath, [path.join(outDir, 'services.cjs'), day, list], {
      encoding: 'utf8', timeout: 180_000, env: { ...process.env, ANSINH_UPLOADS_DIR: path.join(day, 'uploads'), ANSINH_DOWNLOADS_DIR: path.join(day, 'downloads') },
    });
    const { imported, lines, pdf } = JSON.parse(said) as { imported: { imported: number; updated: number }; lines: number; pdf: string };
    expect(imported.imported + imported.updated).toBe(expected.records.length);
    expect(lines).toBeGreaterThan(0);
    expect(readFileSync(pdf).toString('latin1')).toMatch(/\/FontName \/[A-Z]{6}\+DejaVuSans/);
  }, 240_000);
});
