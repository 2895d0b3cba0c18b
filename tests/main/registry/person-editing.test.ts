import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../main/app/services';
import { runCommand } from '../../../main/core/write-path';
import { beneficiaryTable } from '../../../main/registry/synced-tables';
import type { BeneficiaryDetail, BeneficiaryRow, SaveOutcome } from '../../../shared/contract/beneficiaries';
import { demoServices, loginAs } from '../../support/services';
import { tempDir } from '../../support/temp-database';
import { verifyField } from '../../../main/identity/verification';

let services: Services;
let cleanup: () => void;
let clerk: Awaited<ReturnType<typeof loginAs>>;
let admin: Awaited<ReturnType<typeof loginAs>>;
let people: BeneficiaryRow[];

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  services = demoServices(t.dir, { people: 60 });
  clerk = await loginAs(services, 'canbo', 'canbo123!');
  admin = await loginAs(services, 'quantri', 'quantri123!');
  const list = await clerk('beneficiaries.list', { limit: 60 });
  people = (list as { ok: true; output: { rows: BeneficiaryRow[] } }).output.rows;
});
afterAll(async () => {
  await services.close();
  cleanup();
});

async function detail(id: string): Promise<BeneficiaryDetail> {
  const res = await clerk('beneficiaries.get', { id });
  if (!res.ok) throw new Error(res.error.message);
  return res.output as BeneficiaryDetail;
}

async function save(input: Record<string, unknown>, as = clerk): Promise<SaveOutcome> {
  const res = await as('beneficiaries.save', input);
  if (!res.ok) throw new Error(res.error.message);
  return res.output as SaveOutcome;
}

const changeLogCount = () => services.db.sqlite.prepare('SELECT count(*) FROM change_log').pluck().get() as number;

describe('editing a record by hand: the import\'s rules, refusals at the field, nothing half-saved', () => {
  const withId = () => people.filter((p) => p.idNumber);

  const badInputs: { name: string; fields: () => Record<string, string>; field: string; message: () => RegExp }[] = [
    { name: 'an ID that belongs to someone else in the commune', fields: () => ({ idNumber: withId()[1].idNumber! }), field: 'idNumber', message: () => new RegExp(`là của ${withId()[1].fullName}`) },
    { name: 'a birth date in the future', fields: () => ({ birth: '01/01/2099' }), field: 'birth', message: () => /sau ngày hôm nay/ },
    { name: 'a year of birth in the future', fields: () => ({ birth: '2999' }), field: 'birth', message: () => /sau ngày hôm nay/ },
    { name: 'a birth that is not a date', fields: () => ({ birth: '31/02/1950' }), field: 'birth', message: () => /không đọc được/ },
    { name: 'an ID with letters', fields: () => ({ idNumber: '03615A001234' }), field: 'idNumber', message: () => /không hợp lệ/ },
    { name: 'an ID of the wrong length', fields: () => ({ idNumber: '1234567' }), field: 'idNumber', message: () => /không hợp lệ/ },
    { name: 'both numbers typed in the ID field', fields: () => ({ idNumber: 'CCCD: 036150001299; CMND: 201234567' }), field: 'idNumber', message: () => /không hợp lệ/ },
    { name: 'an old ID that is not 9 digits', fields: () => ({ oldIdNumber: '12345' }), field: 'oldIdNumber', message: () => /cần 9 chữ số/ },
    { name: 'an empty name', fields: () => ({ fullName: '   ' }), field: 'fullName', message: () => /họ và tên/ },
    { name: 'an unknown category group', fields: () => ({ categoryGroup: 'XYZ' }), field: 'categoryGroup', message: () => /danh mục/ },
  ];

  it.each(badInputs)('refuses $name with a Vietnamese message at the field and changes nothing', async ({ fields, field, message }) => {
    const target = withId()[0];
    const before = await detail(target.id);
    const logBefore = changeLogCount();
    // A valid change of another field in the same save must not be half-saved.
    const out = await save({ id: target.id, baseRev: before.rev, fields: { hometown: 'Xã Mới, tỉnh Ninh Bình', ...fields() } });
    expect(out.outcome).toBe('invalid');
    const errors = out.outcome === 'invalid' ? out.errors : [];
    expect(errors.find((e) => e.field === field)?.message).toMatch(message());
    expect(changeLogCount()).toBe(logBefore);
    expect(await detail(target.id)).toEqual(before);
  });

  it('applies the import\'s normalisation: capitals to a written name, dd/mm/yyyy to a date, spaces collapsed', async () => {
    const target = people[5];
    const before = await detail(target.id);
    const out = await save({ id: target.id, baseRev: before.rev, fields: { fullName: 'NGUYỄN  THỊ   HOÀ', birth: '2/3/1948', hometown: '  Bình Lục,   Hà Nam ' } });
    expect(out).toMatchObject({ outcome: 'saved', rev: before.rev + 1 });
    const after = await detail(target.id);
    expect(after).toMatchObject({ fullName: 'Nguyễn Thị Hoà', birth: '1948-03-02', hometown: 'Bình Lục, Hà Nam' });
    const list = await clerk('beneficiaries.list', { query: 'nguyen thi hoa' });
    expect(list.ok && (list.output as { rows: BeneficiaryRow[] }).rows.map((r) => r.id)).toContain(target.id);
  });

  it('keeps a year-only birth as the year', async () => {
    const target = people[6];
    const before = await detail(target.id);
    expect(await save({ id: target.id, baseRev: before.rev, fields: { birth: '1937' } })).toMatchObject({ outcome: 'saved' });
    expect((await detail(target.id)).birth).toBe('1937');
  });

  it('refuses a save from a form another user changed since, saying who and when and giving their values', async () => {
    const target = people[7];
    const opened = await detail(target.id);
    expect(await save({ id: target.id, baseRev: opened.rev, fields: { village: 'Thôn Mới' } }, admin)).toMatchObject({ outcome: 'saved' });
    const logBefore = changeLogCount();
    const out = await save({ id: target.id, baseRev: opened.rev, fields: { village: 'Thôn Cũ' } });
    expect(out.outcome).toBe('conflict');
    if (out.outcome !== 'conflict') return;
    expect(out.conflict.message).toMatch(/^Hồ sơ vừa được Quản trị viên .*sửa lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(out.conflict.current).toMatchObject({ village: 'Thôn Mới', rev: opened.rev + 1 });
    expect(changeLogCount()).toBe(logBefore);
    // The clerk saves again from their values, now on the current revision.
    expect(await save({ id: target.id, baseRev: out.conflict.current.rev, fields: { village: 'Thôn Cũ' } })).toMatchObject({ outcome: 'saved' });
    expect((await detail(target.id)).village).toBe('Thôn Cũ');
  });

  it('changes a verified field only with a reason, and the field then loses its verification (undo brings both back)', async () => {
    const target = withId()[3];
    runCommand(services.db, { userId: null, origin: 'system' }, 'card-verification', (w) => {
      for (const field of ['fullName', 'birth']) verifyField(w, target.id, field, { source: 'chip', userId: null });
    });
    const before = await detail(target.id);
    const refused = await save({ id: target.id, baseRev: before.rev, fields: { fullName: 'Lê Văn Khác' } });
    expect(refused).toMatchObject({ outcome: 'invalid', errors: [{ field: 'fullName', code: 'verified-needs-reason' }] });
    expect(refused.outcome === 'invalid' && refused.errors[0].message).toMatch(/xác thực qua chip.*lý do/);
    expect((await detail(target.id)).fullName).toBe(before.fullName);
    const saved = await save({ id: target.id, baseRev: before.rev, fields: { fullName: 'Lê Văn Khác' }, reasons: { fullName: 'Giấy khai sinh ghi lại tên' } });
    expect(saved).toMatchObject({ outcome: 'saved', changed: ['fullName'], warnings: [{ field: 'fullName', code: 'verified-cleared' }] });
    const after = await detail(target.id);
    expect(after.fullName).toBe('Lê Văn Khác');
    expect(after.verified).toEqual({ birth: 'chip' });
    const queued = await clerk('mismatches.list', { status: 'open' });
    const items = queued.ok ? (queued.output as { beneficiaryId: string; source: string }[]) : [];
    expect(items.filter((m) => m.beneficiaryId === target.id && m.source === 'edit')).toEqual([]);
    const reasons = services.db.sqlite.prepare("SELECT summary FROM commands WHERE name = 'manual-edit' ORDER BY hlc DESC LIMIT 1").pluck().get() as string;
    expect(JSON.parse(reasons)).toMatchObject({ reasons: { fullName: 'Giấy khai sinh ghi lại tên' } });

    expect(await clerk('beneficiaries.undoLastEdit', { id: target.id })).toMatchObject({ ok: true });
    const undone = await detail(target.id);
    expect(undone.fullName).toBe(before.fullName);
    expect(undone.verified).toEqual({ fullName: 'chip', birth: 'chip' });
  });

  it('moves a fixed field\'s problems off the record and adds the rules\' warnings on the new values', async () => {
    const target = withId()[4];
    runCommand(services.db, { userId: null, origin: 'system' }, 'import', (w) =>
      w.update(beneficiaryTable, target.id, { problems: JSON.stringify([
        { field: 'birth', code: 'birth-invalid', message: 'Ngày sinh không đọc được' }, { field: 'hometown', code: 'x', message: 'y' }] ) }));
    const before = await detail(target.id);
    const id = target.idNumber!;
    const wrongYear = String(Number(`19${id.slice(4, 6)}`) + 3);
    const out = await save({ id: target.id, baseRev: before.rev, fields: { birth: wrongYear } });
    expect(out).toMatchObject({ outcome: 'saved', warnings: [{ field: 'idNumber', code: 'id-birth-year-mismatch' }] });
    expect((await detail(target.id)).problems.map((p) => p.code).sort()).toEqual(['id-birth-year-mismatch', 'x']);
  });

  it('adds a person into the office\'s commune with the same rules', async () => {
    const refused = await save({ id: null, fields: { fullName: 'Phạm Văn Mới', birth: '1/1/2099', categoryLabel: 'Người cao tuổi' } });
    expect(refused).toMatchObject({ outcome: 'invalid', errors: [{ field: 'birth' }] });
    const out = await save({ id: null, fields: { fullName: 'phạm văn mới', birth: '05/06/1940', sex: 'M', categoryLabel: 'Người cao tuổi từ đủ 80 tuổi', village: 'Thôn Đông' } });
    expect(out.outcome).toBe('saved');
    if (out.outcome !== 'saved') return;
    expect(await detail(out.id)).toMatchObject({ fullName: 'phạm văn mới', birth: '1940-06-05', categoryGroup: 'BTXH', status: 'active', paymentChannel: 'cash' });
    const noGroup = await save({ id: null, fields: { fullName: 'Phạm Văn Hai', categoryLabel: 'Diện chưa biết' } });
    expect(noGroup).toMatchObject({ outcome: 'invalid' });
    expect(noGroup.outcome === 'invalid' && noGroup.errors.map((e) => e.field)).toEqual(expect.arrayContaining(['categoryLabel']));
  });

  it('refuses a commune outside the user\'s units and district staff altogether', async () => {
    const district = await loginAs(services, 'huyen', 'huyen123!');
    expect(await district('beneficiaries.save', { id: null, fields: { fullName: 'A', categoryGroup: 'BTXH' } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await clerk('beneficiaries.save', { id: null, unitId: 'not-my-unit', fields: { fullName: 'A', categoryGroup: 'BTXH' } })).toMatchObject({ ok: false, error: { code: 'no-unit' } });
    // A real commune, but not the office's: said so by name.
    expect(await clerk('beneficiaries.save', { id: null, unitId: 'vn:13501@2025-07-01', fields: { fullName: 'A', categoryGroup: 'BTXH' } }))
      .toMatchObject({ ok: false, error: { code: 'outside-office-area', message: '“Xã Bình Mỹ, Tỉnh Ninh Bình” không thuộc địa bàn của văn phòng này.' } });
  });

  it('undoes the record\'s last hand edit (author or administrator only), leaving the history to show both', async () => {
    const target = people[9];
    const before = await detail(target.id);
    await save({ id: target.id, baseRev: before.rev, fields: { hometown: 'Quê Sửa Một' } });
    const afterFirst = await detail(target.id);
    await save({ id: target.id, baseRev: afterFirst.rev, fields: { village: 'Thôn Sửa Hai' } }, admin);
    expect((await detail(target.id)).lastEdit).toMatchObject({ command: 'manual-edit', mine: false, userName: 'Quản trị viên' });
    expect(await clerk('beneficiaries.undoLastEdit', { id: target.id })).toMatchObject({ ok: false, error: { code: 'undo-not-author' } });
    expect(await admin('beneficiaries.undoLastEdit', { id: target.id })).toMatchObject({ ok: true, output: { reverted: 1, conflicts: [] } });
    expect(await detail(target.id)).toMatchObject({ village: before.village, hometown: 'Quê Sửa Một', lastEdit: { mine: true } });
    expect(await clerk('beneficiaries.undoLastEdit', { id: target.id })).toMatchObject({ ok: true, output: { reverted: 1 } });
    expect(await detail(target.id)).toMatchObject({ village: before.village, hometown: before.hometown, lastEdit: null });
    expect(await clerk('beneficiaries.undoLastEdit', { id: target.id })).toMatchObject({ ok: false, error: { code: 'nothing-to-undo' } });
    const history = await clerk('beneficiaries.history', { id: target.id });
    const commands = history.ok ? (history.output as { command: string }[]).map((e) => e.command) : [];
    expect(commands.filter((c) => c === 'undo')).toHaveLength(2);
    expect(commands.filter((c) => c === 'manual-edit')).toHaveLength(2);
  });
});
