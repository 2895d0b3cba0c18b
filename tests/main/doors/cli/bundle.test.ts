import path from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../main/core/database/open-database';
import { migrationsDir } from '../../../../main/core/app-paths';
import { seedDemo } from '../../../../main/demo/seed-demo';
import { main } from '../../../../main/doors/cli/index';
import { openHubStore } from '../../../../hub/store';
import { startHubServer } from '../../../../hub/server';
import { addOffice, issueEnrolmentCode } from '../../../../hub/offices';
import { hubIdentity } from '../../../../hub/hub-identity';
import { tempDir } from '../../../support/temp-database';

let dir: string;
let cleanup: () => void;
let dbPath: string;
let hubData: string;

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  process.env.ANSINH_DOWNLOADS_DIR = path.join(dir, 'downloads');
  process.env.ANSINH_UPLOADS_DIR = path.join(dir, 'uploads');
  dbPath = path.join(dir, 'demo.db');
  hubData = path.join(dir, 'hub');
  const db = openDatabase({ path: dbPath, migrationsFolder: migrationsDir(), create: true });
  seedDemo(db, { people: 20 });
  db.close();
}, 60_000);
afterAll(() => cleanup());

async function ansinh(args: string[], user = 'canbo', password = 'canbo123!') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main([...args, '--db', dbPath], { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: { ANSINH_USER: user, ANSINH_PASSWORD: password }, promptSecret: null });
  return { code, out: out.join(''), err: err.join('') };
}

describe('ansinh sync and bundle', () => {
  it('enrols, carries the commune\'s work to the hub on a stick and the receipt back, once', async () => {
    const store = await openHubStore({ dataDir: hubData });
    const server = await startHubServer(store);
    try {
      const office = await addOffice(store, { unitId: 'vn:00004@2025-07-01', name: 'Xã Bình Sơn' });
      const code = await issueEnrolmentCode(store, await hubIdentity(store), office.id);
      const clerkTries = await ansinh(['sync', 'enrol', '--hub', server.url, '--code', code]);
      expect(clerkTries.code).toBe(1); // enrolment is the administrator's
      const enrol = await ansinh(['sync', 'enrol', '--hub', server.url, '--code', code, '--json'], 'quantri', 'quantri123!');
      expect(enrol.code, enrol.err).toBe(0);
      expect(JSON.parse(enrol.out)).toMatchObject({ enrolled: true, hubUrl: server.url });
    } finally {
      await server.close();
      await store.close();
    }
    const file = path.join(dir, 'usb', 'goi-1.ansinh');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.dirname(file));
    const exported = await ansinh(['bundle', 'export', '--out', file, '--json']);
    expect(exported.code, exported.err).toBe(0);
    const made = JSON.parse(exported.out);
    expect(made.number).toBe(1);
    expect(made.entries).toBeGreaterThan(20);

    const tampered = path.join(dir, 'usb', 'sua.ansinh');
    const bytes = readFileSync(file);
    bytes[bytes.length - 200] ^= 0xff;
    writeFileSync(tampered, bytes);
    const refused = await ansinh(['bundle', 'import', tampered, '--hub-data', hubData]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Gói dữ liệu đã bị sửa');

    const imported = await ansinh(['bundle', 'import', file, '--hub-data', hubData, '--json']);
    expect(imported.code, imported.err).toBe(0);
    expect(JSON.parse(imported.out)).toMatchObject({ number: 1, replay: false, entries: made.entries, notApplied: 0, receipt: `${file}.bien-nhan` });
    const again = await ansinh(['bundle', 'import', file, '--hub-data', hubData]);
    expect(again.out).toContain('đã được nhập trước đây');

    const receipt = await ansinh(['bundle', 'receipt', `${file}.bien-nhan`, '--json']);
    expect(receipt.code, receipt.err).toBe(0);
    expect(JSON.parse(receipt.out)).toMatchObject({ number: 1 });
    const status = await ansinh(['sync', 'status', '--json']);
    expect(JSON.parse(status.out)).toMatchObject({ enrolled: true, pending: 0, issues: 0 });
  }, 120_000);
});
