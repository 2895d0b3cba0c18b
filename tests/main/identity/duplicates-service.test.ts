import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../main/core/database/open-database';
import { runCommand, type Actor } from '../../../main/core/write-path';
import { adminUnitTable, beneficiaryTable, paymentAccountTable } from '../../../main/registry/synced-tables';
import { createDuplicatesService, type DuplicatesService } from '../../../main/identity/duplicates-service';
import { openTempDatabase, tempDir } from '../../support/temp-database';

let db: AppDatabase;
let cleanup: () => void;
let service: DuplicatesService;
let anLao: string;
let binhMy: string;
const ids: Record<string, string> = {};
const clerk: Actor = { userId: 'u-clerk', origin: 'host' };
const district = { unitIds: null as readonly string[] | null };
const clerkOf = (unitId: string) => ({ unitIds: [unitId] });

beforeAll(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  db = openTempDatabase(t.dir);
  runCommand(db, clerk, 'seed', (w) => {
    anLao = w.insert(adminUnitTable, { code: '13450', effectiveFrom: '2025-07-01', name: 'Xã An Lão', level: 'commune' });
    binhMy = w.insert(adminUnitTable, { code: '13451', effectiveFrom: '2025-07-01', name: 'Xã Bình Mỹ', level: 'commune' });
    const add = (key: string, unitId: string, p: Record<string, unknown>) => {
      ids[key] = w.insert(beneficiaryTable, { unitId, categoryGroup: 'BTXH', categoryLabel: 'Người cao tuổi', sex: 'M', village: 'Thôn Đông', ...p });
    };
    // The same ID twice in one commune.
    add('hoa1', anLao, { fullName: 'Trần Thị Hoà', birth: '1950', sex: 'F', idNumber: '035150001234' });
    add('hoa2', anLao, { fullName: 'TRẦN THỊ HÒA', birth: '1950-03-02', sex: 'F', idNumber: '035150001234', village: 'Thôn Đoài', hometown: 'Bình Lục, Hà Nam' });
    // The same old CMND in two communes.
    add('sy1', anLao, { fullName: 'Lý Văn Sỹ', birth: '1944-01-05', oldIdNumber: '168123456' });
    add('sy2', binhMy, { fullName: 'Lí Văn Sĩ', birth: '1944-01-05', oldIdNumber: '168123456' });
    // Probably one person: no shared ID, name without diacritics and a missing middle name.
    add('an1', anLao, { fullName: 'Nguyễn Văn An', birth: '1962-07-01', idNumber: '035062000111' });
    add('an2', anLao, { fullName: 'Nguyen An', birth: '01/07/1962', village: 'Thôn Bắc' });
    // Two different people.
    add('lan1', anLao, { fullName: 'Phạm Thị Lan', birth: '1980-01-01', sex: 'F', idNumber: '035180001111' });
    add('lan2', anLao, { fullName: 'Phạm Thị Lan', birth: '1980-01-01', sex: 'F', idNumber: '035180002222' });
    add('nam', anLao, { fullName: 'Vũ Văn Nam', birth: '1955-05-05' });
  });
  runCommand(db, clerk, 'seed-accounts', (w) => {
    w.insert(paymentAccountTable, { beneficiaryId: ids.hoa2, kind: 'bank', owner: 'self', bankBin: '970405', bankName: 'Agribank', number: '1500205123456', holderName: 'Trần Thị Hòa' });
  });
  service = createDuplicatesService(db);
});
afterAll(() => {
  db.close();
  cleanup();
});

const pairOf = (a: string, b: string) => service.list(district, null).find((p) => new Set(p.people.map((x) => x.id)).has(ids[a]) && new Set(p.people.map((x) => x.id)).has(ids[b]));

describe('people listed twice', () => {
  it('finds the same ID and the probable duplicates of an area, records them once, and never merges by itself', () => {
    const before = db.sqlite.prepare('SELECT count(*) FROM beneficiaries WHERE deleted = 0').pluck().get();
    const report = service.detect(clerk, clerkOf(anLao));
    expect(report).toMatchObject({ sameId: 1, probable: 1, added: 2, closed: 0 });
    expect(service.detect(clerk, clerkOf(anLao))).toMatchObject({ added: 0 });
    expect(service.detect(clerk, district)).toMatchObject({ sameId: 2, probable: 1, added: 1 }); // Lý Văn Sỹ in two communes
    expect(db.sqlite.prepare('SELECT count(*) FROM beneficiaries WHERE deleted = 0').pluck().get()).toBe(before);
    expect(pairOf('lan1', 'lan2')).toBeUndefined();
    expect(pairOf('nam', 'an1')).toBeUndefined();
    expect(pairOf('hoa1', 'hoa2')).toMatchObject({ kind: 'same-id', score: 100, blocksPayment: true, explanation: 'cùng số định danh, cùng họ tên, khác thôn' });
    expect(pairOf('an1', 'an2')).toMatchObject({ kind: 'probable', blocksPayment: false });
    expect(pairOf('an1', 'an2')!.explanation).toBe('cùng họ và tên, thiếu tên đệm, cùng ngày sinh, khác thôn');
  });

  it('shows a commune clerk the other commune of a pair without its values', () => {
    const pair = service.list(clerkOf(anLao), 'open').find((p) => p.people.some((x) => x.id === ids.sy2))!;
    const other = pair.people.find((x) => x.id === ids.sy2)!;
    expect(other).toMatchObject({ inArea: false, unitName: 'Xã Bình Mỹ', fullName: null, oldIdNumber: null });
    expect(pair.explanation).toBe('cùng số CMND cũ, cùng họ tên, khác xã');
    expect(() => service.merge(clerk, clerkOf(anLao), pair.id, ids.sy1)).toThrow(/ngoài địa bàn/);
  });

  it('holds payment to both records of an ID listed twice, checked live', () => {
    const blocks = service.openDuplicateBlocks([ids.hoa1, ids.hoa2, ids.sy2, ids.an1, ids.nam]);
    expect(blocks.map((b) => b.beneficiaryId).sort()).toEqual([ids.hoa1, ids.hoa2, ids.sy2].sort());
    expect(blocks.every((b) => b.pairId !== null)).toBe(true);
  });

  it('refuses "two different people" for a same-ID pair, and asks a reason for a probable one', () => {
    expect(() => service.markDistinct(clerk, district, pairOf('hoa1', 'hoa2')!.id, 'khác nhau')).toThrow(/cùng một số định danh/);
    expect(() => service.markDistinct(clerk, district, pairOf('an1', 'an2')!.id, '  ')).toThrow(/lý do/);
  });

  it('merges: the kept record takes what it lacks, the other is tombstoned with its history; undo puts both back', () => {
    const pair = pairOf('hoa1', 'hoa2')!;
    const merged = service.merge(clerk, clerkOf(anLao), pair.id, ids.hoa1);
    expect(merged.result).toMatchObject({ keptId: ids.hoa1, mergedId: ids.hoa2, accountsMoved: 1 });
    expect(merged.result.filled.sort()).toEqual(['birth', 'hometown']);
    const kept = db.sqlite.prepare('SELECT birth, hometown, payment_channel AS channel FROM beneficiaries WHERE id = ?').get(ids.hoa1);
    expect(kept).toEqual({ birth: '1950-03-02', hometown: 'Bình Lục, Hà Nam', channel: 'bank' });
    expect(db.sqlite.prepare('SELECT deleted FROM beneficiaries WHERE id = ?').pluck().get(ids.hoa2)).toBe(1);
    expect(db.sqlite.prepare("SELECT count(*) FROM change_log WHERE entity_id = ?").pluck().get(ids.hoa2)).toBeGreaterThan(1);
    expect(service.openDuplicateBlocks([ids.hoa1, ids.hoa2])).toEqual([]);
    expect(pairOf('hoa1', 'hoa2')).toMatchObject({ status: 'merged', keptId: ids.hoa1 });
    expect(() => service.merge(clerk, clerkOf(anLao), pair.id, ids.hoa1)).toThrow(/đã được quyết định/);

    // Another clerk may not undo it; its author may.
    expect(() => service.undoMerge({ userId: 'u-other', origin: 'host' }, { userId: 'u-other', role: 'commune-clerk', scope: [anLao] }, merged.commandId)).toThrow(/Chỉ người đã làm/);
    const undone = service.undoMerge(clerk, { userId: clerk.userId!, role: 'commune-clerk', scope: [anLao] }, merged.commandId);
    expect(undone.conflicts).toEqual([]);
    expect(db.sqlite.prepare('SELECT deleted FROM beneficiaries WHERE id = ?').pluck().get(ids.hoa2)).toBe(0);
    expect(db.sqlite.prepare('SELECT birth, hometown FROM beneficiaries WHERE id = ?').get(ids.hoa1)).toEqual({ birth: '1950', hometown: null });
    expect(db.sqlite.prepare('SELECT beneficiary_id FROM payment_accounts').pluck().all()).toEqual([ids.hoa2]);
    expect(pairOf('hoa1', 'hoa2')).toMatchObject({ status: 'open', keptId: null });
    expect(service.openDuplicateBlocks([ids.hoa1]).length).toBe(1);
  });

  it('marks a probable pair as two people, and detection leaves that decision alone', () => {
    service.markDistinct(clerk, district, pairOf('an1', 'an2')!.id, 'Khác cha mẹ');
    expect(service.detect(clerk, district)).toMatchObject({ added: 0 });
    expect(pairOf('an1', 'an2')).toMatchObject({ status: 'distinct' });
  });

  it('closes an open pair once it is no longer alike (an ID corrected)', () => {
    runCommand(db, clerk, 'manual-edit', (w) => w.update(beneficiaryTable, ids.sy2, { oldIdNumber: '168999999' }));
    expect(service.detect(clerk, district)).toMatchObject({ closed: 1 });
    expect(pairOf('sy1', 'sy2')).toMatchObject({ status: 'gone' });
  });
});
