// Full chip reads as the app does them, through pcscd, the vpcd virtual reader and pcsclite, from the software CCCD
// chip: PACE with the CAN, BAC with the MRZ, and the card leaving or going silent in the middle of a read.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CardError } from '../../../../main/card/card-channel';
import { PcscReaders } from '../../../../main/card/pcsc/pcsc-readers';
import type { PcscChannelOptions } from '../../../../main/card/pcsc/pcsc-card-channel';
import { readCard } from '../../../../main/card/read-card';
import { ensurePcscStack } from '../../../card/pcscd/ensure-pcsc-stack';
import { startPcscd, type PcscdProcess } from '../../../card/pcscd/pcscd-process';
import { CccdSoftCard } from '../../../card/soft-card/cccd-soft-card';
import { fakeJpeg } from '../../../card/soft-card/test-person';
import { VpcdCard } from '../../../card/vpcd/vpcd-card-client';

let pcscd: PcscdProcess | undefined;
let readers: PcscReaders;
let inserted: VpcdCard | undefined;

async function insert(chip: CccdSoftCard, options: PcscChannelOptions = {}) {
  inserted = new VpcdCard(chip);
  await inserted.insert();
  const reader = await readers.waitForCard({ timeoutMs: 5000 });
  return { vpcd: inserted, channel: await readers.connect(reader.name, options) };
}

beforeAll(async () => {
  ensurePcscStack();
  pcscd = await startPcscd();
  readers = new PcscReaders().start();
}, 300_000);

afterEach(async () => {
  await inserted?.remove();
  inserted = undefined;
  const deadline = Date.now() + 5000;
  while (readers.readers().some((r) => r.cardPresent) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
});

afterAll(async () => {
  await inserted?.remove();
  await readers?.close();
  await pcscd?.stop();
});

describe('reading the soft CCCD chip through pcscd', () => {
  it('reads a chip that announces extended length in about twenty APDUs: pcscd and vpcd carry them', async () => {
    const chip = new CccdSoftCard({ extendedLength: 65535 });
    const { vpcd, channel } = await insert(chip);
    const result = await readCard(channel, { can: chip.can }, { cscaCertificates: [chip.files.pki.csca.der] });
    expect(result.verified).toBe(true);
    expect(result.photo?.bytes).toEqual(fakeJpeg(20_000));
    expect(result.stats.apdus).toBeLessThan(25);
    expect(vpcd.stats.apdus).toBe(result.stats.apdus);
    expect(channel.extendedLength).toBe(true);
    await channel.close();
  });

  it('reads the whole card with PACE and the CAN and verifies it', async () => {
    const chip = new CccdSoftCard();
    const { vpcd, channel } = await insert(chip);
    const result = await readCard(channel, { can: chip.can }, { cscaCertificates: [chip.files.pki.csca.der] });
    expect(result.access).toBe('PACE-CAN');
    expect(result.person.idNumber).toBe(chip.files.person.idNumber);
    expect(result.person.fullName).toBe('Nguyễn Thị Thu Hương');
    expect(result.photo?.bytes).toEqual(fakeJpeg(20_000));
    expect(result.trust).toMatchObject({ signature: 'valid', chain: 'valid', activeAuthentication: 'valid', chipAuthentication: 'valid' });
    expect(Object.values(result.trust.hashes).every((h) => h === 'valid')).toBe(true);
    expect(result.verified).toBe(true);
    // Every APDU the read counted went over the virtual reader (vpcd's presence polls are not APDUs).
    expect(vpcd.stats.apdus).toBe(result.stats.apdus);
    await channel.close();
  }, 60_000);

  it('reads a BAC-only card with the MRZ', async () => {
    const chip = new CccdSoftCard({ pace: false });
    const { channel } = await insert(chip);
    const mrz = new TextDecoder().decode(chip.files.app.get(0x0101)!.subarray(5));
    const result = await readCard(channel, { mrz });
    expect(result.access).toBe('BAC');
    expect(result.person.idNumber).toBe(chip.files.person.idNumber);
    expect(result.trust.signature).toBe('valid');
    await channel.close();
  }, 60_000);

  it('ends with CardError "removed" when the card is pulled out during DG2', async () => {
    const chip = new CccdSoftCard();
    const { vpcd, channel } = await insert(chip);
    vpcd.removeAtApdu(40); // past PACE and the small files, inside the photo
    const started = Date.now();
    const error = await readCard(channel, { can: chip.can }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CardError);
    expect((error as CardError).code).toBe('removed');
    expect(Date.now() - started).toBeLessThan(15_000);
    await channel.close();
  }, 60_000);

  it('ends with CardError "timeout" when the card goes silent mid-read', async () => {
    const chip = new CccdSoftCard();
    const { vpcd, channel } = await insert(chip, { timeoutMs: 1500 });
    vpcd.muteAtApdu(20);
    const error = await readCard(channel, { can: chip.can }, { apduTimeoutMs: 3000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CardError);
    expect((error as CardError).code).toBe('timeout');
    await vpcd.remove();
    await channel.close();
  }, 60_000);
});
