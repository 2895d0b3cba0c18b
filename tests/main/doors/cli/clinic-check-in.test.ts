// `ansinh clinic check-in` as a script would run it, against the test gateway on loopback (never a real one).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync } from '../../../support/run-cli-async';
import { tempDir } from '../../../support/temp-database';
import { startInsuranceGateway, type InsuranceGateway } from '../../../support/insurance-gateway';

let gw: InsuranceGateway;
let dir: string;
let cleanup: () => void;
const OFFICER = ['--officer-name', 'Trần Văn Bình', '--officer-id', '037090001234'];
const env = () => ({ ANSINH_USER: 'yte', ANSINH_PASSWORD: 'yte12345!', ANSINH_INSURANCE_GATEWAY: gw.url, ANSINH_INSURANCE_USER: gw.username, ANSINH_INSURANCE_PASSWORD: gw.password });

beforeAll(async () => {
  gw = await startInsuranceGateway({
    officers: [{ fullName: 'Trần Văn Bình', idNumber: '037090001234' }],
    cards: [{ cardCode: 'GD4010123456789', idNumber: '001085012345', fullName: 'Nguyễn Thị Thu Hương', birth: '07/03/1985', validFrom: '01/01/2026', validTo: '31/12/2026', fiveYearsFrom: '01/01/2024' }],
  });
  ({ dir, cleanup } = tempDir());
  expect((await runCliAsync(['demo', '--db', join(dir, 'a.db')])).code).toBe(0);
}, 120_000);

afterAll(async () => {
  await gw.stop();
  cleanup?.();
});

describe('ansinh clinic check-in', () => {
  it('prints exactly the issue\'s document: person, insurance, visit', async () => {
    const r = await runCliAsync(['clinic', 'check-in', '--id', '001085012345', '--name', 'Nguyễn Thị Thu Hương', '--birth', '07/03/1985', '--reason', 'Khám định kỳ', ...OFFICER, '--json', '--db', join(dir, 'a.db')], env());
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).sort()).toEqual(['insurance', 'person', 'visit']);
    expect(Object.keys(out.person).sort()).toEqual(['birth', 'fullName', 'idNumber', 'sex']);
    expect(Object.keys(out.insurance).sort()).toEqual(['benefitLevel', 'cardCode', 'checkedAt', 'fiveYearsFrom', 'initialFacility', 'resultCode', 'source', 'status', 'validFrom', 'validTo'].sort());
    expect(out).toMatchObject({
      person: { idNumber: '001085012345', fullName: 'Nguyễn Thị Thu Hương', birth: '1985-03-07' },
      insurance: { status: 'valid', resultCode: '000', cardCode: 'GD4010123456789', benefitLevel: 4, validFrom: '2026-01-01', validTo: '2026-12-31', fiveYearsFrom: '2024-01-01', source: 'gateway' },
      visit: { number: 1 },
    });
    expect(out.insurance.checkedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('a QR of another kind fails with one line on stderr, nothing on stdout (the service tests cover the rest)', async () => {
    const bad = await runCliAsync(['clinic', 'check-in', '--qr', 'https://example.vn/x', ...OFFICER, '--json', '--db', join(dir, 'a.db')], env());
    expect(bad.code).not.toBe(0);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/không phải của thẻ căn cước hay thẻ BHYT/);
  });
});
