// Cards that lie, break or vanish: every read ends in a clean CardError or an honestly unverified result,
// never a crash, never a hang, never a partial person.
import { describe, expect, it } from 'vitest';
import { CardError } from '../../../main/card/card-channel';
import { readCard } from '../../../main/card/read-card';
import { CccdSoftCard, type SoftCardOptions } from '../../card/soft-card/cccd-soft-card';
import { MemoryChannel, type MemoryChannelOptions } from '../../card/soft-card/memory-channel';

async function read(options: SoftCardOptions, channel: MemoryChannelOptions = {}, timeouts = {}) {
  const card = new CccdSoftCard(options);
  const result = await readCard(new MemoryChannel(card, channel), { can: card.can }, { apduTimeoutMs: 500, cscaCertificates: [card.files.pki.csca.der], ...timeouts });
  return { card, result };
}

async function failure(options: SoftCardOptions, channel: MemoryChannelOptions = {}, timeouts = {}): Promise<CardError> {
  try {
    await read(options, channel, timeouts);
  } catch (error) {
    expect(error).toBeInstanceOf(CardError);
    return error as CardError;
  }
  throw new Error('the read should have failed');
}

describe('hostile and broken cards', () => {
  it('malformed TLV inside DG13 fails the read as malformed', async () => {
    expect((await failure({ spoil: { malformedDg13: true } })).code).toBe('malformed');
  });

  it('a length past the end of DG1 fails as malformed, not a read past the buffer', async () => {
    expect((await failure({ spoil: { dg1LengthPastEnd: true } })).code).toBe('malformed');
  });

  it('wrong MACs from the chip end in a protocol error after bounded retries', async () => {
    const started = performance.now();
    const error = await failure({ wrongMacAfter: 3 });
    expect(error.code).toBe('protocol');
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('a replayed (out of sequence) answer is caught and the read resumes after re-authenticating', async () => {
    const { card, result } = await read({ replayReadNumber: 20 });
    expect(result.verified).toBe(true);
    // Two PACE runs: the second after the replay broke the session.
    expect(card.log.filter((a) => a[1] === 0x22 && a[2] === 0xc1).length).toBe(2);
  });

  it('GENERAL AUTHENTICATE answered out of sequence fails cleanly', async () => {
    const error = await failure({ generalAuthenticateOutOfSequence: true });
    expect(['malformed', 'protocol']).toContain(error.code);
  });

  it('a card pulled out mid-read fails as removed', async () => {
    expect((await failure({}, { removeAfter: 40 })).code).toBe('removed');
  });

  it('a card that stops answering fails as timeout instead of hanging', async () => {
    const started = performance.now();
    expect((await failure({}, { hangAfter: 30 }, { apduTimeoutMs: 200 })).code).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('a whole read that takes too long fails as timeout', async () => {
    expect((await failure({}, { hangAfter: 30 }, { apduTimeoutMs: 10_000, totalTimeoutMs: 300 })).code).toBe('timeout');
  });

  it('a DG13 changed after signing is read but not verified', async () => {
    const { result } = await read({ spoil: { tamperDg13AfterSigning: true } });
    expect(result.trust.hashes.DG13).toBe('invalid');
    expect(result.trust.hashes.DG1).toBe('valid');
    expect(result.trust.signature).toBe('valid');
    expect(result.verified).toBe(false);
  });

  it('a broken SOD signature is reported and nothing is verified', async () => {
    const { result } = await read({ spoil: { corruptSignature: true } });
    expect(result.trust.signature).toBe('invalid');
    expect(result.verified).toBe(false);
  });

  it('a chip without the private key of its DG14 key fails chip authentication, and the read still completes', async () => {
    const { result } = await read({ spoil: { caKeyMismatch: true } });
    expect(result.trust.chipAuthentication).toBe('invalid');
    expect(result.person.idNumber).toBe('001085012345');
  });

  it('a chip signing with another key than DG15 fails active authentication', async () => {
    const { result } = await read({ spoil: { aaKeyMismatch: true } });
    expect(result.trust.activeAuthentication).toBe('invalid');
    const rsa = await read({ activeAuthentication: 'rsa', spoil: { aaKeyMismatch: true } });
    expect(rsa.result.trust.activeAuthentication).toBe('invalid');
  });

  it('a reader that cannot take 223-byte answers falls back to smaller reads', async () => {
    const { result } = await read({ maxLe: 100 });
    expect(result.verified).toBe(true);
  });

  it('a chip that answers fewer bytes than asked is read to the end', async () => {
    const { result } = await read({ shortReads: 64 });
    expect(result.verified).toBe(true);
    expect(result.photo?.bytes.length).toBe(20_000);
  });

  it('a read broken by the chip dropping secure messaging resumes where it stopped', async () => {
    const offset = 223 * 40;
    const { card, result } = await read({ dropSmAt: { fid: 0x0102, offset } });
    expect(result.verified).toBe(true);
    const at = (a: Uint8Array) => a[1] === 0xb0 && ((a[2]! << 8) | a[3]!) === offset;
    // The failed read and its retry at the same offset, nothing of DG2 read twice otherwise.
    expect(card.log.filter(at).length).toBe(2);
    const clean = await read({});
    const extra = result.stats.apdus - clean.result.stats.apdus;
    // Retry + re-authentication (SELECT MF, PACE 5, SELECT application) + SELECT DG2 again.
    expect(extra).toBe(1 + 1 + 5 + 1 + 1 + 2);
  });
});
