// The headless host reading a chip card: its services run in a child process, on whose main thread the pcsclite
// addon works (inside a worker thread it aborted the whole host on its first reader event).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from '../../../../main/core/database/open-database';
import { migrationsDir } from '../../../../main/core/app-paths';
import { seedDemo } from '../../../../main/demo/seed-demo';
import { startServicesProcess, type ServicesProcess } from '../../../../main/app/services-process/start-services-process';
import { startHostServer, type HostServer } from '../../../../main/doors/host/host-server';
import { CccdSoftCard } from '../../../card/soft-card/cccd-soft-card';
import { startCardRig, type CardRig } from '../../../card/virtual-card-rig';
import { tempDir } from '../../../support/temp-database';

let rig: CardRig | undefined;
let services: ServicesProcess | undefined;
let host: HostServer | undefined;
let cleanup: () => void;
const chip = new CccdSoftCard();

beforeAll(async () => {
  rig = await startCardRig(chip);
  const t = tempDir();
  cleanup = t.cleanup;
  const dbPath = join(t.dir, 'demo.db');
  const db = openDatabase({ path: dbPath, migrationsFolder: migrationsDir(), create: true });
  seedDemo(db, { people: 20 });
  db.close();
  services = await startServicesProcess({ dbPath, create: false, quiet: true });
  host = await startHostServer({ services, rendererDir: join(t.dir, 'renderer') });
}, 300_000);

afterAll(async () => {
  await host?.close();
  await services?.close();
  await rig?.stop();
  cleanup?.();
});

describe('headless host with a card reader', () => {
  it('follows the readers and reads the card without taking the host down', async () => {
    const key = host!.url.split('#k=')[1];
    const post = async (body: unknown) => (await fetch(`${host!.origin}/api/call`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', Origin: host!.origin, 'X-Ansinh-Key': key }, body: JSON.stringify(body),
    })).json();
    const { output: { token } } = await post({ method: 'auth.login', input: { username: 'canbo', password: 'canbo123!' } });
    const deadline = Date.now() + 10_000;
    let status = await post({ method: 'card.status', input: {}, token });
    while (!status.output.readers.some((r: { cardPresent: boolean }) => r.cardPresent) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 300));
      status = await post({ method: 'card.status', input: {}, token });
    }
    expect(status).toMatchObject({ ok: true, output: { availability: 'ready' } });
    expect(status.output.readers.some((r: { cardPresent: boolean }) => r.cardPresent)).toBe(true);
    const read = await post({ method: 'card.read', input: { access: { can: chip.can }, purpose: 'verify' }, token });
    expect(read).toMatchObject({ ok: true, output: { verified: false, trust: { signature: 'valid', chain: 'unknown' }, person: { idNumber: '001085012345' } } });
    expect(await post({ method: 'card.status', input: {}, token })).toMatchObject({ ok: true });
  }, 120_000);
});
