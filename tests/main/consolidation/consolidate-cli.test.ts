import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../main/doors/cli/index';
import { openDatabase } from '../../../main/core/database/open-database';
import { migrationsDir } from '../../../main/core/app-paths';
import { duplicateBlocks } from '../../../main/identity/duplicates-queries';
import { beneficiaryHistory } from '../../../main/registry/beneficiary-queries';
import { runCli } from '../../support/run-cli';
import { tempDir } from '../../support/temp-database';
import { listWorkbook } from '../../support/list-workbook';

// The office above the commune (a province office, `ansinh init --province 37`, Ninh Bình) drops a folder of the
// communes' lists on `ansinh consolidate`: each recognised by its title (an old commune's name included), imported
// as its own command; what it cannot take is one line each, and the rest goes on.

let dir: string;
let dbPath: string;
let cleanup: () => void;
const previous = { passphrase: process.env.ANSINH_DB_PASSPHRASE, uploads: process.env.ANSINH_UPLOADS_DIR };
const USER = { ANSINH_USER: 'tinh', ANSINH_PASSWORD: 'mat-khau-tinh-1' };

/** A 12-digit ID of a woman born in 19yy in Hà Nam (035), the n-th. */
const idOf = (yy: number, n: number) => `0351${String(yy).padStart(2, '0')}${String(n).padStart(6, '0')}`;

function title(lines: string[]) {
  return [...lines.map((t) => [t, null, null, null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']), ['DANH SÁCH ĐỐI TƯỢNG BẢO TRỢ XÃ HỘI']];
}

async function write(name: string, lines: string[], rows: (string | number | null)[][], sheet?: string) {
  const file = join(dir, 'lists', name);
  writeFileSync(file, await listWorkbook(rows, { above: title(lines), sheet }));
  return file;
}

async function ansinh(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  // The services' log (redacted) goes to a file of the test's own: an unexpected error then says what it was.
  const logFile = join(dir, 'ansinh.log');
  const code = await main([...args, '--db', dbPath], { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: { ...USER, ANSINH_LOG_FILE: logFile }, promptSecret: null });
  if (code !== 0 && existsSync(logFile)) err.push(readFileSync(logFile, 'utf8'));
  return { code, out, err };
}

function openDb() {
  return openDatabase({ path: dbPath, migrationsFolder: migrationsDir(), create: false });
}

beforeAll(async () => {
  const t = tempDir();
  dir = t.dir;
  cleanup = t.cleanup;
  dbPath = join(dir, 'ninh-binh.db');
  const made = runCli(['init', '--db', dbPath, '--province', '37', '--admin', 'tinh', '--json'], { ANSINH_PASSWORD: USER.ANSINH_PASSWORD });
  expect(made.stderr).toBe('');
  process.env.ANSINH_DB_PASSPHRASE = JSON.parse(made.stdout).recoveryPassphrase;
  process.env.ANSINH_UPLOADS_DIR = join(dir, 'uploads');
  mkdirSync(join(dir, 'lists'));
  // Xã An Lão was merged into Xã Bình Sơn on 1 July 2025: its list still says An Lão.
  await write('DS_AnLao_T11.xlsx', ['UBND XÃ AN LÃO', 'Tháng 11 năm 2026'], [
    [1, 'Trần Thị Nụ', 1949, idOf(49, 1), 'Xóm Trại', 500000],
    [2, 'Lê Thị Hoa', 1950, idOf(50, 2), 'Thôn Đông', 500000],
    [3, 'Phạm Thị Mận', 1952, idOf(52, 3), 'Thôn Đông', 750000],
  ]);
  // Phường Phủ Lý lists Lê Thị Hoa too (the same ID): listed in two communes.
  await write('phu-ly.xlsx', ['UBND PHƯỜNG PHỦ LÝ', 'Tháng 11 năm 2026'], [
    [1, 'Lê Thị Hoa', 1950, idOf(50, 2), 'Tổ 3', 500000],
    [2, 'Đỗ Thị Yến', 1955, idOf(55, 4), 'Tổ 5', 500000],
  ]);
  // No title: the sheet's name says the commune.
  await write('ds.xlsx', [], [[1, 'Ngô Thị Lụa', 1948, idOf(48, 5), 'Thôn Ngọc Lũ', 500000]], 'Xã Bình Mỹ');
  // Xã Tiên Ngoại was split between Phường Tiên Sơn and Phường Hà Nam: the clerk must say which.
  await write('tien-ngoai.xlsx', ['UBND XÃ TIÊN NGOẠI', 'Tháng 11 năm 2026'], [[1, 'Bùi Thị Oanh', 1951, idOf(51, 6), 'Thôn 1', 500000]]);
  // Outside the province.
  await write('hoan-kiem.xlsx', ['UBND PHƯỜNG HOÀN KIẾM, THÀNH PHỐ HÀ NỘI', 'Tháng 11 năm 2026'], [[1, 'Vũ Thị Xuyến', 1950, idOf(50, 7), 'Phố Huế', 500000]]);
  // Not a list.
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Ghi chú').addRow(['UBND PHƯỜNG PHÙ VÂN', 'Kế hoạch công tác tháng 11']);
  await wb.xlsx.writeFile(join(dir, 'lists', 'ke-hoach.xlsx'));
  // Two lists of Phường Phù Vân, both for November and neither saying it is the later one.
  await write('phu-van-a.xlsx', ['UBND PHƯỜNG PHÙ VÂN', 'Tháng 11 năm 2026'], [[1, 'Đinh Thị Dung', 1950, idOf(50, 8), 'Tổ 1', 500000]]);
  await write('phu-van-b.xlsx', ['UBND PHƯỜNG PHÙ VÂN', 'Tháng 11 năm 2026'], [[1, 'Đinh Thị Dung', 1950, idOf(50, 8), 'Tổ 1', 600000]]);
  // The same file twice under two names.
  copyFileSync(join(dir, 'lists', 'phu-ly.xlsx'), join(dir, 'lists', 'phu-ly (1).xlsx'));
}, 120_000);

afterAll(() => {
  for (const [key, value] of [['ANSINH_DB_PASSPHRASE', previous.passphrase], ['ANSINH_UPLOADS_DIR', previous.uploads]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  cleanup();
});

describe('ansinh consolidate', { timeout: 120_000 }, () => {
  it('imports each recognised list into the commune in force, and says in one line why each other file was left', async () => {
    const { code, out, err } = await ansinh(['consolidate', join(dir, 'lists'), '--json']);
    expect(code, err.join('')).toBe(0);
    expect(out).toHaveLength(1);
    const doc = JSON.parse(out[0]);
    expect(Object.keys(doc)).toEqual(['files', 'totals', 'unrecognised']);
    const byFile = Object.fromEntries(doc.files.map((f: { file: string }) => [f.file, f]));
    // The same file under two names: the first taken (either), the other refused.
    const [phuLy, copy] = byFile['phu-ly (1).xlsx'] ? ['phu-ly (1).xlsx', 'phu-ly.xlsx'] : ['phu-ly.xlsx', 'phu-ly (1).xlsx'];
    expect(Object.keys(byFile).sort()).toEqual(['DS_AnLao_T11.xlsx', 'ds.xlsx', phuLy].sort());
    expect(byFile['DS_AnLao_T11.xlsx']).toEqual({
      file: 'DS_AnLao_T11.xlsx', commune: { code: '13558', name: 'Xã Bình Sơn' }, layout: expect.stringMatching(/^L[0-9a-f]{8}$/),
      rows: 3, imported: 3, updated: 0, unchanged: 0, needsFixing: 0, listedElsewhere: expect.any(Number), importId: expect.any(String),
    });
    expect(byFile[phuLy]).toMatchObject({ commune: { code: '13285', name: 'Phường Phủ Lý' }, rows: 2, imported: 2 });
    expect(byFile['ds.xlsx']).toMatchObject({ commune: { name: 'Xã Bình Mỹ' }, rows: 1, imported: 1 });
    // Lê Thị Hoa is on two communes' lists: counted once, on the list read second.
    expect(byFile['DS_AnLao_T11.xlsx'].listedElsewhere + byFile[phuLy].listedElsewhere).toBe(1);
    expect(doc.totals).toEqual({ files: 3, rows: 6, imported: 6, updated: 0, listedElsewhere: 1 });

    const reasons = Object.fromEntries(doc.unrecognised.map((u: { file: string; reason: string }) => [u.file, u.reason]));
    expect(Object.keys(reasons).sort()).toEqual(['hoan-kiem.xlsx', 'ke-hoach.xlsx', copy, 'phu-van-a.xlsx', 'phu-van-b.xlsx', 'tien-ngoai.xlsx'].sort());
    expect(reasons['tien-ngoai.xlsx']).toMatch(/Xã Tiên Ngoại \(cũ\) nay thuộc 2 xã\/phường \(.*Phường Tiên Sơn, mã 13363.*\): hãy chọn/);
    expect(reasons['hoan-kiem.xlsx']).toMatch(/Phường Hoàn Kiếm, Thành phố Hà Nội, không thuộc địa bàn/);
    expect(reasons['ke-hoach.xlsx']).toMatch(/không phải danh sách đối tượng/);
    expect(reasons[copy]).toBe(`${copy}: cùng nội dung với ${phuLy}; chỉ nhập một lần.`);
    expect(reasons['phu-van-a.xlsx']).toMatch(/cùng với phu-van-b\.xlsx đều là danh sách mới nhất của Phường Phù Vân \(kỳ 2026-11\)/);
    for (const r of Object.values(reasons)) expect(r).not.toMatch(/\n/);
    // Each reason also as a line on stderr (stdout holds only the JSON).
    expect(err.join('')).toContain(reasons['hoan-kiem.xlsx']);

    const db = openDb();
    try {
      const people = db.sqlite.prepare(`SELECT b.id, b.full_name AS name, u.code FROM beneficiaries b JOIN admin_units u ON u.id = b.unit_id WHERE b.deleted = 0 ORDER BY b.full_name, u.code`).all() as { id: string; name: string; code: string }[];
      expect(people.filter((p) => p.name === 'Lê Thị Hoa').map((p) => p.code)).toEqual(['13285', '13558']);
      expect(people.some((p) => p.name === 'Đinh Thị Dung' || p.name === 'Vũ Thị Xuyến' || p.name === 'Bùi Thị Oanh')).toBe(false);
      // Listed twice: a queue item, and payment held for both records.
      const hoa = people.filter((p) => p.name === 'Lê Thị Hoa').map((p) => p.id);
      expect(db.sqlite.prepare("SELECT kind, status FROM duplicate_pairs WHERE beneficiary_id IN (?, ?) AND other_id IN (?, ?)").all(...hoa, ...hoa)).toEqual([{ kind: 'same-id', status: 'open' }]);
      expect(new Set(duplicateBlocks(db.sqlite, hoa).map((b) => b.beneficiaryId))).toEqual(new Set(hoa));
      // The old commune's name stays on the record's history.
      const nu = people.find((p) => p.name === 'Trần Thị Nụ')!;
      expect(nu.code).toBe('13558');
      expect(beneficiaryHistory(db.sqlite, nu.id).map((h) => h.reason)).toContainEqual(expect.stringMatching(/^Danh sách của Xã An Lão \(cũ, mã \d{5}\), nay là Xã Bình Sơn$/));
    } finally {
      db.close();
    }
  });

  it('takes the clerk\'s choice for a split commune, a newer version updates, and a file already taken is not taken again', async () => {
    await write('DS_AnLao_T12.xlsx', ['UBND XÃ AN LÃO', 'Tháng 12 năm 2026'], [
      [1, 'Trần Thị Nụ', 1949, idOf(49, 1), 'Xóm Trại', 500000],
      [2, 'Lê Thị Hoa', 1950, idOf(50, 2), 'Thôn Đông', 500000],
      [3, 'Phạm Thị Mận', 1952, idOf(52, 3), 'Thôn Đông', 800000],
      [4, 'Hoàng Thị Ánh', 1953, idOf(53, 9), 'Xóm Chùa', 500000],
    ]);
    const lists = join(dir, 'lists');
    const { code, out, err } = await ansinh(['consolidate', join(lists, 'DS_AnLao_T11.xlsx'), join(lists, 'DS_AnLao_T12.xlsx'), join(lists, 'tien-ngoai.xlsx'),
      '--commune', 'tien-ngoai.xlsx=13363', '--json']);
    expect(code, err.join('')).toBe(0);
    const doc = JSON.parse(out[0]);
    const files = [...doc.files].sort((a: { file: string }, b: { file: string }) => a.file.localeCompare(b.file));
    expect(files.map((f: { file: string }) => f.file)).toEqual(['DS_AnLao_T12.xlsx', 'tien-ngoai.xlsx']);
    expect(files[0]).toMatchObject({ commune: { code: '13558' }, rows: 4, imported: 1, updated: 1, unchanged: 2 });
    expect(files[1]).toMatchObject({ commune: { code: '13363', name: 'Phường Tiên Sơn' }, imported: 1 });
    expect(doc.unrecognised).toEqual([{ file: 'DS_AnLao_T11.xlsx', reason: expect.stringMatching(/^DS_AnLao_T11\.xlsx: tệp này đã được nhập ngày \d\d\/\d\d\/\d{4} vào Xã Bình Sơn; không nhập lại\.$/) }]);
    expect(doc.totals).toEqual({ files: 2, rows: 5, imported: 2, updated: 1, listedElsewhere: 0 });
  });

  it('refuses a choice outside the office\'s area, and exits non-zero when nothing could be taken', async () => {
    const { code, out } = await ansinh(['consolidate', join(dir, 'lists', 'hoan-kiem.xlsx'), '--commune', 'hoan-kiem.xlsx=00070', '--json']);
    expect(code).toBe(1);
    const doc = JSON.parse(out[0]);
    expect(doc.files).toEqual([]);
    expect(doc.unrecognised[0].reason).toMatch(/không thuộc địa bàn/);
    const bad = await ansinh(['consolidate', join(dir, 'lists'), '--commune', 'tien-ngoai.xlsx']);
    expect(bad.code).not.toBe(0);
    expect(bad.err.join('')).toMatch(/--commune cần dạng TÊN_TỆP=MÃ_XÃ/);
  });

  it('sends the consolidated list out: a summary sheet and a sheet per commune, one list with a commune column, or canonical JSON', async () => {
    const perCommune = join(dir, 'tong-hop.xlsx');
    const made = await ansinh(['export', 'consolidated', '--out', perCommune, '--json']);
    expect(made.code, made.err.join('')).toBe(0);
    const doc = JSON.parse(made.out[0]);
    expect(doc).toMatchObject({ format: 'xlsx', layout: 'per-commune', communes: 4 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(perCommune);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Phường Phủ Lý', 'Phường Tiên Sơn', 'Xã Bình Mỹ', 'Xã Bình Sơn']);
    const texts = (ws: ExcelJS.Worksheet) => ws.getSheetValues().flat().filter((v) => typeof v === 'string') as string[];
    const summary = wb.getWorksheet('Tổng hợp')!;
    expect(texts(summary)).toEqual(expect.arrayContaining(['UBND TỈNH NINH BÌNH', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Tổng cộng', 'Người lập biểu', 'THỦ TRƯỞNG ĐƠN VỊ']));
    const totalRow = summary.getRows(1, summary.rowCount)!.find((r) => r.getCell(2).value === 'Tổng cộng')!;
    expect(totalRow.getCell(4).value).toBe(doc.count);
    const binhSon = wb.getWorksheet('Xã Bình Sơn')!;
    expect(texts(binhSon)).toEqual(expect.arrayContaining(['Trần Thị Nụ', 'Hoàng Thị Ánh', 'Cộng: 4 đối tượng']));
    expect(texts(binhSon)).toContain(idOf(49, 1)); // IDs as text, zeros kept

    const oneList = join(dir, 'mot-danh-sach.xlsx');
    expect((await ansinh(['export', 'consolidated', '--out', oneList, '--layout', 'one-list'])).code).toBe(0);
    const one = new ExcelJS.Workbook();
    await one.xlsx.readFile(oneList);
    expect(one.worksheets).toHaveLength(1);
    const rows = one.worksheets[0].getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.find((r) => r[2] === 'Trần Thị Nụ')?.[3]).toBe('Xã Bình Sơn');
    expect(rows.filter((r) => r[2] === 'Lê Thị Hoa').map((r) => r[3]).sort()).toEqual(['Phường Phủ Lý', 'Xã Bình Sơn']);

    const json = join(dir, 'tong-hop.json');
    expect((await ansinh(['export', 'consolidated', '--out', json])).code).toBe(0);
    const records = JSON.parse(readFileSync(json, 'utf8')) as { fullName: string; idNumber: string; commune: { code: string; name: string } }[];
    expect(records).toHaveLength(doc.count);
    expect(records.find((r) => r.fullName === 'Trần Thị Nụ')).toMatchObject({ idNumber: idOf(49, 1), commune: { code: '13558', name: 'Xã Bình Sơn' } });
  });

  it('undoes one file\'s import from the command line, leaving the other communes\' people, and refuses what it cannot undo', async () => {
    const history = await ansinh(['consolidate', 'history', '--json']);
    expect(history.code, history.err.join('')).toBe(0);
    const imports = JSON.parse(history.out[0]) as { importId: string; file: string; unitName: string; undoneAt: string | null }[];
    const tienNgoai = imports.find((h) => h.file === 'tien-ngoai.xlsx')!;
    expect(tienNgoai).toMatchObject({ unitName: expect.stringContaining('Phường Tiên Sơn'), undoneAt: null });
    const people = () => {
      const db = openDb();
      try {
        return db.sqlite.prepare('SELECT full_name FROM beneficiaries WHERE deleted = 0 ORDER BY full_name').pluck().all() as string[];
      } finally {
        db.close();
      }
    };
    const before = people();
    expect(before).toContain('Bùi Thị Oanh');

    const undone = await ansinh(['consolidate', 'undo', tienNgoai.importId, '--json']);
    expect(undone.code, undone.err.join('')).toBe(0);
    expect(JSON.parse(undone.out[0])).toMatchObject({ reverted: expect.any(Number), conflicts: [] });
    expect(people()).toEqual(before.filter((n) => n !== 'Bùi Thị Oanh'));
    const after = JSON.parse((await ansinh(['consolidate', 'history', '--json'])).out[0]) as { importId: string; undoneAt: string | null }[];
    expect(after.find((h) => h.importId === tienNgoai.importId)!.undoneAt).not.toBeNull();

    const again = await ansinh(['consolidate', 'undo', tienNgoai.importId]);
    expect(again.code).not.toBe(0);
    expect(again.err.join('').trim().split('\n')).toHaveLength(1);
    expect(again.err.join('')).not.toMatch(/không mong đợi/);
    expect(people()).toEqual(before.filter((n) => n !== 'Bùi Thị Oanh'));
    const unknown = await ansinh(['consolidate', 'undo', 'khong-co-ma-nay']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.err.join('')).toMatch(/[À-ỹ]/);
    expect(unknown.err.join('')).not.toMatch(/không mong đợi/);
    const noId = await ansinh(['consolidate', 'undo']);
    expect(noId.err.join('')).toMatch(/Cần đúng một mã lần nhập/);
  });
});
