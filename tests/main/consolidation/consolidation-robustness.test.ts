import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../main/core/database/open-database';
import { createConsolidation } from '../../../main/consolidation/consolidation-service';
import { createImportService } from '../../../main/excel/import-service';
import { ensureAdminUnitReference, referenceRows } from '../../../main/registry/admin-unit-reference';
import { tempDir, openTempDatabase } from '../../support/temp-database';
import { listWorkbook } from '../../support/list-workbook';
import { COMMUNE_X, COMMUNE_Y } from '../../support/sync-hub';

// Our own failure on one file (not the file's) leaves that file with what went wrong; the rest of the batch goes on.
let db: AppDatabase;
let dir: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  db = openTempDatabase(dir);
  ensureAdminUnitReference(db);
});
afterAll(() => { db.close(); cleanup(); });

describe('a program error on one file of a batch', () => {
  it('refuses that file in one line saying so, and previews the others', async () => {
    const names = [COMMUNE_X, COMMUNE_Y].map((id) => referenceRows().units.find((u) => u.id === id)!.name);
    const paths = await Promise.all(names.map(async (name, i) => {
      const path = join(dir, `ds-${i}.xlsx`);
      writeFileSync(path, await listWorkbook([[1, `Phạm Thị Bốn ${i}`, 1950, `03515000000${i}`, 'Thôn 1', 500000]], { above: [[`UBND ${name.toUpperCase()}`], ['DANH SÁCH ĐỐI TƯỢNG BẢO TRỢ XÃ HỘI']] }));
      return path;
    }));
    const imports = createImportService(db);
    const consolidation = createConsolidation(db, {
      imports: { ...imports, preview: (path, options) => (path === paths[0] ? Promise.reject(new TypeError('boom')) : imports.preview(path, options)) },
      detect: () => ({ sameId: 0, probable: 0, added: 0 }) as never,
    });
    const preview = await consolidation.preview(paths.map((path, i) => ({ path, fileName: `ds-${i}.xlsx`, unitId: [COMMUNE_X, COMMUNE_Y][i] })), null);
    expect(preview.map((f) => f.status)).toEqual(['refused', 'ready']);
    expect(preview[0].reason).toBe('ds-0.xlsx: không đọc được tệp này do lỗi của chương trình (TypeError: boom); các tệp khác vẫn được xử lý, hãy thử lại tệp này.');
    expect(preview[1].rows).toBe(1);
  });
});
