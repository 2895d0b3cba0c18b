// `ansinh card read` as district IT would script it: a real pcscd, the vpcd virtual reader, the software chip.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CccdSoftCard } from '../../../card/soft-card/cccd-soft-card';
import { startCardRig, type CardRig } from '../../../card/virtual-card-rig';
import { fakeJpeg } from '../../../card/soft-card/test-person';
import { runCliAsync } from '../../../support/run-cli-async';
import { tempDir } from '../../../support/temp-database';
import { openDatabase } from '../../../../main/core/database/open-database';
import { migrationsDir } from '../../../../main/core/app-paths';

let rig: CardRig | undefined;
let dir: string;
let cleanup: () => void;
const chip = new CccdSoftCard();

beforeAll(async () => {
  rig = await startCardRig(chip);
  ({ dir, cleanup } = tempDir());
  expect((await runCliAsync(['demo', '--db', join(dir, 'a.db')])).code).toBe(0);
}, 300_000);

/** Clinic reception reads cards (and nothing of the welfare data): the least a card read needs. */
const reception = { ANSINH_USER: 'yte', ANSINH_PASSWORD: 'yte12345!' };

afterAll(async () => {
  await rig?.stop();
  cleanup?.();
});

describe('ansinh card read', () => {
  it('prints the card-read JSON document, writes the photo, and says nothing else on stdout', async () => {
    const photo = join(dir, 'anh.jpg');
    const r = await runCliAsync(['card', 'read', '--can', chip.can, '--photo', photo, '--json', '--db', join(dir, 'a.db')], reception);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).sort()).toEqual(['access', 'files', 'mrz', 'person', 'trust', 'verified']);
    // No CSCA imported: every hash and the signature are valid, but the issuer is unchecked, so not verified.
    expect(out).toMatchObject({ access: 'PACE-CAN', verified: false, person: { idNumber: '001085012345', fullName: 'Nguyễn Thị Thu Hương', sex: 'F' } });
    expect(out.trust).toMatchObject({ signature: 'valid', chain: 'unknown' });
    expect(readFileSync(photo)).toEqual(Buffer.from(fakeJpeg(20_000)));
    expect(r.stderr).not.toContain('001085012345');
    // The read is in the audit trail under the signed-in user, through the door it came from.
    const db = openDatabase({ path: join(dir, 'a.db'), migrationsFolder: migrationsDir() });
    try {
      expect(db.sqlite.prepare(`SELECT u.username, e.origin, e.subject FROM audit_events e JOIN users u ON u.id = e.user_id
        WHERE e.action = 'card-read' ORDER BY e.seq DESC LIMIT 1`).get()).toEqual({ username: 'yte', origin: 'cli', subject: '001085012345' });
    } finally {
      db.close();
    }
  }, 120_000);

  it('fails with one line and a non-zero code on a wrong CAN or a malformed one, printing no partial person', async () => {
    const wrong = await runCliAsync(['card', 'read', '--can', chip.can === '000000' ? '111111' : '000000', '--json', '--db', join(dir, 'a.db')], reception);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toBe('');
    expect(wrong.stderr.trim().split('\n')).toHaveLength(1);
    const malformed = await runCliAsync(['card', 'read', '--can', '12ab', '--db', join(dir, 'a.db')], reception);
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toMatch(/6 chữ số/);
  }, 120_000);
});
