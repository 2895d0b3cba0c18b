// `ansinh clinic settings`: shown to and changed by an administrator only, through the same contract as the screen;
// the facility account's password is read from ANSINH_INSURANCE_PASSWORD (never an argument) and never printed.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsDir } from '../../../../main/core/app-paths';
import { openDatabase } from '../../../../main/core/database/open-database';
import { seedDemo } from '../../../../main/demo/seed-demo';
import { main } from '../../../../main/doors/cli/index';
import { tempDir } from '../../../support/temp-database';

let dir: string;
let cleanup: () => void;
let db: string;
const SECRET = 'MatKhau-Co-So-9x!';
const ADMIN = { ANSINH_USER: 'quantri', ANSINH_PASSWORD: 'quantri123!', ANSINH_INSURANCE_GATEWAY: '', ANSINH_INSURANCE_PASSWORD: '' };

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  db = join(dir, 'clinic.db');
  const open = openDatabase({ path: db, migrationsFolder: migrationsDir(), create: true });
  seedDemo(open, { people: 5 });
  open.close();
});
afterAll(() => cleanup());

/** The command in this process (a spawned CLI costs seconds on a loaded machine), with no terminal to prompt on. */
async function runCli(args: string[], env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env, promptSecret: null });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('ansinh clinic settings', () => {
  it('is refused to clinic reception in one line, changing nothing', async () => {
    const r = await runCli(['clinic', 'settings', '--endpoint', 'https://gd.example.vn', '--db', db], { ...ADMIN, ANSINH_USER: 'yte', ANSINH_PASSWORD: 'yte12345!' });
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const shown = await runCli(['clinic', 'settings', '--json', '--db', db], ADMIN);
    expect(shown.code, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ endpoint: null, username: null, hasPassword: false, facilityName: null });
  });

  it('sets the gateway with the password from the environment, never printing it; later changes keep the rest', async () => {
    const noPassword = await runCli(['clinic', 'settings', '--endpoint', 'https://gd.example.vn/', '--username', '01001_BV', '--db', db], ADMIN);
    expect(noPassword.code).not.toBe(0);
    expect(noPassword.stderr).toMatch(/--password/);

    const set = await runCli(['clinic', 'settings', '--endpoint', 'https://gd.example.vn/', '--username', '01001_BV', '--password', '--facility-code', '01-001',
      '--facility-name', 'Trạm Y tế xã Đức Phong', '--json', '--db', db], { ...ADMIN, ANSINH_INSURANCE_PASSWORD: SECRET });
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout + set.stderr).not.toContain(SECRET);
    expect(JSON.parse(set.stdout)).toMatchObject({ endpoint: 'https://gd.example.vn', username: '01001_BV', hasPassword: true, facilityCode: '01001', facilityName: 'Trạm Y tế xã Đức Phong' });

    const badCode = await runCli(['clinic', 'settings', '--facility-code', '0100', '--db', db], ADMIN);
    expect(badCode.code).not.toBe(0);
    expect(badCode.stderr).toMatch(/Mã cơ sở KCB/);

    const rename = await runCli(['clinic', 'settings', '--facility-name', 'Trạm Y tế phường Đức Phong', '--db', db], ADMIN);
    expect(rename.code, rename.stderr).toBe(0);
    expect(rename.stdout).toMatch(/Đã lưu/);
    expect(rename.stdout).toMatch(/Tên cơ sở KCB: Trạm Y tế phường Đức Phong/);
    expect(rename.stdout).toMatch(/Tài khoản cơ sở: 01001_BV/);
    expect(rename.stdout).toMatch(/Mật khẩu: đã lưu/);
    expect(rename.stdout).not.toContain(SECRET);
  });
});
