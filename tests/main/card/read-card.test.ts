// Full reads of the software CCCD chip through an in-memory channel: PACE-CAN, PACE-MRZ, BAC, passive, chip and
// active authentication, and the answers a clerk sees for wrong keys.
import { describe, expect, it } from 'vitest';
import { CardError } from '../../../main/card/card-channel';
import { cardReadJson, readCard } from '../../../main/card/read-card';
import { CccdSoftCard } from '../../card/soft-card/cccd-soft-card';
import { MemoryChannel } from '../../card/soft-card/memory-channel';
import { createTestPki } from '../../card/soft-card/test-pki';
import { fakeJpeg, SAMPLE_PERSON } from '../../card/soft-card/test-person';

/** The files a read takes: the SOD and the data groups it lists that the product reads (EF.COM only without a SOD). */
const FILES = [0x011d, 0x0101, 0x0102, 0x010d, 0x010e, 0x010f];

describe('readCard on the soft CCCD chip', () => {
  it('reads the whole card with PACE and the CAN, and verifies it', async () => {
    const card = new CccdSoftCard();
    const result = await readCard(new MemoryChannel(card), { can: card.can }, { cscaCertificates: [card.files.pki.csca.der] });
    expect(result.access).toBe('PACE-CAN');
    expect(result.person).toEqual({
      idNumber: '001085012345',
      oldIdNumber: '012345678',
      fullName: 'Nguyễn Thị Thu Hương',
      birth: '1985-03-07',
      sex: 'F',
      nationality: 'Việt Nam',
      ethnicity: 'Kinh',
      religion: 'Không',
      hometown: SAMPLE_PERSON.hometown,
      permanentAddress: SAMPLE_PERSON.permanentAddress,
      identifyingMarks: SAMPLE_PERSON.identifyingMarks,
      issueDate: '2021-07-10',
      expiryDate: '2045-03-07',
      father: 'Nguyễn Văn Hùng',
      mother: 'Trần Thị Lan',
      spouse: null,
    });
    expect(result.trust).toEqual({
      hashes: { DG1: 'valid', DG2: 'valid', DG13: 'valid', DG14: 'valid', DG15: 'valid' },
      signature: 'valid',
      chain: 'valid',
      activeAuthentication: 'valid',
      chipAuthentication: 'valid',
    });
    expect(result.verified).toBe(true);
    expect(result.photo?.mime).toBe('image/jpeg');
    expect(result.photo?.bytes).toEqual(fakeJpeg(20_000));
    expect(result.otherFields['16']).toEqual(['A1B2C3D4E5F6G7H8']);
    expect(result.mrz).toHaveLength(90);
    const json = cardReadJson(result);
    expect(Object.keys(json)).toEqual(['access', 'person', 'mrz', 'files', 'trust', 'verified']);
  });

  it('reads with PACE and the MRZ data typed as ID, birth and expiry', async () => {
    const card = new CccdSoftCard({ activeAuthentication: 'rsa' });
    const result = await readCard(new MemoryChannel(card), { idNumber: '001085012345', birth: '1985-03-07', expiry: '07/03/2045' });
    expect(result.access).toBe('PACE-MRZ');
    expect(result.trust.activeAuthentication).toBe('valid');
    // Hashes and signature good, but no CSCA imported: signed by someone, not known to be the issuer.
    expect(result.trust).toMatchObject({ signature: 'valid', chain: 'unknown' });
    expect(Object.values(result.trust.hashes).every((h) => h === 'valid')).toBe(true);
    expect(result.verified).toBe(false);
  });

  it('reads a BAC-only card with the MRZ text', async () => {
    const card = new CccdSoftCard({ pace: false, explicitDomainParameters: true });
    const mrz = new TextDecoder().decode(card.files.app.get(0x0101)!.subarray(5));
    const result = await readCard(new MemoryChannel(card), { mrz }, { cscaCertificates: [card.files.pki.csca.der] });
    expect(result.access).toBe('BAC');
    expect(result.verified).toBe(true);
    expect(result.trust.chipAuthentication).toBe('valid');
    expect(result.person.fullName).toBe('Nguyễn Thị Thu Hương');
  });

  it.each(['rsa', 'rsa-pss'] as const)('verifies a SOD signed with %s and chains it to the CSCA', async (kind) => {
    const pki = createTestPki(kind);
    const card = new CccdSoftCard({ pki });
    const result = await readCard(new MemoryChannel(card), { can: card.can }, { cscaCertificates: [pki.csca.der] });
    expect(result.trust.signature).toBe('valid');
    expect(result.trust.chain).toBe('valid');
    expect(result.verified).toBe(true);
    // Another country's CSCA does not vouch for this signer.
    const other = createTestPki('ecdsa-brainpool', 'ecdsa-brainpool');
    const again = await readCard(new MemoryChannel(card), { can: card.can }, { cscaCertificates: [other.csca.der] });
    expect(again.trust.chain).toBe('invalid');
    expect(again.verified).toBe(false); // a valid signature is not enough without the issuer's chain
  });

  it('answers a wrong CAN with a clean auth-failed', async () => {
    const card = new CccdSoftCard();
    await expect(readCard(new MemoryChannel(card), { can: '000000' })).rejects.toMatchObject({
      code: 'auth-failed',
      message: expect.stringContaining('CAN'),
    });
  });

  it('answers a wrong birth date on a BAC-only card with auth-failed', async () => {
    const card = new CccdSoftCard({ pace: false });
    await expect(
      readCard(new MemoryChannel(card), { idNumber: '001085012345', birth: '1985-03-08', expiry: '2045-03-07' }),
    ).rejects.toMatchObject({ code: 'auth-failed' });
  });

  it('uses no more APDUs than the file sizes need at 223-byte reads', async () => {
    const card = new CccdSoftCard();
    const result = await readCard(new MemoryChannel(card), { can: card.can });
    const sizes = FILES.map((f) => card.files.app.get(f)!.length);
    const reads = sizes.reduce((n, size) => n + Math.ceil(size / 223), 0);
    // CardAccess 1, EF.ATR/INFO 1 (absent: no extended length), PACE 5, SELECT app 1, files by short file
    // identifier (no SELECT; no EF.COM, the SOD lists the data groups) but DG1's SELECT that proves the chip
    // authentication keys 1, CA 2, AA 1.
    expect(result.stats.apdus).toBe(1 + 1 + 5 + 1 + 1 + reads + 2 + 1);
  });
});

const isExtended = (apdu: Uint8Array) => apdu.length > 5 && apdu[4] === 0;

describe('readCard without an SOD', () => {
  it('takes the data groups from EF.COM, reads them all, and verifies nothing', async () => {
    const card = new CccdSoftCard();
    card.files.app.delete(0x011d);
    const result = await readCard(new MemoryChannel(card), { can: card.can }, { cscaCertificates: [card.files.pki.csca.der] });
    expect(result.photo?.bytes).toEqual(fakeJpeg(20_000));
    expect(Object.keys(result.files).sort()).toEqual(['DG1', 'DG13', 'DG14', 'DG15', 'DG2']);
    expect(result.trust.signature).toBe('absent');
    expect(result.verified).toBe(false);
  });
});

describe('readCard in extended length', () => {
  it('reads each file in one APDU per 16 kB when the chip announces extended length, and verifies it', async () => {
    const card = new CccdSoftCard({ extendedLength: 65535 });
    const result = await readCard(new MemoryChannel(card), { can: card.can }, { cscaCertificates: [card.files.pki.csca.der] });
    expect(result.verified).toBe(true);
    expect(result.trust).toMatchObject({ chipAuthentication: 'valid', activeAuthentication: 'valid', signature: 'valid' });
    expect(result.photo?.bytes).toEqual(fakeJpeg(20_000));
    const reads = FILES.map((f) => card.files.app.get(f)!.length).reduce((n, size) => n + Math.ceil(size / 16_384), 0);
    expect(result.stats.apdus).toBe(1 + 1 + 5 + 1 + 1 + reads + 2 + 1);
    expect(result.stats.apdus).toBeLessThan(25);
    expect(card.log.filter(isExtended).length).toBe(reads);
  });

  it('falls back to short reads for good on a reader that fails extended APDUs, and the reader is remembered', async () => {
    const card = new CccdSoftCard({ extendedLength: 65535 });
    const inner = new MemoryChannel(card);
    let refused = 0;
    const channel = {
      extendedLength: true,
      extendedLengthRefused() {
        refused++;
        this.extendedLength = false;
      },
      transmit: (apdu: Uint8Array) => (isExtended(apdu) ? Promise.reject(new CardError('io', 'reader: transaction failed')) : inner.transmit(apdu)),
    };
    const first = await readCard(channel, { can: card.can }, { cscaCertificates: [card.files.pki.csca.der] });
    expect(first.verified).toBe(true);
    expect(first.trust.chipAuthentication).toBe('valid');
    expect(refused).toBe(1);
    const logged = card.log.length;
    card.powerOff(); // the app's disconnect resets the card between reads
    const second = await readCard(channel, { can: card.can }, { cscaCertificates: [card.files.pki.csca.der] });
    expect(second.verified).toBe(true);
    // Not even EF.ATR/INFO is read: the reader is known short-only.
    expect(card.log.slice(logged).some(isExtended)).toBe(false);
    expect(card.log.slice(logged).some((a) => a[0] === 0x00 && a[1] === 0xb0 && a[2] === 0x81)).toBe(false);
  });

  it('a chip that announces more than it answers (6700) gets short reads, and the reader is not blamed', async () => {
    const card = new CccdSoftCard({ extendedLength: 65535, maxLe: 231 });
    let refused = 0;
    const inner = new MemoryChannel(card);
    const channel = { transmit: (apdu: Uint8Array) => inner.transmit(apdu), extendedLengthRefused: () => void refused++ };
    const result = await readCard(channel, { can: card.can }, { cscaCertificates: [card.files.pki.csca.der] });
    expect(result.verified).toBe(true);
    expect(refused).toBe(0);
  });

  it('a chip that refuses reads by short file identifier gets a SELECT per file', async () => {
    const card = new CccdSoftCard({ sfi: false });
    const result = await readCard(new MemoryChannel(card), { can: card.can }, { cscaCertificates: [card.files.pki.csca.der] });
    expect(result.verified).toBe(true);
    const reads = FILES.map((f) => card.files.app.get(f)!.length).reduce((n, size) => n + Math.ceil(size / 223), 0);
    // One refused read by SFI, then a SELECT per file (DG1's is the one after chip authentication).
    expect(result.stats.apdus).toBe(1 + 1 + 5 + 1 + 1 + 1 + 5 + reads + 2 + 1);
  });
});

describe('readCard tells the identity before the photo', () => {
  it('calls onIdentity once with the chip\'s person after DG1 and DG13, before the photo\'s ~90 APDUs', async () => {
    const card = new CccdSoftCard();
    const inner = new MemoryChannel(card);
    let apdus = 0;
    const channel = { transmit: (apdu: Uint8Array) => { apdus++; return inner.transmit(apdu); } };
    const told: { person: unknown; at: number }[] = [];
    const result = await readCard(channel, { can: card.can }, { onIdentity: (person) => told.push({ person, at: apdus }) });
    expect(told).toHaveLength(1);
    expect(told[0]!.person).toEqual(result.person);
    // The photo (20 kB in chunks of at most 223 bytes) is read after the identity was told.
    expect(apdus - told[0]!.at).toBeGreaterThanOrEqual(Math.ceil(20_000 / 223));
    expect(result.trust.hashes).toMatchObject({ DG1: 'valid', DG2: 'valid', DG13: 'valid' });
  });

  it('a callback that throws does not fail the read; without the photo the identity is told at the end', async () => {
    const card = new CccdSoftCard();
    const result = await readCard(new MemoryChannel(card), { can: card.can }, { onIdentity: () => { throw new Error('busy'); } });
    expect(result.person.idNumber).toBe('001085012345');
    const told: string[] = [];
    const noPhoto = await readCard(new MemoryChannel(new CccdSoftCard()), { can: card.can }, { readPhoto: false, onIdentity: (p) => told.push(p.fullName ?? '') });
    expect(told).toEqual(['Nguyễn Thị Thu Hương']);
    expect(noPhoto.photo).toBeNull();
  });

  it('calls onVerified with everything but the photo read and checked, before the photo; the whole read follows', async () => {
    const card = new CccdSoftCard();
    const inner = new MemoryChannel(card);
    let apdus = 0;
    const channel = { transmit: (apdu: Uint8Array) => { apdus++; return inner.transmit(apdu); } };
    const early: { result: Awaited<ReturnType<typeof readCard>>; at: number }[] = [];
    const result = await readCard(channel, { can: card.can }, { cscaCertificates: [card.files.pki.csca.der], onVerified: (r) => early.push({ result: r, at: apdus }) });
    expect(early).toHaveLength(1);
    const first = early[0]!.result;
    expect(first.person).toEqual(result.person);
    expect(first.photo).toBeNull();
    expect(first.trust.hashes).toEqual({ DG1: 'valid', DG13: 'valid', DG14: 'valid', DG15: 'valid' });
    expect({ signature: first.trust.signature, chain: first.trust.chain, aa: first.trust.activeAuthentication, verified: first.verified })
      .toEqual({ signature: 'valid', chain: 'valid', aa: 'valid', verified: true });
    expect(apdus - early[0]!.at).toBeGreaterThanOrEqual(Math.ceil(20_000 / 223));
    expect(result.trust.hashes.DG2).toBe('valid');
    expect(result.photo?.bytes.length).toBeGreaterThan(1000);
  });

  it('a card pulled out during the photo fails the read after onVerified was called; without a photo to read it is not called', async () => {
    const card = new CccdSoftCard();
    const inner = new MemoryChannel(card);
    let apdus = 0;
    let verifiedAt = -1;
    const channel = { transmit: (apdu: Uint8Array) => {
      if (verifiedAt >= 0 && ++apdus > 10) return Promise.reject(new CardError('removed', 'card removed'));
      return inner.transmit(apdu);
    } };
    await expect(readCard(channel, { can: card.can }, { onVerified: () => { verifiedAt = 0; } })).rejects.toMatchObject({ code: 'removed' });
    expect(verifiedAt).toBe(0);
    let called = false;
    await readCard(new MemoryChannel(new CccdSoftCard()), { can: card.can }, { readPhoto: false, onVerified: () => { called = true; } });
    expect(called).toBe(false);
  });
});
