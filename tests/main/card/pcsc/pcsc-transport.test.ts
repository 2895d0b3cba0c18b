// End to end through the real stack: pcscd + the vpcd virtual reader driver + our vpcd card client + pcsclite,
// read exactly as the app reads. pcscd and the card are started and stopped here, by PID.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CardError } from '../../../../main/card/card-channel';
import { PcscReaders, type CardReaderEvent } from '../../../../main/card/pcsc/pcsc-readers';
import type { PcscCardChannel } from '../../../../main/card/pcsc/pcsc-card-channel';
import { ensurePcscStack, repoRoot } from '../../../card/pcscd/ensure-pcsc-stack';
import { startPcscd, type PcscdProcess } from '../../../card/pcscd/pcscd-process';
import { FILE_CARD_INS, FileCard } from '../../../card/vpcd/file-card';
import { VpcdCard } from '../../../card/vpcd/vpcd-card-client';
import { withCardChannel } from '../../../../main/card/pcsc/with-card-channel';

const READER = 'Virtual PCD 00 00';
const fileContent = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7 + 3) & 0xff);

let pcscd: PcscdProcess | undefined;
let readers: PcscReaders;
let card: VpcdCard;
const events: CardReaderEvent[] = [];

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

function apdu(...bytes: number[]): Uint8Array {
  return Uint8Array.from(bytes);
}

function sw(response: Uint8Array): number {
  return (response[response.length - 2]! << 8) | response[response.length - 1]!;
}

async function until(what: string, predicate: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function readFile(channel: PcscCardChannel, fid: number, length: number): Promise<Uint8Array> {
  expect(sw(await channel.transmit(apdu(0x00, 0xa4, 0x02, 0x0c, 0x02, fid >> 8, fid & 0xff)))).toBe(0x9000);
  const out = new Uint8Array(length);
  for (let offset = 0; offset < length; ) {
    const chunk = Math.min(0xdf, length - offset);
    const response = await channel.transmit(apdu(0x00, 0xb0, offset >> 8, offset & 0xff, chunk));
    expect(sw(response)).toBe(0x9000);
    out.set(response.subarray(0, response.length - 2), offset);
    offset += response.length - 2;
  }
  return out;
}

async function insertAndConnect(options?: { timeoutMs?: number }): Promise<PcscCardChannel> {
  await card.insert();
  const reader = await readers.waitForCard({ timeoutMs: 5000 });
  expect(reader.name).toBe(READER);
  return readers.connect(reader.name, options);
}

beforeAll(async () => {
  ensurePcscStack();
  pcscd = await startPcscd();
  readers = new PcscReaders({ retryMs: 200 }).start();
  readers.subscribe((event) => events.push(event));
  card = new VpcdCard(new FileCard(new Map([[0x011e, fileContent]])));
}, 300_000);

afterEach(async () => {
  await card.remove();
  await until('card removal', () => !readers.readers().some((r) => r.cardPresent), 5000).catch(() => undefined);
});

afterAll(async () => {
  await card?.remove();
  await readers?.close();
  await pcscd?.stop();
});

describe('PC/SC through pcscd and the vpcd virtual reader', () => {
  it('lists both vpcd readers and reports the service ready', async () => {
    await until('readers', () => readers.readers().length === 2);
    expect(readers.availability()).toBe('ready');
    expect(readers.readers().map((r) => r.name).sort()).toEqual([READER, 'Virtual PCD 00 01']);
    expect(readers.readers().every((r) => !r.cardPresent)).toBe(true);
  });

  it('reports the card insertion with its ATR and picks the reader holding the card', async () => {
    events.length = 0;
    await card.insert();
    const reader = await readers.waitForCard({ timeoutMs: 5000 });
    expect(reader).toMatchObject({ name: READER, cardPresent: true, atr: hex(card.card.atr) });
    expect(events).toContainEqual({ type: 'card-inserted', reader: expect.objectContaining({ name: READER }) });
    await card.remove();
    await until('card-removed event', () => events.some((e) => e.type === 'card-removed' && e.name === READER));
  });

  it('picks the second reader of the device when the card sits there', async () => {
    const second = new VpcdCard(new FileCard(new Map([[0x011e, fileContent]])), { port: 35964 });
    try {
      await second.insert();
      const reader = await readers.waitForCard({ timeoutMs: 5000 });
      expect(reader.name).toBe('Virtual PCD 00 01');
      await expect(readers.waitForCard({ reader: '00 00', timeoutMs: 300 })).rejects.toMatchObject({ reason: 'no-card' });
      await expect(readers.waitForCard({ reader: 'Virtual PCD', timeoutMs: 300 })).rejects.toMatchObject({ reason: 'reader-not-found' });
    } finally {
      await second.remove();
    }
    await until('card absent', () => !readers.readers().some((r) => r.cardPresent));
  });

  it('runs one conversation per session and resets the card when it ends', async () => {
    await card.insert();
    const read = await withCardChannel(readers, { waitMs: 5000 }, (channel) => readFile(channel, 0x011e, 300));
    expect(hex(read)).toBe(hex(fileContent.subarray(0, 300)));
    // The reset dropped the selection: a READ BINARY without SELECT is refused (6986) in the next session.
    const after = await withCardChannel(readers, { waitMs: 5000 }, (channel) => channel.transmit(apdu(0x00, 0xb0, 0, 0, 4)));
    expect(sw(after)).toBe(0x6986);
  });

  it('exchanges APDUs: file reads in 223-byte chunks, long echo, 61xx chaining and 6Cxx retry', async () => {
    const channel = await insertAndConnect();
    expect(channel.protocol).toBe('T=1');
    expect(hex(await readFile(channel, 0x011e, fileContent.length))).toBe(hex(fileContent));

    const payload = Uint8Array.from({ length: 255 }, (_, i) => 255 - i);
    const echoed = await channel.transmit(apdu(0x80, FILE_CARD_INS.echo, 0, 0, 255, ...payload, 0));
    expect(hex(echoed)).toBe(hex(payload) + '9000');

    const unit = Uint8Array.from({ length: 200 }, (_, i) => i);
    const chained = await channel.transmit(apdu(0x80, FILE_CARD_INS.chainedEcho, 3, 0, 200, ...unit));
    expect(chained.length).toBe(602);
    expect(hex(chained)).toBe(hex(unit).repeat(3) + '9000');

    const exact = await channel.transmit(apdu(0x80, FILE_CARD_INS.exactLeEcho, 0, 0, 3, 1, 2, 3, 0));
    expect(hex(exact)).toBe('0102039000');

    expect(sw(await channel.transmit(apdu(0x00, 0xa4, 0x02, 0x0c, 0x02, 0x01, 0x7f)))).toBe(0x6a82);
    await channel.close();
  });

  it('fails with CardError "removed" when the card leaves mid-read, then reads the card put back', async () => {
    const channel = await insertAndConnect();
    card.removeAtApdu(3);
    const error = await readFile(channel, 0x011e, fileContent.length).catch((e: unknown) => e);
    expect(CardError.is(error, 'removed')).toBe(true);
    // Fails fast from now on, no new exchange with the reader.
    const started = Date.now();
    await expect(channel.transmit(apdu(0x00, 0xb0, 0, 0, 1))).rejects.toSatisfy((e) => CardError.is(e, 'removed'));
    expect(Date.now() - started).toBeLessThan(100);
    await until('card absent', () => !readers.readers().some((r) => r.cardPresent));
    await channel.close();

    const again = await insertAndConnect();
    expect(hex(await readFile(again, 0x011e, fileContent.length))).toBe(hex(fileContent));
    await again.close();
  });

  it('times out on a card that never answers, without hanging the process', async () => {
    const channel = await insertAndConnect({ timeoutMs: 1500 });
    expect(sw(await channel.transmit(apdu(0x00, 0xa4, 0x02, 0x0c, 0x02, 0x01, 0x1e)))).toBe(0x9000);
    card.muteAtApdu(1);
    const started = Date.now();
    const error = await channel.transmit(apdu(0x00, 0xb0, 0, 0, 0xdf)).catch((e: unknown) => e);
    expect(CardError.is(error, 'timeout')).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    expect(Date.now() - started).toBeLessThan(4000);
    await expect(channel.transmit(apdu(0x00, 0xb0, 0, 0, 1))).rejects.toSatisfy((e) => CardError.is(e, 'timeout'));
    // Pulling the silent card releases the reader; closing then completes.
    await card.remove();
    await channel.close();
    expect(channel.closed).toBe(true);
  });

  it('leaves nothing behind: a process that read and closed exits by itself', async () => {
    await card.insert();
    await readers.waitForCard({ timeoutMs: 5000 });
    const started = Date.now();
    const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = execFile(
        path.join(repoRoot, 'node_modules/.bin/tsx'),
        [path.join(repoRoot, 'tests/main/card/pcsc/fixtures/read-then-exit.ts')],
        { timeout: 15_000 },
        (error, stdout, stderr) => resolve({ code: child.exitCode ?? (error ? -1 : 0), stdout, stderr }),
      );
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ reader: READER, sw: '9000' });
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 20_000);

  it('survives pcscd going away mid-read (every reader gone) and recovers when it comes back, repeatedly', async () => {
    // Repeated because the order in which pcsclite reports the readers' end and the service's loss varies, and one
    // order once deadlocked the adapter (a reader closed from inside its own event).
    for (let round = 0; round < 3; round++) {
      const channel = await insertAndConnect({ timeoutMs: 5000 });
      events.length = 0;
      const reading = (async () => {
        for (;;) await readFile(channel, 0x011e, fileContent.length);
      })().catch((e: unknown) => e);
      await new Promise((resolve) => setTimeout(resolve, 150 + round * 150));
      await pcscd!.stop();
      const error = await reading;
      expect(error).toBeInstanceOf(CardError);
      expect((error as CardError).code).toBe('removed');
      // The readers' ends and the service's loss are separate pcsclite events that arrive in either order.
      await until('readers gone and service lost', () => readers.readers().length === 0 && readers.availability() === 'no-service');
      const removed = events.filter((e) => e.type === 'reader-removed').map((e) => (e as { name: string }).name);
      expect(removed.sort()).toEqual([READER, 'Virtual PCD 00 01']);
      await channel.close();
      await card.remove();

      pcscd = await startPcscd();
      await until('service back', () => readers.availability() === 'ready' && readers.readers().length === 2, 10_000);
      const again = await insertAndConnect();
      expect(hex(await readFile(again, 0x011e, 300))).toBe(hex(fileContent.subarray(0, 300)));
      await again.close();
      await card.remove();
      await until('card absent', () => !readers.readers().some((r) => r.cardPresent));
    }
  }, 90_000);
});
