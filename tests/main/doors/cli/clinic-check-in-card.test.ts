// `ansinh clinic check-in --can` reads the chip through a real pcscd and the vpcd virtual reader, then asks the test
// insurance gateway on loopback (never a real one).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CccdSoftCard } from '../../../card/soft-card/cccd-soft-card';
import { startCardRig, type CardRig } from '../../../card/virtual-card-rig';
import { runCliAsync } from '../../../support/run-cli-async';
import { tempDir } from '../../../support/temp-database';
import { startInsuranceGateway, type InsuranceGateway } from '../../../support/insurance-gateway';

let rig: CardRig | undefined;
let gw: InsuranceGateway;
let dir: string;
let cleanup: () => void;
const chip = new CccdSoftCard();

beforeAll(async () => {
  rig = await startCardRig(chip);
  gw = await startInsuranceGateway({
    cards: [{ cardCode: 'GD4010123456789', idNumber: '001085012345', fullName: 'Nguyễn Thị Thu Hương', birth: '07/03/1985', validFrom: '01/01/2026', validTo: '31/12/2026' }],
  });
  ({ dir, cleanup } = tempDir());
  expect((await runCliAsync(['demo', '--db', join(dir, 'a.db')])).code).toBe(0);
}, 300_000);

afterAll(async () => {
  await gw?.stop();
  await rig?.stop();
  cleanup?.();
});

describe('ansinh clinic check-in --can', () => {
  it('reads the chip, checks the insurance and records the visit', async () => {
    const r = await runCliAsync(['clinic', 'check-in', '--can', chip.can, '--reason', 'Khám định kỳ', '--officer-name', 'Trần Văn Bình', '--officer-id', '037090001234',
      '--json', '--db', join(dir, 'a.db')],
    { ANSINH_USER: 'yte', ANSINH_PASSWORD: 'yte12345!', ANSINH_INSURANCE_GATEWAY: gw.url, ANSINH_INSURANCE_USER: gw.username, ANSINH_INSURANCE_PASSWORD: gw.password });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      person: { idNumber: '001085012345', fullName: 'Nguyễn Thị Thu Hương', birth: '1985-03-07', sex: 'F' },
      insurance: { status: 'valid', resultCode: '000', cardCode: 'GD4010123456789', benefitLevel: 4, source: 'gateway' },
      visit: { number: 1 },
    });
    expect(gw.calls.at(-1)!.body).toMatchObject({ maThe: '001085012345', ngaySinh: '07/03/1985', cccdCb: '037090001234' });
  }, 120_000);
});
