import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../main/core/database/open-database';
import { runCommand, type Actor } from '../../../main/core/write-path';
import { adminUnitTable, beneficiaryTable } from '../../../main/registry/synced-tables';
import { createIdentityService } from '../../../main/identity/identity-service';
import { createRecentCardReads } from '../../../main/identity/recent-card-reads';
import type { CardReadResult } from '../../../main/card/read-card';
import { openTempDatabase, tempDir } from '../../support/temp-database';

let db: AppDatabase;
let cleanup: () => void;
let unit: string;
let hoa: string;
const clerk: Actor = { userId: 'u1', origin: 'host' };
const scope = { unitIds: null };

function cardRead(verified: boolean, person: Partial<CardReadResult['person']>): CardReadResult {
  return {
    access: 'PACE-CAN', personSource: 'DG13', mrz: '', files: {}, otherFields: {},
    trust: { hashes: {}, signature: verified ? 'valid' : 'invalid', chain: 'unknown', activeAuthentication: 'not-supported', chipAuthentication: 'not-supported' },
    verified,
    photo: { mime: 'image/jpeg', bytes: Uint8Array.of(0xff, 0xd8, 0xff, 0xe0) },
    stats: { apdus: 0, bytesSent: 0, bytesReceived: 0, cardMs: 0, totalMs: 0 },
    person: { idNumber: null, oldIdNumber: null, fullName: null, birth: null, sex: null, nationality: 'Việt Nam', ethnicity: null, religion: null, hometown: null,
      permanentAddress: null, identifyingMarks: null, issueDate: null, expiryDate: null, father: null, mother: null, spouse: null, ...person },
  };
}

const HOA_CARD = { idNumber: '035150001234', fullName: 'Trần Thị Hòa', birth: '1950-03-02', sex: 'F' as const, hometown: 'Bình Lục, Hà Nam', permanentAddress: 'Thôn Đông, xã An Lão', ethnicity: 'Kinh' };

beforeAll(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  db = openTempDatabase(t.dir);
  runCommand(db, clerk, 'seed', (w) => {
    unit = w.insert(adminUnitTable, { code: '13450', effectiveFrom: '2025-07-01', name: 'Xã An Lão', level: 'commune' });
    hoa = w.insert(beneficiaryTable, { unitId: unit, fullName: 'TRẦN THỊ HOÀ', birth: '1950', sex: 'F', categoryGroup: 'BTXH', categoryLabel: 'Người cao tuổi', verified: '{}' });
  });
});
afterAll(() => {
  db.close();
  cleanup();
});

describe('identity service: verifying a beneficiary from the chip', () => {
  it('finds the record by name and birth year when the record has no ID yet, and shows the differences', () => {
    const reads = createRecentCardReads();
    const identity = createIdentityService(db, reads);
    const readId = reads.keep(cardRead(true, HOA_CARD), clerk.userId);
    const cmp = identity.compare(scope, clerk.userId, readId, null);
    expect(cmp.matchedBy).toBe('nameAndBirth');
    expect(cmp.beneficiaryId).toBe(hoa);
    expect(cmp.fields.filter((f) => !f.same).map((f) => f.field).sort()).toEqual(['birth', 'ethnicity', 'hometown', 'idNumber', 'permanentAddress']);
  });

  it('queues differences, then accepting the card values marks them verified by chip and closes the queue entries', () => {
    const reads = createRecentCardReads();
    const identity = createIdentityService(db, reads);
    const readId = reads.keep(cardRead(true, HOA_CARD), clerk.userId);
    expect(identity.sendToMismatchQueue(clerk, scope, readId, hoa, ['birth', 'idNumber'])).toEqual({ queued: 2 });
    expect(identity.sendToMismatchQueue(clerk, scope, readId, hoa, ['birth'])).toEqual({ queued: 0 }); // already open
    expect(identity.listMismatches(scope, 'open').map((m) => m.field).sort()).toEqual(['birth', 'idNumber']);
    const out = identity.acceptCardValues(clerk, scope, readId, hoa, ['birth', 'idNumber', 'fullName']);
    expect(out.markedVerified).toBe(true);
    const row = db.sqlite.prepare('SELECT birth, id_number AS idNumber, full_name AS fullName, verified FROM beneficiaries WHERE id = ?').get(hoa) as Record<string, string>;
    expect(row).toMatchObject({ birth: '1950-03-02', idNumber: '035150001234', fullName: 'Trần Thị Hòa' });
    expect(JSON.parse(row.verified)).toEqual({ birth: 'chip', idNumber: 'chip', fullName: 'chip' });
    expect(identity.listMismatches(scope, 'open')).toEqual([]);
    const cmd = db.sqlite.prepare("SELECT name FROM commands ORDER BY rowid DESC LIMIT 1").pluck().get();
    expect(cmd).toBe('card-verification');
  });

  it('never marks values from an unverified chip read as verified', () => {
    const reads = createRecentCardReads();
    const identity = createIdentityService(db, reads);
    const readId = reads.keep(cardRead(false, { ...HOA_CARD, hometown: 'Thanh Liêm, Hà Nam' }), clerk.userId);
    const out = identity.acceptCardValues(clerk, scope, readId, hoa, ['hometown']);
    expect(out.markedVerified).toBe(false);
    const verified = JSON.parse(db.sqlite.prepare('SELECT verified FROM beneficiaries WHERE id = ?').pluck().get(hoa) as string);
    expect(verified.hometown).toBeUndefined();
  });

  it('creates a new record from the card, refuses a second one with the same ID, and stores the photo only on request', () => {
    const reads = createRecentCardReads();
    const identity = createIdentityService(db, reads);
    const readId = reads.keep(cardRead(true, { idNumber: '035090009999', fullName: 'Lê Văn Mới', birth: '1990-01-01', sex: 'M' }), clerk.userId);
    expect(db.sqlite.prepare('SELECT count(*) FROM beneficiary_photos').pluck().get()).toBe(0);
    const id = identity.newRecordFromCard(clerk, scope, readId, { unitId: unit, village: 'Thôn Nam', categoryGroup: 'BTXH', categoryLabel: 'Người khuyết tật nặng' });
    expect(db.sqlite.prepare('SELECT full_name FROM beneficiaries WHERE id = ?').pluck().get(id)).toBe('Lê Văn Mới');
    expect(() => identity.newRecordFromCard(clerk, scope, readId, { unitId: unit, village: null, categoryGroup: 'BTXH', categoryLabel: 'x' })).toThrow(expect.objectContaining({ code: 'duplicate-id' }));
    identity.savePhoto(clerk, scope, readId, id);
    expect(db.sqlite.prepare('SELECT mime_type FROM beneficiary_photos WHERE beneficiary_id = ?').pluck().get(id)).toBe('image/jpeg');
  });

  it("keeps a read to the user who made it, and forgets it after a while", () => {
    let now = 0;
    const reads = createRecentCardReads(60_000, () => now);
    const readId = reads.keep(cardRead(true, HOA_CARD), 'u1');
    expect(() => reads.get(readId, 'u2')).toThrow(expect.objectContaining({ code: 'card-read-expired' }));
    now = 61_000;
    expect(() => reads.get(readId, 'u1')).toThrow(expect.objectContaining({ code: 'card-read-expired' }));
  });
});
