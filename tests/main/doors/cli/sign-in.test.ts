// The CLI as a door: every command on people's data signs in as a user of the database and goes through
// dispatch, so the permissions, the user's area and the audit trail are those of the other doors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../../../main/doors/cli/index';
import { openDatabase } from '../../../../main/core/database/open-database';
import { migrationsDir } from '../../../../main/core/app-paths';
import { runCli } from '../../../support/run-cli';
import { tempDir } from '../../../support/temp-database';

let dir: string;
let cleanup: () => void;
let db: string;
let downloads: string;
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  db = join(dir, 'demo.db');
  downloads = join(dir, 'downloads');
  mkdirSync(downloads);
  expect(runCli(['demo', '--db', db]).code).toBe(0);
}, 120_000);
afterAll(() => cleanup());

const fileHash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function counts() {
  const d = openDatabase({ path: db, migrationsFolder: migrationsDir() });
  try {
    const n = (sql: string) => d.sqlite.prepare(sql).pluck().get() as number;
    return { changes: n('SELECT count(*) FROM change_log'), exports: n("SELECT count(*) FROM audit_events WHERE action = 'export'") };
  } finally {
    d.close();
  }
}

const oneLine = (stderr: string) => stderr.trim().split('\n');

describe('signing in on the command line', () => {
  it('refuses a data command without a user, before opening the database', () => {
    const before = fileHash(db);
    const r = runCli(['export', 'beneficiaries', '--db', db, '--format', 'json'], { ANSINH_USER: '', ANSINH_PASSWORD: 'canbo123!' });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(oneLine(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^Cần tên người dùng: --user TÊN hoặc biến môi trường ANSINH_USER/);
    expect(fileHash(db)).toBe(before);
    expect(existsSync(`${db}-wal`)).toBe(false);
  }, 120_000);

  it('refuses at once without a password when there is no terminal to ask on', () => {
    const r = runCli(['export', 'beneficiaries', '--db', db, '--format', 'json', '--user', 'canbo'], { ANSINH_PASSWORD: '' });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(oneLine(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^Cần mật khẩu của "canbo": đặt biến ANSINH_PASSWORD/);
  }, 120_000);

  it('refuses a wrong password with one Vietnamese line, and exports nothing', () => {
    const before = counts();
    const out = join(dir, 'sai.xlsx');
    const r = runCli(['export', 'unbanked', '--db', db, '--out', out], { ANSINH_USER: 'canbo', ANSINH_PASSWORD: 'sai-mat-khau', ANSINH_DOWNLOADS_DIR: downloads });
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toEqual(['Sai tên đăng nhập hoặc mật khẩu. / Wrong username or password.']);
    expect(existsSync(out)).toBe(false);
    expect(counts()).toEqual(before);
  }, 120_000);

  it('applies the role: clinic reception may not export lists of people', () => {
    const before = counts();
    const out = join(dir, 'yte.xlsx');
    const r = runCli(['export', 'population-matching', '--db', db, '--out', out, '--json'], { ANSINH_USER: 'yte', ANSINH_PASSWORD: 'yte12345!', ANSINH_DOWNLOADS_DIR: downloads });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(oneLine(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/không có quyền/);
    expect(existsSync(out)).toBe(false);
    expect(counts()).toEqual(before);
    const csca = runCli(['card', 'import-csca', join(dir, 'khong-co.pem'), '--db', db], { ANSINH_USER: 'canbo', ANSINH_PASSWORD: 'canbo123!' });
    expect(csca.code).toBe(1);
    expect(csca.stderr).toMatch(/không có quyền/);
  }, 120_000);

  it('records the export under the signed-in user, origin cli, and leaves no handed-over file behind', () => {
    const out = join(dir, 'ds.xlsx');
    const r = runCli(['export', 'district-list', '--db', db, '--out', out, '--user', 'huyen', '--json'], { ANSINH_PASSWORD: 'huyen123!', ANSINH_DOWNLOADS_DIR: downloads });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ kind: 'district-list', file: out, count: expect.any(Number) });
    // No file left (the folder may keep an empty per-process subfolder until its sweep).
    expect(readdirSync(downloads, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name)).toEqual([]);
    const d = openDatabase({ path: db, migrationsFolder: migrationsDir() });
    try {
      const last = d.sqlite.prepare(`SELECT u.username, e.origin, e.action FROM audit_events e LEFT JOIN users u ON u.id = e.user_id
        WHERE e.action = 'export' ORDER BY e.seq DESC LIMIT 1`).get();
      expect(last).toEqual({ username: 'huyen', origin: 'cli', action: 'export' });
    } finally {
      d.close();
    }
  }, 120_000);

  it('asks for the password on the terminal when there is one', async () => {
    const questions: string[] = [];
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['export', 'beneficiaries', '--db', db, '--format', 'json', '--user', 'canbo'], {
      stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: {},
      promptSecret: async (question) => { questions.push(question); return 'canbo123!'; },
    });
    expect(code, err.join('')).toBe(0);
    expect(questions).toEqual(['Mật khẩu của canbo / Password: ']);
    expect(JSON.parse(out.join('')).length).toBeGreaterThanOrEqual(300);
  }, 120_000);

  it('lets demo and help run without anyone signed in', () => {
    expect(runCli(['help'], { ANSINH_USER: '', ANSINH_PASSWORD: '' }).code).toBe(0);
    expect(runCli(['demo', '--db', join(dir, 'demo2.db')], { ANSINH_USER: '', ANSINH_PASSWORD: '' }).code).toBe(0);
  }, 120_000);
});
