// npm run bench:card — reads the software CCCD chip (PACE with the CAN; EF.COM, SOD, DG1, DG2 with a 20 KB photo,
// DG13, DG14, DG15; chip, active and passive authentication) through the real PC/SC stack: a private pcscd with the
// vpcd virtual reader, pcsclite, the app's PC/SC adapter. Reads it BENCH_CARD_READS times (default 50) and prints
// one JSON line:
//   apdusPerRead, bytesPerRead (command + response bytes), medianMs, p95Ms (one read, connect excluded),
//   ownShare (share of read time spent outside transmit, i.e. in our code rather than waiting on reader and card),
//   ownMsPerRead (that time in milliseconds: the figure that stays when the reader is faster than vpcd),
//   transmitMsPerApdu (median wait per APDU), vpcdFloorMsPerApdu (median round trip of a bare 2-byte APDU through
//   vpcd: the virtual reader's own latency), inMemoryReadMs (median of the same read with no reader at all).
// vpcd sends each message as a 2-byte length and the payload in two writes without TCP_NODELAY, so the payload waits
// for the card side's delayed ACK: about 40 ms per APDU whatever the card does (0.2 ms with TCP_NODELAY forced on
// vpcd's socket). Through vpcd the read time is therefore mostly that stall; ownMsPerRead is the figure to watch.
import { performance } from 'node:perf_hooks';
import type { CardChannel } from '../main/card/card-channel';
import { PcscReaders } from '../main/card/pcsc/pcsc-readers';
import { readCard } from '../main/card/read-card';
import { ensurePcscStack } from '../tests/card/pcscd/ensure-pcsc-stack';
import { startPcscd } from '../tests/card/pcscd/pcscd-process';
import { CccdSoftCard } from '../tests/card/soft-card/cccd-soft-card';
import { MemoryChannel } from '../tests/card/soft-card/memory-channel';
import { FileCard } from '../tests/card/vpcd/file-card';
import { VpcdCard } from '../tests/card/vpcd/vpcd-card-client';

const READS = Number(process.env.BENCH_CARD_READS ?? 50);
const FLOOR_APDUS = 50;

class MeasuredChannel implements CardChannel {
  apdus = 0;
  bytes = 0;
  waitMs = 0;
  readonly perApduMs: number[] = [];
  constructor(private readonly inner: CardChannel) {}
  async transmit(apdu: Uint8Array): Promise<Uint8Array> {
    const started = performance.now();
    try {
      const response = await this.inner.transmit(apdu);
      this.apdus++;
      this.bytes += apdu.length + response.length;
      return response;
    } finally {
      const ms = performance.now() - started;
      this.waitMs += ms;
      this.perApduMs.push(ms);
    }
  }
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

const round = (n: number, digits = 1) => Number(n.toFixed(digits));

async function waitUntilNoCard(readers: PcscReaders): Promise<void> {
  const deadline = Date.now() + 5000;
  while (readers.readers().some((r) => r.cardPresent)) {
    if (Date.now() > deadline) throw new Error('the virtual card did not leave the reader');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function main(): Promise<void> {
  ensurePcscStack();
  const chip = new CccdSoftCard();
  const access = { can: chip.can };
  const options = { cscaCertificates: [chip.files.pki.csca.der] };

  // The same read with no transport, for reference (and to warm up the crypto).
  const inMemory: number[] = [];
  for (let i = 0; i < 10; i++) {
    const started = performance.now();
    await readCard(new MemoryChannel(chip), access, options);
    inMemory.push(performance.now() - started);
  }

  const pcscd = await startPcscd();
  const readers = new PcscReaders().start();
  try {
    // The virtual reader's own floor: a bare APDU answered at once by a trivial card.
    const probe = new VpcdCard(new FileCard(new Map()));
    await probe.insert();
    let reader = await readers.waitForCard({ timeoutMs: 5000 });
    let channel = await readers.connect(reader.name);
    const floor: number[] = [];
    for (let i = 0; i < FLOOR_APDUS; i++) {
      const started = performance.now();
      await channel.transmit(Uint8Array.of(0x80, 0x10, 0x00, 0x00));
      floor.push(performance.now() - started);
    }
    await channel.close();
    await probe.remove();
    await waitUntilNoCard(readers);

    const card = new VpcdCard(chip);
    await card.insert();
    reader = await readers.waitForCard({ timeoutMs: 5000 });
    const times: number[] = [];
    let apdus = 0;
    let bytes = 0;
    let waitMs = 0;
    const perApdu: number[] = [];
    for (let i = 0; i < READS; i++) {
      // A fresh connection per read, as the app makes one per card presented (disconnect resets the chip).
      channel = await readers.connect(reader.name);
      const measured = new MeasuredChannel(channel);
      const started = performance.now();
      const result = await readCard(measured, access, options);
      times.push(performance.now() - started);
      if (!result.verified) throw new Error('the soft card did not verify');
      apdus += measured.apdus;
      bytes += measured.bytes;
      waitMs += measured.waitMs;
      perApdu.push(...measured.perApduMs);
      await channel.close();
    }
    await card.remove();

    const total = times.reduce((a, b) => a + b, 0);
    process.stdout.write(
      JSON.stringify({
        apdusPerRead: round(apdus / READS, 1),
        bytesPerRead: Math.round(bytes / READS),
        medianMs: round(quantile(times, 0.5)),
        p95Ms: round(quantile(times, 0.95)),
        ownShare: round((total - waitMs) / total, 3),
        ownMsPerRead: round((total - waitMs) / READS),
        transmitMsPerApdu: round(quantile(perApdu, 0.5), 2),
        vpcdFloorMsPerApdu: round(quantile(floor, 0.5), 2),
        inMemoryReadMs: round(quantile(inMemory, 0.5)),
      }) + '\n',
    );
  } finally {
    await readers.close();
    await pcscd.stop();
  }
}

await main();
