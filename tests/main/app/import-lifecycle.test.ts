import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../main/app/services';
import { saveUpload, uploadPath } from '../../../main/app/uploads';
import { demoServices, loginAs, okOutput as ok } from '../../support/services';
import { tempDir } from '../../support/temp-database';
import { listWorkbook } from '../../support/list-workbook';

// The uploaded workbook lives no longer than its import; every import is in the history, any of them can be
// undone by its author or an administrator, and nobody else.

let services: Services;
let cleanup: () => void;
let uploads: string;

const workbook = (rows: (string | number)[][]) => listWorkbook(rows);

beforeAll(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  uploads = join(t.dir, 'uploads');
  process.env.ANSINH_UPLOADS_DIR = uploads;
  services = demoServices(t.dir, { people: 20 });
});
afterAll(async () => {
  await services.close();
  delete process.env.ANSINH_UPLOADS_DIR;
  cleanup();
});

/** Uploaded files still on disk, in any process's folder. */
const filesLeft = () => (readdirSync(uploads, { recursive: true }) as string[]).filter((f) => /[0-9a-f-]{36}$/.test(f));

describe('an uploaded workbook', () => {
  it('is removed when the preview is cancelled, and cannot be imported afterwards', async () => {
    const clerk = await loginAs(services, 'canbo', 'canbo123!');
    const fileRef = saveUpload(await workbook([[1, 'Vũ Thị Hoa', 1950, '035150009991', 'Xóm Trại, xã An Lão', 500000]]));
    expect(existsSync(uploadPath(fileRef))).toBe(true);
    ok(await clerk('import.preview', { fileRef, fileName: 'DS.xlsx' }));
    expect(ok(await clerk('import.cancel', { fileRef }))).toEqual({ ok: true });
    expect(filesLeft()).toEqual([]);
    expect(await clerk('import.commit', { fileRef, fileName: 'DS.xlsx' })).toMatchObject({ ok: false, error: { code: 'file-gone', message: expect.stringContaining('hãy chọn lại tệp') } });
  });

  it('is removed as soon as its import is committed', async () => {
    const clerk = await loginAs(services, 'canbo', 'canbo123!');
    const fileRef = saveUpload(await workbook([[1, 'Vũ Thị Hoa', 1950, '035150009991', 'Xóm Trại, xã An Lão', 500000]]));
    ok(await clerk('import.commit', { fileRef, fileName: 'DS thang 5.xlsx' }));
    expect(filesLeft()).toEqual([]);
  });

  it('stays when a bad file is refused, so nothing is written and the clerk can choose again', async () => {
    const clerk = await loginAs(services, 'canbo', 'canbo123!');
    const fileRef = saveUpload(new TextEncoder().encode('not a workbook at all'));
    const before = services.db.sqlite.prepare('SELECT count(*) FROM commands').pluck().get();
    const res = await clerk('import.commit', { fileRef, fileName: 'x.xlsx' });
    expect(res).toMatchObject({ ok: false, error: { code: 'import-empty', message: 'Không tìm thấy dòng dữ liệu nào (họ tên, ngày sinh…) trong tệp; chưa nhập gì.' } });
    expect(services.db.sqlite.prepare('SELECT count(*) FROM commands').pluck().get()).toBe(before);
    ok(await clerk('import.cancel', { fileRef }));
    expect(filesLeft()).toEqual([]);
  });
});

describe('the import history', () => {
  it('lists every import with its file, user, commune and counts; any of them can be undone by its author', async () => {
    const clerk = await loginAs(services, 'canbo', 'canbo123!');
    const first = ok<{ importId: string }>(await clerk('import.commit', { fileRef: saveUpload(await workbook([[1, 'Lý Văn Mười', 1944, '035044001010', 'Thôn Đông', 700000]])), fileName: 'Lần 1.xlsx' }));
    const second = ok<{ importId: string }>(await clerk('import.commit', { fileRef: saveUpload(await workbook([
      [1, 'Lý Văn Mười', 1944, '035044001010', 'Thôn Tây', 700000],
      [2, 'Tạ Thị Mười Một', 1946, '035146001011', 'Thôn Tây', 700000],
    ])), fileName: 'Lần 2.xlsx' }));
    const history = ok<{ importId: string; file: string; userName: string; unitName: string; imported: number; updated: number; undoneAt: string | null; mayUndo: boolean }[]>(await clerk('import.history', {}));
    expect(history.slice(0, 2)).toMatchObject([
      { importId: second.importId, file: 'Lần 2.xlsx', userName: expect.stringContaining('Nguyễn Thị Lan'), imported: 1, updated: 1, undoneAt: null, mayUndo: true },
      { importId: first.importId, file: 'Lần 1.xlsx', imported: 1, updated: 0, mayUndo: true },
    ]);
    expect(history[0].unitName).toMatch(/\p{L}/u);
    expect(history.map((h) => h.file)).toContain('DS thang 5.xlsx');

    // Someone else may not undo it; an administrator may.
    const admin = await loginAs(services, 'quantri', 'quantri123!');
    const units = ok<{ id: string; level: string; effectiveTo: string | null }[]>(await admin('units.list'));
    const commune = units.find((u) => u.level === 'commune' && !u.effectiveTo)!;
    ok(await admin('users.create', { username: 'canbo2', displayName: 'Cán bộ hai', password: 'mat-khau-22', role: 'commune-clerk', unitIds: [commune.id], mustChangePassword: false }));
    const other = await loginAs(services, 'canbo2', 'mat-khau-22');
    expect(ok<{ mayUndo: boolean }[]>(await other('import.history', {}))[0].mayUndo).toBe(false);
    expect(await other('import.undo', { importId: first.importId })).toMatchObject({ ok: false, error: { code: 'undo-not-author', message: 'Chỉ người đã làm thao tác này hoặc quản trị viên mới được hoàn tác nó.' } });

    // The first, older import is undone; the field the second import changed since is named and left alone.
    const undone = ok<{ reverted: number; conflicts: { field: string; personName: string | null }[] }>(await clerk('import.undo', { importId: first.importId }));
    expect(undone.conflicts).toEqual([expect.objectContaining({ field: '*', personName: 'Lý Văn Mười' })]);
    const kept = services.db.sqlite.prepare("SELECT village, deleted FROM beneficiaries WHERE full_name = 'Lý Văn Mười'").get();
    expect(kept).toEqual({ village: 'Thôn Tây', deleted: 0 });
    const after = ok<{ importId: string; undoneAt: string | null; undoneBy: string | null; mayUndo: boolean }[]>(await clerk('import.history', {}));
    expect(after.find((h) => h.importId === first.importId)).toMatchObject({ undoneAt: expect.any(String), undoneBy: expect.stringContaining('Nguyễn Thị Lan'), mayUndo: false });
    expect(await clerk('import.undo', { importId: first.importId })).toMatchObject({ ok: false, error: { code: 'undo-already-undone' } });
  });

  it('is not for clinic reception', async () => {
    const clinic = await loginAs(services, 'yte', 'yte12345!');
    expect(await clinic('import.history', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
