import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../../support/run-cli';
import { tempDir } from '../../../support/temp-database';
import { openDatabase } from '../../../../main/core/database/open-database';
import { migrationsDir } from '../../../../main/core/app-paths';
import { readMeta } from '../../../../main/core/database/meta';

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

const password = { ANSINH_PASSWORD: 'mat-khau-van-phong' };
let officePassphrase = '';
const oneLine = (stderr: string) => expect(stderr.trim().split('\n')).toHaveLength(1);

/** The office database, opened with the recovery passphrase init printed once. */
function inspect(path: string, passphrase: string) {
  const db = openDatabase({ path, migrationsFolder: migrationsDir(), unlock: { passphrase } });
  try {
    const q = (sql: string) => db.sqlite.prepare(sql).all();
    return {
      users: q('SELECT username, display_name AS displayName, role, unit_ids AS unitIds FROM users'),
      people: db.sqlite.prepare('SELECT count(*) FROM beneficiaries').pluck().get(),
      office: readMeta(db, 'office.unitId'),
      officeUnits: readMeta(db, 'office.unitIds'),
      demo: readMeta(db, 'demo') ?? null,
    };
  } finally {
    db.close();
  }
}

// Each case runs the real command (a few seconds each on a busy machine).
describe('ansinh init', { timeout: 180_000 }, () => {
  it('creates an empty office database for a real commune, its administrator scoped to it', () => {
    const db = join(dir, 'binh-son.db');
    const r = runCli(['init', '--db', db, '--commune', '13558', '--admin', 'quantri', '--display-name', 'Phạm Văn Quản', '--json'], password);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toEqual({ db, unit: { code: '13558', name: 'Xã Bình Sơn', level: 'commune' }, admin: 'quantri', encrypted: true, recoveryPassphrase: expect.stringMatching(/^([2-9A-Z]{5}-){5}[2-9A-Z]{5}$/) });
    officePassphrase = out.recoveryPassphrase;
    expect(readFileSync(db).includes(Buffer.from('Phạm Văn Quản'))).toBe(false); // encrypted at rest
    expect(inspect(db, officePassphrase)).toEqual({
      users: [{ username: 'quantri', displayName: 'Phạm Văn Quản', role: 'administrator', unitIds: '["vn:13558@2025-07-01"]' }],
      people: 0, office: 'vn:13558@2025-07-01', officeUnits: '["vn:13558@2025-07-01"]', demo: null,
    });
  });

  it('creates a province office, or a group of its communes', () => {
    const province = join(dir, 'ninh-binh.db');
    const made = runCli(['init', '--db', province, '--province', '37', '--admin', 'tinh'], password);
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/CỤM MẬT KHẨU KHÔI PHỤC/);
    const passphrase = /^ {4}(\S+)$/m.exec(made.stdout)![1];
    expect(inspect(province, passphrase)).toMatchObject({ office: 'vn:37@2025-07-01', users: [{ unitIds: '["vn:37@2025-07-01"]' }] });

    const group = join(dir, 'nhom.db');
    const r = runCli(['init', '--db', group, '--province', '37', '--communes', '13558,13501', '--admin', 'nhom', '--json'], password);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ unit: { code: '37', name: 'Tỉnh Ninh Bình', level: 'province' },
      communes: [{ code: '13558', name: 'Xã Bình Sơn' }, { code: '13501', name: 'Xã Bình Mỹ' }] });
    expect(inspect(group, JSON.parse(r.stdout).recoveryPassphrase)).toMatchObject({ office: 'vn:37@2025-07-01', officeUnits: '["vn:13558@2025-07-01","vn:13501@2025-07-01"]' });
  });

  it('refuses an unknown code, a commune outside the province, and an old code, leaving no file behind', () => {
    for (const args of [['--commune', '99999'], ['--commune', '13561'], ['--province', '37', '--communes', '00004']]) {
      const db = join(dir, `bad-${args.join('')}.db`);
      const r = runCli(['init', '--db', db, ...args, '--admin', 'quantri'], password);
      expect(r.code).not.toBe(0);
      oneLine(r.stderr);
      expect(r.stderr).toMatch(/Không có|không thuộc/);
      expect(existsSync(db)).toBe(false);
      expect(existsSync(`${db}.keys.json`)).toBe(false);
    }
  });

  it('fails at once without a password and without a terminal', () => {
    const db = join(dir, 'no-password.db');
    const r = runCli(['init', '--db', db, '--commune', '13558', '--admin', 'quantri'], { ANSINH_PASSWORD: '' });
    expect(r.code).not.toBe(0);
    oneLine(r.stderr);
    expect(r.stderr).toMatch(/^Cần mật khẩu quản trị viên/);
    expect(existsSync(db)).toBe(false);
  });

  it('refuses a short password, a bad username, and a missing unit', () => {
    const db = join(dir, 'bad-input.db');
    const short = runCli(['init', '--db', db, '--commune', '13558', '--admin', 'quantri'], { ANSINH_PASSWORD: 'ngan' });
    expect(short.stderr).toMatch(/ít nhất 8 ký tự/);
    const name = runCli(['init', '--db', db, '--commune', '13558', '--admin', 'Quản Trị'], password);
    expect(name.stderr).toMatch(/Tên đăng nhập/);
    const none = runCli(['init', '--db', db, '--admin', 'quantri'], password);
    expect(none.stderr).toMatch(/--commune/);
    for (const r of [short, name, none]) {
      expect(r.code).not.toBe(0);
      oneLine(r.stderr);
    }
    expect(existsSync(db)).toBe(false);
  });

  it('never touches an existing database: an office, a demo, or a file that is not a database', () => {
    const office = join(dir, 'binh-son.db');
    const again = runCli(['init', '--db', office, '--commune', '13501', '--admin', 'khac'], password);
    expect(again.code).not.toBe(0);
    oneLine(again.stderr);
    expect(again.stderr).toMatch(/không ghi đè/);
    expect(inspect(office, officePassphrase).office).toBe('vn:13558@2025-07-01');

    const demo = join(dir, 'demo.db');
    expect(runCli(['demo', '--db', demo]).code).toBe(0);
    const onDemo = runCli(['init', '--db', demo, '--commune', '13558', '--admin', 'quantri'], password);
    expect(onDemo.code).not.toBe(0);
    expect(onDemo.stderr).toMatch(/không ghi đè/);

    const text = join(dir, 'notes.db');
    writeFileSync(text, 'ghi chú của văn phòng');
    const onText = runCli(['init', '--db', text, '--commune', '13558', '--admin', 'quantri'], password);
    expect(onText.code).not.toBe(0);
    oneLine(onText.stderr);
  });
});
