// The insurance lookup starts as soon as the chip's identity is read (card.read for a check-in calls
// clinic.startLookup before the photo): the check-in of that read takes the lookup under way instead of asking again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../main/app/services';
import type { CardReadResult } from '../../../main/card/read-card';
import { migrationsDir } from '../../../main/core/app-paths';
import { openDatabase } from '../../../main/core/database/open-database';
import { seedDemo } from '../../../main/demo/seed-demo';
import type { CardPerson } from '../../../shared/contract/card';
import type { Visit } from '../../../shared/contract/clinic';
import { startInsuranceGateway, type GatewayCard, type InsuranceGateway } from '../../support/insurance-gateway';
import { loginAs, okOutput } from '../../support/services';

const OFFICER = { fullName: 'Trần Văn Bình', idNumber: '037090001234' };
const HUONG: GatewayCard = {
  cardCode: 'GD4010123456789', idNumber: '001085012345', fullName: 'Nguyễn Thị Thu Hương', birth: '07/03/1985',
  validFrom: '01/01/2026', validTo: '31/12/2026', behaviour: { kind: 'slow', delayMs: 300 },
};
const PERSON: CardPerson = {
  idNumber: '001085012345', oldIdNumber: null, fullName: 'Nguyễn Thị Thu Hương', birth: '1985-03-07', sex: 'F', nationality: 'Việt Nam',
  ethnicity: null, religion: null, hometown: null, permanentAddress: null, identifyingMarks: null, issueDate: null, expiryDate: null,
  father: null, mother: null, spouse: null,
};

let dir: string;
let gw: InsuranceGateway;
let services: Services;
let reception: Awaited<ReturnType<typeof loginAs>>;
let userId: string;
const actor = () => ({ userId, origin: 'cli' as const });
const lookups = () => gw.calls.filter((c) => c.path.endsWith('KQNhanLichSuKCB2024'));
/** A chip read as card.read keeps it (only the person matters to a check-in). */
const keepRead = (person: CardPerson) => services.cardReads.keep({ person } as CardReadResult, userId);
const lookupAudits = () => services.db.sqlite.prepare("SELECT detail FROM audit_events WHERE action = 'insurance-lookup' ORDER BY seq").pluck().all() as string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ansinh-clinic-early-'));
  gw = await startInsuranceGateway({ officers: [OFFICER], cards: [HUONG] });
  const path = join(dir, 'clinic.db');
  const db = openDatabase({ path, migrationsFolder: migrationsDir(), create: true });
  seedDemo(db, { people: 5 });
  db.close();
  services = createServices({ dbPath: path, quiet: true, clinic: { gatewayTimeoutMs: 3000, cacheAfterMs: 2000, retryMs: 60_000, earlyKeepMs: 1500, env: {} } });
  const admin = await loginAs(services, 'quantri', 'quantri123!');
  okOutput(await admin('clinic.saveSettings', { endpoint: gw.url, username: gw.username, password: gw.password, facilityCode: null, facilityName: null }));
  reception = await loginAs(services, 'yte', 'yte12345!');
  okOutput(await reception('clinic.setOfficer', OFFICER));
  userId = services.db.sqlite.prepare("SELECT id FROM users WHERE username = 'yte'").pluck().get() as string;
});

afterAll(async () => {
  await services.close();
  await gw.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the lookup started at the chip\'s identity', () => {
  it('is the one the check-in of that read uses: one request to the gateway, sent before the check-in', async () => {
    const before = lookups().length;
    services.clinic.startLookup(actor(), userId, PERSON);
    // The photo being read: meanwhile the lookup reaches the gateway (after taking a token).
    const deadline = Date.now() + 5000;
    while (lookups().length === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const checkInAt = Date.now();
    const visit = okOutput<Visit>(await reception('clinic.checkIn', { identity: { readId: keepRead(PERSON) } }));
    expect(visit.insurance).toMatchObject({ status: 'valid', source: 'gateway' });
    expect(lookups()).toHaveLength(before + 1);
    expect(lookups().at(-1)!.at).toBeLessThanOrEqual(checkInAt);
    expect(JSON.parse(lookupAudits().at(-1)!)).toMatchObject({ visitId: visit.id, status: 'valid' });
  });

  it('is not used when the final read says otherwise, and one no check-in takes is still audited', async () => {
    const before = lookups().length;
    services.clinic.startLookup(actor(), userId, { ...PERSON, fullName: 'Nguyễn Thị Thu Hường' });
    const visit = okOutput<Visit>(await reception('clinic.checkIn', { identity: { readId: keepRead(PERSON) } }));
    expect(visit.insurance.status).toBe('valid');
    expect(lookups()).toHaveLength(before + 2); // the early one (another name) and the check-in's own

    services.clinic.startLookup(actor(), userId, PERSON);
    const deadline = Date.now() + 5000;
    while (!lookupAudits().some((d) => JSON.parse(d).unused) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const unused = lookupAudits().map((d) => JSON.parse(d)).filter((d) => d.unused);
    expect(unused).toEqual([{ visitId: null, unused: true, resultCode: '000' }]);
  });

  it('a late gateway: the grace before the last known status counts from when the lookup was sent, not from the check-in', async () => {
    gw.setCard({ ...HUONG, behaviour: { kind: 'hang' } });
    services.clinic.startLookup(actor(), userId, PERSON);
    await new Promise((r) => setTimeout(r, 1200)); // the photo being read
    const started = Date.now();
    const visit = okOutput<Visit>(await reception('clinic.checkIn', { identity: { readId: keepRead(PERSON) } }));
    // 2 s of grace, 1.2 s of it spent during the read.
    expect(Date.now() - started).toBeLessThan(1400);
    expect(visit.insurance).toMatchObject({ status: 'valid', source: 'cache', pending: true });
    gw.setCard({ ...HUONG });
  });
});
