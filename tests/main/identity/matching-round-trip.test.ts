import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../main/app/services';
import { downloadPath } from '../../../main/app/downloads';
import { registerLocalFile } from '../../../main/app/uploads';
import { demoServices, loginAs } from '../../support/services';
import { tempDir } from '../../support/temp-database';
import { readSentBatch, writeResultsWorkbook, type ResultLine, type SentRow } from '../../fixtures/matching/police-results';

let dir: string;
let cleanup: () => void;
let services: Services;
let clerk: Awaited<ReturnType<typeof loginAs>>;

type Ok<T> = { ok: true; output: T };
async function ok<T>(method: string, input: unknown): Promise<T> {
  const res = await clerk(method, input);
  if (!res.ok) throw new Error(`${method}: ${res.error.code} ${res.error.message}`);
  return (res as Ok<T>).output;
}
async function refused(method: string, input: unknown): Promise<{ code: string; message: string }> {
  const res = await clerk(method, input);
  if (res.ok) throw new Error(`${method} should have been refused`);
  return res.error;
}
const changeCount = () => services.db.sqlite.prepare('SELECT count(*) FROM change_log').pluck().get() as number;
const statusOf = (id: string) => services.db.sqlite.prepare('SELECT status FROM matching_statuses WHERE id = ?').pluck().get(id) as string | undefined;
const idOf = (idNumber: string) => services.db.sqlite.prepare('SELECT id FROM beneficiaries WHERE id_number = ?').pluck().get(idNumber) as string;

let batch: string;
let sent: SentRow[];

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  process.env.ANSINH_DOWNLOADS_DIR = path.join(dir, 'downloads');
  services = demoServices(dir, { people: 60 });
  clerk = await loginAs(services, 'canbo', 'canbo123!');
  const out = await ok<{ batch: string; people: number; downloadRef: string }>('match.export', { selection: 'pending' });
  batch = out.batch;
  const file = downloadPath(out.downloadRef)!;
  const read = await readSentBatch(file);
  expect(read.title).toContain(`ĐỢT SỐ ${batch}`);
  sent = read.rows;
  expect(sent).toHaveLength(out.people);
}, 60_000);
afterAll(async () => {
  await services.close();
  cleanup();
});

async function importResults(lines: ResultLine[], options: Parameters<typeof writeResultsWorkbook>[2], name: string, preview = false) {
  const file = path.join(dir, name);
  await writeResultsWorkbook(file, lines, options);
  return clerk('match.import', { fileRef: registerLocalFile(file), fileName: name, preview });
}

describe('send', () => {
  it('numbers the batch after the commune and the day, gives each person a row key and the status "sent"', () => {
    expect(batch).toMatch(/^13558-\d{8}-01$/);
    expect(sent[0].rowKey).toBe(`${batch}-0001`);
    const active = services.db.sqlite.prepare("SELECT count(*) FROM beneficiaries WHERE status = 'active' AND deleted = 0").pluck().get();
    expect(sent.length).toBe(active);
    expect(statusOf(idOf(sent.find((s) => s.idNumber)!.idNumber!))).toBe('sent');
  });

  it('has nobody left to send, and sends everyone again only with a reason once some matched', async () => {
    expect((await refused('match.export', { selection: 'pending' })).code).toBe('match-nothing-to-send');
  });
});

describe('results back', () => {
  it('reads layout (a) with another header wording and the columns in another order; spelling-only is never a mismatch', async () => {
    const people = sent.filter((s) => s.idNumber).slice(0, 6);
    const [a, b, c, d, e, f] = people;
    const renamed = a.permanentAddress!.replace('Xã Bình Sơn, Tỉnh Ninh Bình', 'xã An Lão, huyện Bình Lục, tỉnh Hà Nam');
    const lines: ResultLine[] = [
      { ...a, permanentAddress: renamed, outcome: 'Trùng khớp' },
      { ...b, outcome: 'Sai thông tin', difference: `Ngày sinh: 01/01/1931` },
      { ...c, outcome: 'Không có thông tin trong CSDLQG về dân cư' },
      { ...d, outcome: 'Sai thông tin', difference: `Họ tên: ${d.fullName.toUpperCase()}` },
      { ...e, rowKey: null, outcome: 'Trùng khớp' },
      { ...f, rowKey: null, idNumber: '099999999999', fullName: 'Người Lạ Hoắc', birth: '1950-01-01', outcome: 'Trùng khớp' },
    ];
    const before = changeCount();
    const res = await importResults(lines, { layout: 'appended', batch, order: ['fullName', 'idNumber', 'rowKey', 'permanentAddress', 'sex', 'birth', 'hometown'], wording: 1 }, 'ket-qua-a.xlsx');
    expect(res.ok, JSON.stringify(res)).toBe(true);
    const report = (res as Ok<Record<string, unknown>>).output as { batch: string; layout: string; rows: number; counts: Record<string, number>; people: { idNumber: string; outcome: string; fields: string[]; spellingOnly: string[]; enriched: string[] }[]; unlinked: { reason: string; row: number }[] };
    expect(report).toMatchObject({ batch, layout: 'appended', rows: 6, counts: { match: 3, mismatch: 1, notfound: 1, unlinked: 1 } });
    const byId = new Map(report.people.map((p) => [p.idNumber, p]));
    expect(byId.get(a.idNumber!)).toMatchObject({ outcome: 'match', fields: [] });
    expect(byId.get(b.idNumber!)).toMatchObject({ outcome: 'mismatch', fields: ['birth'] });
    expect(byId.get(c.idNumber!)).toMatchObject({ outcome: 'notfound' });
    expect(byId.get(d.idNumber!)).toMatchObject({ outcome: 'match', fields: [], spellingOnly: ['fullName'] });
    expect(byId.get(e.idNumber!)).toMatchObject({ outcome: 'match' });
    expect(report.unlinked).toEqual([expect.objectContaining({ row: 10, reason: expect.stringContaining('Không tìm thấy') })]);
    expect(changeCount()).toBeGreaterThan(before);
    expect(statusOf(idOf(a.idNumber!))).toBe('verified');
    expect(statusOf(idOf(b.idNumber!))).toBe('mismatched');
    expect(statusOf(idOf(c.idNumber!))).toBe('not-found');
    expect(statusOf(idOf(d.idNumber!))).toBe('matched');
    const verified = services.db.sqlite.prepare("SELECT field, source, batch_id IS NOT NULL AS hasBatch FROM field_verifications WHERE beneficiary_id = ? ORDER BY field").all(idOf(a.idNumber!));
    expect(verified).toContainEqual({ field: 'fullName', source: 'population', hasBatch: 1 });
  });

  it('refuses the same file twice, and a file of a batch never sent or of another commune, changing nothing', async () => {
    const before = changeCount();
    const again = await clerk('match.import', { fileRef: registerLocalFile(path.join(dir, 'ket-qua-a.xlsx')), fileName: 'ket-qua-a.xlsx', preview: false });
    expect(again).toMatchObject({ ok: false, error: { code: 'match-results-already-imported' } });
    const line = { ...sent[10], outcome: 'Trùng khớp' };
    expect(await importResults([line], { layout: 'appended', batch: '13558-20200101-07' }, 'other-batch.xlsx')).toMatchObject({ ok: false, error: { code: 'match-results-unknown-batch' } });
    expect(await importResults([line], { layout: 'appended', batch: '00004-20200101-01' }, 'other-commune.xlsx')).toMatchObject({ ok: false, error: { code: 'match-results-other-commune' } });
    expect(changeCount()).toBe(before);
  });

  it('reads layout (b) in TCVN3 with the population values beside ours: enriched births, real differences, two records of one ID', async () => {
    const people = sent.filter((s) => s.idNumber).slice(10, 14);
    const [a, b, c] = people;
    // A second record with c's ID number (a person listed twice): a row with that ID and no row key ties to neither.
    services.db.sqlite.prepare("UPDATE beneficiaries SET id_number = ? WHERE id = (SELECT id FROM beneficiaries WHERE id_number IS NULL AND deleted = 0 LIMIT 1)").run(c.idNumber);
    const yearOnly = sent.find((s) => s.idNumber && s.birth && s.birth.length === 4 && !people.includes(s));
    const lines: ResultLine[] = [
      // Theirs names the commune too (more precise) and writes the province with its level word (spelling only).
      { ...a, theirs: { ...a, hometown: `Xã Đồng Hóa, ${a.hometown}`, permanentAddress: a.permanentAddress!.replace('Tỉnh Ninh Bình', 'T. Ninh Bình') } },
      { ...b, theirs: { ...b, sex: b.sex === 'M' ? 'F' : 'M' } },
      { ...c, rowKey: null, theirs: { ...c } },
      ...(yearOnly ? [{ ...yearOnly, theirs: { ...yearOnly, birth: `${yearOnly.birth}-05-06` } }] : []),
    ];
    const res = await importResults(lines, { layout: 'population-values', batch, wording: 1, text: 'tcvn3', order: ['rowKey', 'idNumber', 'fullName', 'sex', 'birth', 'permanentAddress', 'hometown'] }, 'ket-qua-b.xlsx');
    expect(res.ok, JSON.stringify(res)).toBe(true);
    const report = (res as Ok<{ layout: string; people: { idNumber: string; outcome: string; fields: string[]; spellingOnly: string[]; enriched: string[] }[]; unlinked: { reason: string }[] }>).output;
    expect(report.layout).toBe('population-values');
    const byId = new Map(report.people.map((p) => [p.idNumber, p]));
    expect(byId.get(a.idNumber!)).toMatchObject({ outcome: 'match', fields: [], enriched: ['hometown'], spellingOnly: ['permanentAddress'] });
    expect(byId.get(b.idNumber!)).toMatchObject({ outcome: 'mismatch', fields: ['sex'] });
    expect(report.unlinked).toEqual([expect.objectContaining({ reason: expect.stringContaining('2 hồ sơ') })]);
    if (yearOnly) expect(byId.get(yearOnly.idNumber!)).toMatchObject({ outcome: 'match', enriched: ['birth'] });
  });
});

describe('the queue, decided', () => {
  it('lists items with filters, accepts all spelling-only in bulk (verified by matching) and keeps ours only with a note', async () => {
    const spelling = await ok<{ id: string; beneficiaryId: string; field: string; sourceValue: string }[]>('mismatches.list', { status: 'open', difference: 'spelling' });
    expect(spelling.length).toBeGreaterThan(0);
    const out = await ok<{ decided: number }>('mismatches.decideAll', { filter: { status: 'open', difference: 'spelling' }, decision: 'accept' });
    expect(out.decided).toBe(spelling.length);
    const person = spelling.find((s) => s.field === 'fullName')!;
    const row = services.db.sqlite.prepare('SELECT full_name AS fullName, verified FROM beneficiaries WHERE id = ?').get(person.beneficiaryId) as { fullName: string; verified: string };
    expect(row.fullName).toBe(person.sourceValue);
    expect(JSON.parse(row.verified).fullName).toBe('population');
    expect(statusOf(person.beneficiaryId)).toBe('verified');

    const real = await ok<{ id: string }[]>('mismatches.list', { status: 'open', kind: 'differs', difference: 'real' });
    expect((await refused('mismatches.decide', { ids: [real[0].id], decision: 'keep' })).code).toBe('mismatch-keep-needs-note');
    expect(await ok('mismatches.decide', { ids: [real[0].id], decision: 'keep', note: 'Đề nghị điều chỉnh ngày sinh tại công an xã' })).toMatchObject({ decided: 1 });
  });

  it('sends not-found people of a village again in the next batch, as cleaned and re-sent', async () => {
    const notFound = await ok<{ beneficiaryId: string; village: string }[]>('mismatches.list', { status: 'open', kind: 'not-found' });
    expect(notFound).toHaveLength(1);
    await ok('mismatches.decideAll', { filter: { status: 'open', kind: 'not-found', village: notFound[0].village }, decision: 'resend' });
    const next = await ok<{ batch: string; people: number }>('match.export', { selection: 'pending' });
    expect(next.batch).toMatch(/-02$/);
    expect(next.people).toBe(1);
    expect(statusOf(notFound[0].beneficiaryId)).toBe('resent');
    const progress = await ok<{ total: number; statuses: Record<string, number>; villages: { village: string; total: number }[] }>('match.progress', {});
    expect(progress.statuses.resent).toBe(1);
    expect(progress.statuses.verified).toBeGreaterThan(0);
    expect(progress.villages.reduce((n, v) => n + v.total, 0)).toBe(progress.total);
  });

  it('refuses to send matched people again without a reason', async () => {
    expect((await refused('match.export', { selection: 'all' })).code).toBe('match-resend-needs-reason');
    expect(await ok('match.export', { selection: 'all', reason: 'Cập nhật theo yêu cầu của huyện' })).toMatchObject({ people: expect.any(Number) });
  });
});
