import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../main/app/services';
import { demoServices, loginAs } from '../../support/services';
import { tempDir } from '../../support/temp-database';
import { listWorkbook } from '../../support/list-workbook';

// District staff undo a list they consolidated (each list is its own import) from the Tổng hợp screen: they have no
// right to the commune clerks' Nhập danh sách, so consolidation has its own history and undo, for consolidated lists only.

let services: Services;
let dir: string;
let cleanup: () => void;
let district: Awaited<ReturnType<typeof loginAs>>;

const ok = async <T>(p: Promise<{ ok: boolean; output?: unknown; error?: { code: string; message: string } }>): Promise<T> => {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error!.code}: ${r.error!.message}`);
  return r.output as T;
};
const above = [['UBND XÃ BÌNH SƠN', null, null, null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'], ['DANH SÁCH ĐỐI TƯỢNG BẢO TRỢ XÃ HỘI']];
const people = () => services.db.sqlite.prepare('SELECT full_name FROM beneficiaries WHERE deleted = 0 ORDER BY full_name').pluck().all() as string[];

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  services = demoServices(dir, { people: 0 });
  district = await loginAs(services, 'huyen', 'huyen123!');
});
afterAll(async () => {
  await services.close();
  cleanup();
});

describe('undoing a consolidated list', () => {
  it('lists what district staff consolidated and lets its author undo it; a commune clerk\'s own import is neither listed nor undone there', async () => {
    const huyen = services.db.sqlite.prepare("SELECT id FROM users WHERE username = 'huyen'").pluck().get() as string;
    const canbo = services.db.sqlite.prepare("SELECT id FROM users WHERE username = 'canbo'").pluck().get() as string;
    const listPath = join(dir, 'binh-son.xlsx');
    writeFileSync(listPath, await listWorkbook([[1, 'Người Tổng Hợp Một', 1940, '035140000101', 'Thôn Bắc', 500000], [2, 'Người Tổng Hợp Hai', 1941, '035141000102', 'Thôn Nam', 500000]], { above }));
    const report = await services.consolidation.commit({ userId: huyen, origin: 'host' }, [{ path: listPath, fileName: 'binh-son.xlsx', unitId: null }], null);
    expect(report.files).toMatchObject([{ file: 'binh-son.xlsx', imported: 2 }]);
    const clerkList = join(dir, 'cua-xa.xlsx');
    writeFileSync(clerkList, await listWorkbook([[1, 'Người Xã Tự Nhập', 1942, '035142000103', 'Thôn Đông', 500000]], { above }));
    const own = await services.imports.commit({ userId: canbo, origin: 'host' }, clerkList, { unitId: services.db.sqlite.prepare("SELECT value FROM meta WHERE key = 'office.unitId'").pluck().get() as string, fileName: 'cua-xa.xlsx', readInThread: true });
    expect(people()).toEqual(['Người Tổng Hợp Hai', 'Người Tổng Hợp Một', 'Người Xã Tự Nhập']);

    const history = await ok<{ importId: string; file: string; imported: number; mayUndo: boolean; undoneAt: string | null }[]>(district('consolidation.history'));
    expect(history).toMatchObject([{ importId: report.files[0].importId, file: 'binh-son.xlsx', imported: 2, mayUndo: true, undoneAt: null }]);
    // District staff have no right to Nhập danh sách's undo, and consolidation's undo takes only consolidated lists.
    expect(await district('import.undo', { importId: report.files[0].importId })).toMatchObject({ ok: false });
    expect(await district('consolidation.undo', { importId: own.importId })).toMatchObject({ ok: false, error: { code: 'not-consolidated' } });

    const undone = await ok<{ reverted: number; conflicts: unknown[] }>(district('consolidation.undo', { importId: report.files[0].importId }));
    expect(undone).toMatchObject({ conflicts: [] });
    expect(undone.reverted).toBeGreaterThan(0);
    expect(people()).toEqual(['Người Xã Tự Nhập']);
    expect(await ok(district('consolidation.history'))).toMatchObject([{ importId: report.files[0].importId, undoneAt: expect.any(String), mayUndo: false }]);
    // Once undone, the same file may be consolidated again.
    expect((await services.consolidation.preview([{ path: listPath, fileName: 'binh-son.xlsx', unitId: null }], null))[0]).toMatchObject({ status: 'ready', imported: 2 });
  });
});
