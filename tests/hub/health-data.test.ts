import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../main/core/database/open-database';
import { createClinicService } from '../../main/clinic/clinic-service';
import { createRecentCardReads } from '../../main/identity/recent-card-reads';
import { syncNow, syncStatus } from '../../main/sync/sync-service';
import { exportBundle, importReceipt } from '../../main/sync/bundles';
import { readEnrolment } from '../../main/sync/sync-state';
import { callHub } from '../../main/sync/hub-client';
import { importBundle } from '../../hub/bundle-import';
import { NOT_KEPT } from '../../hub/push';
import { PROTOCOL_VERSION, batchIdOf, type PushAnswer } from '../../shared/sync/protocol';
import { tempDir } from '../support/temp-database';
import { startInsuranceGateway, type InsuranceGateway } from '../support/insurance-gateway';
import { startTestHub, enrolledDesktop, addPeople, peopleOf, clerk, COMMUNE_X, PROVINCE, type TestHub } from '../support/sync-hub';

// Clinic visits are health data the province's social-protection hub has no need for: a check-in stays in its office.

const PATIENT = { cardCode: 'GD4010123456789', idNumber: '001085012345', fullName: 'Nguyễn Thị Thu Hương', birth: '07/03/1985', sex: 'Nữ' as const,
  initialFacility: '01054', validFrom: '01/01/2026', validTo: '31/12/2026' };
const OFFICER = { fullName: 'Trần Văn Bình', idNumber: '037090001234' };

let hub: TestHub;
let gw: InsuranceGateway;
let dir: string;
let cleanup: () => void;
const open: AppDatabase[] = [];

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  hub = await startTestHub();
  gw = await startInsuranceGateway({ officers: [OFFICER], cards: [PATIENT] });
}, 120_000);
afterAll(async () => {
  for (const db of open) db.close();
  await gw?.stop();
  await hub?.close();
  cleanup();
});

/** Anything of the patient the hub holds, in any table. */
async function patientAtHub(): Promise<number> {
  let n = 0;
  for (const [table, column] of [['entries', 'value'], ['records', 'row_json'], ['field_state', 'value'], ['conflicts', 'theirs']]) {
    n += Number((await hub.store.query<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE ${column} LIKE $1 OR ${column} LIKE $2`,
      [`%${PATIENT.fullName}%`, `%${PATIENT.idNumber}%`]))[0].n);
  }
  return n + Number((await hub.store.query<{ n: number }>("SELECT count(*) AS n FROM records WHERE entity = 'clinic_visits'"))[0].n);
}

describe('clinic visits stay at the health station', () => {
  it('a check-in (with its insurance status) never reaches the hub, online or by USB bundle, nor the office above; it stays in the local history', async () => {
    const station = await enrolledDesktop(hub, dir, 'tram-y-te', { unitId: COMMUNE_X });
    const above = await enrolledDesktop(hub, dir, 'huyen', { unitId: PROVINCE, area: [COMMUNE_X] });
    open.push(station, above);
    const clinic = createClinicService(station, createRecentCardReads(), {
      gatewayTimeoutMs: 2000, retryMs: 60_000,
      env: { ANSINH_INSURANCE_GATEWAY: gw.url, ANSINH_INSURANCE_USER: gw.username, ANSINH_INSURANCE_PASSWORD: gw.password, ANSINH_INSURANCE_FACILITY: '01054' },
    });
    try {
      const visit = await clinic.checkIn(clerk, 'u-clerk', { identity: { idNumber: PATIENT.idNumber, fullName: PATIENT.fullName, birth: '1985-03-07' }, officer: OFFICER });
      expect(visit.insurance).toMatchObject({ status: 'valid', cardCode: PATIENT.cardCode });
      addPeople(station, COMMUNE_X, ['Lê Văn Tám']); // welfare data, which does travel
      // Nothing of the visit waits to be sent: only the person.
      const visitEntries = station.sqlite.prepare("SELECT count(*) FROM change_log WHERE entity = 'clinic_visits'").pluck().get() as number;
      expect(visitEntries).toBeGreaterThan(0);
      expect(syncStatus(station).pending).toBe(1);

      const bundle = exportBundle(station);
      expect(bundle.entries).toBe(1);
      const receipt = await importBundle(hub.store, bundle.bytes);
      expect(receipt.push.outcomes).toEqual([]);
      importReceipt(station, receipt.bytes);
      const report = await syncNow(station);
      expect(report.pushed).toBe(0);
      expect(syncStatus(station)).toMatchObject({ pending: 0, issues: 0 });
      expect(await patientAtHub()).toBe(0);
      expect(Number((await hub.store.query<{ n: number }>("SELECT count(*) AS n FROM entries WHERE entity = 'clinic_visits'"))[0].n)).toBe(0);

      await syncNow(above);
      expect(peopleOf(above)).toEqual(peopleOf(station));
      expect(above.sqlite.prepare('SELECT count(*) FROM clinic_visits').pluck().get()).toBe(0);
      expect(above.sqlite.prepare("SELECT count(*) FROM change_log WHERE entity = 'clinic_visits'").pluck().get()).toBe(0);
      // Here, the visit keeps its history (and the later insurance result, if any) as before.
      expect(station.sqlite.prepare("SELECT count(*) FROM change_log WHERE entity = 'clinic_visits'").pluck().get()).toBe(visitEntries);
      expect(station.sqlite.prepare('SELECT full_name FROM clinic_visits WHERE id = ?').pluck().get(visit.id)).toBe(PATIENT.fullName);
    } finally {
      clinic.close();
    }
  });

  it('the hub keeps nothing of a visit an older app still sends: acknowledged once, refused with a reason, never passed on', async () => {
    const station = await enrolledDesktop(hub, dir, 'tram-cu', { unitId: COMMUNE_X });
    const above = await enrolledDesktop(hub, dir, 'huyen-2', { unitId: PROVINCE, area: [COMMUNE_X] });
    open.push(station, above);
    const e = readEnrolment(station)!;
    const caller = { url: hub.server.url, device: station.deviceId, signPrivate: e.signPrivate, hubSignKey: e.hubSignKey };
    const command = { id: 'cmd-old-check-in', name: 'clinic-check-in', user: 'u-yte', origin: 'electron', hlc: `${Date.now()}-0000-${station.deviceId}` };
    const value = JSON.stringify({ day: '2026-12-03', number: 1, fullName: PATIENT.fullName, idNumber: PATIENT.idNumber, insurance: '{"status":"valid"}' });
    const batch = { v: PROTOCOL_VERSION, batchId: batchIdOf(station.deviceId, 0, 2), device: station.deviceId, after: 0, upTo: 2, commands: [command], entries: [
      { seq: 1, hlc: command.hlc, command: command.id, entity: 'clinic_visits', id: 'visit-1', op: 'insert' as const, field: null, value, base: null },
      { seq: 2, hlc: command.hlc, command: command.id, entity: 'clinic_visits', id: 'visit-1', op: 'update' as const, field: 'insurance', value: '"{\\"status\\":\\"expired\\"}"', base: `${station.deviceId}:1` },
    ] };
    const answer = await callHub<PushAnswer>(caller, '/v1/push', batch);
    expect(answer.acked).toBe(2);
    expect(answer.outcomes).toEqual([{ seq: 1, outcome: 'rejected', reason: NOT_KEPT }, { seq: 2, outcome: 'rejected', reason: NOT_KEPT }]);
    expect((await callHub<PushAnswer>(caller, '/v1/push', batch)).acked).toBe(2); // again: nothing twice
    expect(Number((await hub.store.query<{ n: number }>('SELECT count(*) AS n FROM entries WHERE device_id = $1', [station.deviceId]))[0].n)).toBe(2);
    expect(await patientAtHub()).toBe(0);
    await syncNow(above);
    expect(above.sqlite.prepare('SELECT count(*) FROM clinic_visits').pluck().get()).toBe(0);
    expect(above.sqlite.prepare("SELECT count(*) FROM change_log WHERE entity = 'clinic_visits'").pluck().get()).toBe(0);
  });
});
