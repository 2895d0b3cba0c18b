// The chip card as the app uses it, through the contract: pcscd + the vpcd virtual reader + the software CCCD chip,
// read by the services' own PC/SC adapter, then verification, a new record, the audit trail and the roles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../main/app/services';
import { CccdSoftCard } from '../../card/soft-card/cccd-soft-card';
import { startCardRig, type CardRig } from '../../card/virtual-card-rig';
import { demoServices, loginAs } from '../../support/services';
import { tempDir } from '../../support/temp-database';
import { saveUpload } from '../../../main/app/uploads';

let rig: CardRig | undefined;
let services: Services;
let cleanup: () => void;
const chip = new CccdSoftCard();

beforeAll(async () => {
  rig = await startCardRig(chip);
  const t = tempDir();
  cleanup = t.cleanup;
  process.env.ANSINH_UPLOADS_DIR = `${t.dir}/uploads`;
  services = demoServices(t.dir, { people: 40 });
}, 300_000);

afterAll(async () => {
  await services?.close();
  await rig?.stop();
  cleanup?.();
});

type Ok<T> = { ok: true; output: T };

describe('reading a chip card in the app', () => {
  it('chains the document signer to a CSCA once the administrator has imported it; refuses a certificate that is no CSCA', async () => {
    const clerk = await loginAs(services, 'canbo', 'canbo123!');
    const before = (await clerk('card.read', { access: { can: chip.can }, purpose: 'verify' })) as Ok<{ readId: string; trust: { chain: string; signature: string }; verified: boolean }>;
    // Hashes and signature valid, but no CSCA: not verified, and values taken from it are not marked verified by chip.
    expect(before.output.trust).toMatchObject({ chain: 'unknown', signature: 'valid' });
    expect(before.output.verified).toBe(false);
    const someone = services.db.sqlite.prepare("SELECT id FROM beneficiaries WHERE deleted = 0 AND verified NOT LIKE '%fullName%' LIMIT 1").pluck().get() as string;
    const accepted = await clerk('identity.acceptCardValues', { readId: before.output.readId, beneficiaryId: someone, fields: ['fullName'] });
    expect(accepted).toMatchObject({ ok: true, output: { markedVerified: false } });
    const detail = (await clerk('beneficiaries.get', { id: someone })) as Ok<{ verified: Record<string, string> }>;
    expect(detail.output.verified.fullName).toBeUndefined();
    const admin = await loginAs(services, 'quantri', 'quantri123!');
    expect(await clerk('card.importCsca', { fileRef: saveUpload(chip.files.pki.csca.der) })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await admin('card.importCsca', { fileRef: saveUpload(chip.files.pki.signer.der) })).toMatchObject({ ok: false, error: { code: 'csca-not-ca' } });
    expect(await admin('card.importCsca', { fileRef: saveUpload(chip.files.pki.csca.der) })).toMatchObject({ ok: true, output: { added: true } });
    expect(await admin('card.importCsca', { fileRef: saveUpload(chip.files.pki.csca.der) })).toMatchObject({ ok: true, output: { added: false } });
    const after = (await clerk('card.read', { access: { can: chip.can }, purpose: 'verify' })) as Ok<{ trust: { chain: string }; verified: boolean }>;
    expect(after.output.trust.chain).toBe('valid');
    expect(after.output.verified).toBe(true);
  }, 120_000);

  it('reads, verifies, creates the record from the card, finds it again by ID, and audits every read', async () => {
    const clerk = await loginAs(services, 'canbo', 'canbo123!');
    const status = (await clerk('card.status')) as Ok<{ availability: string; readers: { name: string }[] }>;
    expect(status.ok).toBe(true);

    const read = (await clerk('card.read', { access: { can: chip.can }, purpose: 'new-record' })) as Ok<{ readId: string; verified: boolean; person: Record<string, string>; photo: string }>;
    expect(read).toMatchObject({ ok: true, output: { verified: true, access: 'PACE-CAN' } });
    expect(read.output.person).toMatchObject({ idNumber: '001085012345', fullName: 'Nguyễn Thị Thu Hương', birth: '1985-03-07', sex: 'F' });
    expect(read.output.photo.startsWith('data:image/jpeg;base64,')).toBe(true);

    const none = (await clerk('identity.compare', { readId: read.output.readId })) as Ok<{ candidates: unknown[] }>;
    expect(none.output.candidates).toEqual([]);
    const created = (await clerk('identity.newRecordFromCard', { readId: read.output.readId, village: 'Thôn Đông', categoryGroup: 'BTXH', categoryLabel: 'Người khuyết tật nặng' })) as Ok<{ id: string }>;
    expect(created.ok).toBe(true);
    const again = (await clerk('identity.compare', { readId: read.output.readId })) as Ok<{ matchedBy: string; beneficiaryId: string; fields: { same: boolean }[] }>;
    expect(again.output).toMatchObject({ matchedBy: 'idNumber', beneficiaryId: created.output.id });
    expect(again.output.fields.every((f) => f.same)).toBe(true);
    const detail = (await clerk('beneficiaries.get', { id: created.output.id })) as Ok<{ verified: Record<string, string> }>;
    expect(detail.output.verified.fullName).toBe('chip');

    const audit = services.db.sqlite.prepare("SELECT action, subject, detail FROM audit_events WHERE action LIKE 'card-read%' AND detail LIKE '%new-record%'").all() as { action: string; subject: string; detail: string }[];
    expect(audit).toEqual([{ action: 'card-read', subject: '001085012345', detail: expect.stringContaining('"purpose":"new-record"') }]);
    expect(audit[0].detail).not.toContain('Nguyễn');
  }, 120_000);

  it('gives clinic reception the identity from the card but nothing of the welfare records', async () => {
    const clinic = await loginAs(services, 'yte', 'yte12345!');
    const read = (await clinic('card.read', { access: { can: chip.can }, purpose: 'clinic-check-in' })) as Ok<{ readId: string; person: { fullName: string } }>;
    expect(read.output.person.fullName).toBe('Nguyễn Thị Thu Hương');
    expect(await clinic('identity.compare', { readId: read.output.readId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await clinic('mismatches.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  }, 120_000);

  it('answers reception with the identity before the photo, and gives the photo when the chip has', async () => {
    const clinic = await loginAs(services, 'yte', 'yte12345!');
    type Read = { readId: string; person: { idNumber: string }; photo: string | null; photoPending?: boolean; trust: { hashes: Record<string, string> } };
    const read = (await clinic('card.read', { access: { can: chip.can }, purpose: 'clinic-check-in', photoLater: true })) as Ok<Read>;
    expect(read.ok).toBe(true);
    expect(read.output).toMatchObject({ person: { idNumber: '001085012345' }, photo: null, photoPending: true });
    expect(read.output.trust.hashes).toEqual({ DG1: 'valid', DG13: 'valid', DG14: 'valid', DG15: 'valid' });
    const photo = (await clinic('card.photo', { readId: read.output.readId })) as Ok<{ photo: string; trust: { hashes: Record<string, string> }; failure: unknown }>;
    expect(photo.output.photo).toMatch(/^data:image\/jpeg;base64,/);
    expect(photo.output.trust.hashes.DG2).toBe('valid');
    expect(photo.output.failure).toBeNull();
    // One audit record of the read, written when the identity was given, saying the photo was still to come.
    const audits = services.db.sqlite.prepare("SELECT detail FROM audit_events WHERE action = 'card-read' ORDER BY seq DESC LIMIT 1").pluck().all() as string[];
    expect(JSON.parse(audits[0]!)).toMatchObject({ purpose: 'clinic-check-in', photo: 'pending' });
    // Another user cannot take the photo of this read.
    const clerk = await loginAs(services, 'canbo', 'canbo123!');
    expect(await clerk('card.photo', { readId: read.output.readId })).toMatchObject({ ok: false, error: { code: 'card-read-expired' } });
    // The next patient's read started while the photo is still being read waits for it, and both end whole.
    const first = (await clinic('card.read', { access: { can: chip.can }, purpose: 'clinic-check-in', photoLater: true })) as Ok<Read>;
    const second = clinic('card.read', { access: { can: chip.can }, purpose: 'clinic-check-in', photoLater: true }) as Promise<Ok<Read>>;
    const firstPhoto = (await clinic('card.photo', { readId: first.output.readId })) as Ok<{ photo: string | null; failure: unknown }>;
    expect(firstPhoto.output).toMatchObject({ failure: null, photo: expect.stringMatching(/^data:image\/jpeg/) });
    const next = await second;
    expect(next.ok).toBe(true);
    expect(((await clinic('card.photo', { readId: next.output.readId })) as Ok<{ failure: unknown }>).output.failure).toBeNull();
  }, 120_000);

  it('refuses a wrong CAN with a clear message and records the failed attempt', async () => {
    const clerk = await loginAs(services, 'canbo', 'canbo123!');
    const wrong = chip.can === '000000' ? '111111' : '000000';
    const res = await clerk('card.read', { access: { can: wrong }, purpose: 'verify' });
    expect(res).toMatchObject({ ok: false, error: { code: 'card-auth-failed' } });
    expect(services.db.sqlite.prepare("SELECT count(*) FROM audit_events WHERE action = 'card-read-failed'").pluck().get()).toBe(1);
  }, 120_000);
});
