import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../main/app/services';
import { downloadPath } from '../../../main/app/downloads';
import { saveUpload } from '../../../main/app/uploads';
import { recordAudit } from '../../../main/core/audit';
import { formatHlc } from '../../../main/core/clock';
import { demoServices, loginAs } from '../../support/services';
import { tempDir } from '../../support/temp-database';
import { writeGovernmentWorkbook } from '../../fixtures/excel/government-xlsx';

let services: Services;
let dir: string;
let cleanup: () => void;
type Caller = Awaited<ReturnType<typeof loginAs>>;
let clerk: Caller;
let admin: Caller;
let clerkId: string;

interface AuditRow { user_id: string | null; origin: string; action: string; subject: string | null; detail: string | null }
const lastAudit = (action: string) => services.db.sqlite.prepare('SELECT user_id, origin, action, subject, detail FROM audit_events WHERE action = ? ORDER BY hlc DESC LIMIT 1').get(action) as AuditRow | undefined;
const ok = <T>(r: unknown): T => {
  const res = r as { ok: boolean; output: T; error?: { message: string } };
  if (!res.ok) throw new Error(res.error?.message);
  return res.output;
};

beforeAll(async () => {
  const t = tempDir();
  dir = t.dir;
  cleanup = t.cleanup;
  process.env.ANSINH_DOWNLOADS_DIR = join(dir, 'downloads');
  process.env.ANSINH_UPLOADS_DIR = join(dir, 'uploads');
  services = demoServices(dir, { people: 30 });
  clerk = await loginAs(services, 'canbo', 'canbo123!');
  admin = await loginAs(services, 'quantri', 'quantri123!');
  clerkId = ok<{ id: string }>(await clerk('auth.me')).id;
});
afterAll(async () => {
  await services.close();
  delete process.env.ANSINH_DOWNLOADS_DIR;
  delete process.env.ANSINH_UPLOADS_DIR;
  cleanup();
});

async function somePerson(): Promise<{ id: string; fullName: string; idNumber: string | null }> {
  const page = ok<{ rows: { id: string }[] }>(await clerk('beneficiaries.list', { limit: 30 }));
  const rows = page.rows.map((r) => services.db.sqlite.prepare('SELECT id, full_name AS fullName, id_number AS idNumber FROM beneficiaries WHERE id = ?').get(r.id) as { id: string; fullName: string; idNumber: string | null });
  return rows.find((r) => r.idNumber)!;
}

describe('audit of reads', () => {
  it('records who opened whose record and history, by beneficiary id', async () => {
    const person = await somePerson();
    ok(await clerk('beneficiaries.get', { id: person.id }));
    expect(lastAudit('record-open')).toMatchObject({ user_id: clerkId, origin: 'host', subject: person.id });
    ok(await clerk('beneficiaries.history', { id: person.id }));
    expect(lastAudit('record-history')).toMatchObject({ user_id: clerkId, subject: person.id });
  });

  it('records nothing for a record the user may not open', async () => {
    const before = services.db.sqlite.prepare("SELECT count(*) FROM audit_events WHERE action = 'record-open'").pluck().get();
    expect(await clerk('beneficiaries.get', { id: 'khong-co' })).toMatchObject({ ok: false });
    expect(services.db.sqlite.prepare("SELECT count(*) FROM audit_events WHERE action = 'record-open'").pluck().get()).toBe(before);
  });

  it('records an import preview with file name, commune and counts, and no personal data', async () => {
    const file = join(dir, 'ds-thang-12.xlsx');
    await writeGovernmentWorkbook(file, { rows: 8, text: 'unicode' });
    const fileRef = saveUpload(readFileSync(file));
    const preview = ok<{ records: number; sample: { fullName: string; idNumber: string | null }[] }>(await clerk('import.preview', { fileRef, fileName: 'ds-thang-12.xlsx' }));
    const event = lastAudit('import-preview')!;
    expect(event).toMatchObject({ user_id: clerkId, subject: null });
    const detail = JSON.parse(event.detail!);
    expect(detail).toMatchObject({ fileName: 'ds-thang-12.xlsx', records: preview.records, units: [expect.any(String)] });
    for (const person of preview.sample) {
      expect(event.detail).not.toContain(person.fullName);
      if (person.idNumber) expect(event.detail).not.toContain(person.idNumber);
    }
  });

  it('records every export with its units, count and the SHA-256 of the file handed over', async () => {
    const made = ok<{ count: number; downloadRef: string }>(await clerk('export.list', { kind: 'district-list', unitId: null }));
    const detail = JSON.parse(lastAudit('export')!.detail!);
    const bytes = readFileSync(downloadPath(made.downloadRef)!);
    expect(detail).toMatchObject({ kind: 'district-list', count: made.count, units: expect.arrayContaining([expect.any(String)]) });
    expect(detail.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('keeps the trail append-only', () => {
    expect(() => services.db.sqlite.prepare("UPDATE audit_events SET action = 'x'").run()).toThrow(/append-only/);
    expect(() => services.db.sqlite.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/);
  });
});

describe('the administrator\'s audit screen', () => {
  type Page = { total: number; rows: { atMs: number; userId: string | null; action: string; person: { beneficiaryId: string | null; name: string | null; idTail: string | null } | null; summary: string }[] };

  it('filters by user, person (name or ID), action and date range, newest first and paged', async () => {
    const person = await somePerson();
    ok(await clerk('beneficiaries.get', { id: person.id }));
    // A card read names the card's ID number (no record id is known at read time); an old event from last year.
    recordAudit(services.db, { userId: clerkId, origin: 'electron' }, { action: 'card-read', subject: person.idNumber, detail: { purpose: 'verify', verified: true } });
    // The clock never goes back, so an event of last year (a synced one, say) is written as it would arrive.
    const seq = (services.db.sqlite.prepare('SELECT max(seq) FROM audit_events').pluck().get() as number) + 1;
    services.db.sqlite.prepare("INSERT INTO audit_events (device_id, seq, hlc, user_id, origin, action, subject) VALUES ('thiet-bi-khac', ?, ?, ?, 'host', 'record-open', ?)")
      .run(seq, formatHlc({ wallMs: Date.UTC(2025, 0, 15, 3), counter: 0 }, 'thiet-bi-khac'), clerkId, person.id);

    const byPerson = ok<Page>(await admin('audit.list', { person: person.fullName.toLowerCase() }));
    expect(byPerson.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['card-read', 'record-open']));
    expect(byPerson.rows.every((r) => r.person?.beneficiaryId === person.id)).toBe(true);
    const card = byPerson.rows.find((r) => r.action === 'card-read')!;
    expect(card.person).toEqual({ beneficiaryId: person.id, name: person.fullName, idTail: person.idNumber!.slice(-4) });
    expect(JSON.stringify(byPerson)).not.toContain(person.idNumber);

    const byWholeId = ok<Page>(await admin('audit.list', { person: person.idNumber }));
    const byLastDigits = ok<Page>(await admin('audit.list', { person: person.idNumber!.slice(-6) }));
    expect(byWholeId.total).toBe(byPerson.total);
    expect(byLastDigits.total).toBeGreaterThanOrEqual(byPerson.total);

    const onlyCards = ok<Page>(await admin('audit.list', { person: person.idNumber, action: 'card-read' }));
    expect(onlyCards.rows.map((r) => r.action)).toEqual(['card-read']);

    const lastYear = ok<Page>(await admin('audit.list', { fromMs: Date.UTC(2025, 0, 1), toMs: Date.UTC(2025, 1, 1) }));
    expect(lastYear.total).toBe(1);
    expect(lastYear.rows[0]).toMatchObject({ action: 'record-open', atMs: Date.UTC(2025, 0, 15, 3) });

    const byAdmin = ok<Page>(await admin('audit.list', { userId: 'khong-co-ai' }));
    expect(byAdmin.total).toBe(0);
    const all = ok<Page>(await admin('audit.list', { limit: 2 }));
    const next = ok<Page>(await admin('audit.list', { limit: 2, offset: 2 }));
    expect(all.rows).toHaveLength(2);
    expect(all.rows[0].atMs).toBeGreaterThanOrEqual(all.rows[1].atMs);
    expect(next.rows[0].atMs).toBeLessThanOrEqual(all.rows[1].atMs);
    expect(all.total).toBe(next.total);

    expect(await clerk('audit.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('exports the filtered trail as a workbook and records that export', async () => {
    const person = await somePerson();
    const expected = ok<Page>(await admin('audit.list', { person: person.fullName, limit: 200 }));
    const made = ok<{ fileName: string; count: number; downloadRef: string }>(await admin('audit.export', { person: person.fullName, utcOffsetMinutes: 420 }));
    expect(made.fileName).toMatch(/^Nhat_ky_truy_cap_\d{2}-\d{2}-\d{4}\.xlsx$/);
    expect(made.count).toBe(expected.total);
    const path = downloadPath(made.downloadRef)!;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const texts = (workbook.worksheets[0].getSheetValues().flat() as unknown[]).filter((v): v is string => typeof v === 'string');
    expect(texts).toContain('Dữ liệu của');
    expect(texts.filter((t) => t.startsWith(person.fullName))).toHaveLength(made.count);
    expect(texts.join('\n')).not.toContain(person.idNumber);
    const event = lastAudit('audit-export')!;
    expect(JSON.parse(event.detail!)).toMatchObject({ count: made.count, sha256: createHash('sha256').update(readFileSync(path)).digest('hex'), filter: { person: 'có' } });
  });
});
