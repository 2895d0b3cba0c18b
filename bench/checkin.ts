// npm run bench:checkin — clinic check-in through the real host: the software CCCD chip on the vpcd virtual reader
// (a private pcscd), `ansinh serve` reading it through PC/SC, and the test insurance gateway on loopback answering each
// lookup after 500 ms. Each round does what the reception screen does: card.read with the CAN, then clinic.checkIn with
// the read; the round ends when the status the screen shows has come back. Prints one JSON line:
//   p50Ms, p95Ms (card on the reader → status back), cardMs (median card.read), gatewayMs (median time the gateway spent
//   on the round's requests, as the gateway itself measured it), gatewayAfterCardMs (median of the part of it after the
//   card read ended: the lookup starts at the chip's identity, beside the photo's read), ownMs (median of the rest:
//   total − card − gateway after the card: our own share), ownShare,
//   downCachedP95Ms (the gateway black-holed: every request hangs; the patient checked in before: card → the last known
//   status; downCachedFirstMs is the first patient after the line went silent, who waits out the grace,
//   downCachedRestP95Ms the next ones, who no longer wait while nothing answers), refusedCachedP95Ms (the gateway's port refuses); each also …AfterCard (from the card read's end: the part
//   that is ours and the gateway's, since the virtual reader's read time is vpcd's delayed-ACK stall), rounds,
//   apdusPerRead (as the virtual reader counted them), photoP50Ms (card on the reader → the photo on screen: the screen
//   has the identity and the status before the photo, which follows through card.photo).
// The chip announces extended length (EF.ATR/INFO), as modern eMRTD chips do; whether the CCCD's does is unconfirmed,
// so the same check-in is then timed on a chip with short APDUs only: shortOnlyP50Ms, shortOnlyP95Ms,
// shortOnlyApdusPerRead, shortOnlyPhotoP50Ms (BENCH_SHORT_CHECKINS rounds, default 5). Through vpcd every APDU costs ~44 ms of its
// delayed-ACK stall (bench:card), so the APDU count is most of the card's time here.
// BENCH_CHECKINS (default 20) rounds; BENCH_GATEWAY_MS (default 500).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CccdSoftCard } from '../tests/card/soft-card/cccd-soft-card';
import { SAMPLE_PERSON } from '../tests/card/soft-card/test-person';
import { startCardRig } from '../tests/card/virtual-card-rig';
import { startHost } from '../tests/e2e/support/host-process';
import { startInsuranceGateway, type GatewayCard } from '../tests/support/insurance-gateway';

const ROUNDS = Number(process.env.BENCH_CHECKINS ?? 20);
const GATEWAY_MS = Number(process.env.BENCH_GATEWAY_MS ?? 500);
const SHORT_ROUNDS = Number(process.env.BENCH_SHORT_CHECKINS ?? 5);
const DOWN_ROUNDS = 5;
const root = join(import.meta.dirname, '..');

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
const round1 = (n: number) => Number(n.toFixed(1));

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ansinh-bench-checkin-'));
  const dbPath = join(dir, 'clinic.db');
  execFileSync(process.execPath, [join(root, 'bin/ansinh.mjs'), 'demo', '--db', dbPath, '--json'], { cwd: root, stdio: 'pipe' });
  const rig = await startCardRig(new CccdSoftCard({ extendedLength: 65535 }));
  const holder: GatewayCard = {
    cardCode: 'GD4010123456789', idNumber: SAMPLE_PERSON.idNumber, fullName: SAMPLE_PERSON.fullName, birth: '07/03/1985',
    validFrom: '01/01/2026', validTo: '31/12/2026', behaviour: { kind: 'slow', delayMs: GATEWAY_MS },
  };
  const gw = await startInsuranceGateway({ cards: [holder] });
  const host = await startHost(dbPath, { ANSINH_INSURANCE_GATEWAY: gw.url, ANSINH_INSURANCE_USER: gw.username, ANSINH_INSURANCE_PASSWORD: gw.password });
  try {
    const url = new URL(host.url);
    const secret = new URLSearchParams(url.hash.slice(1)).get('k')!;
    let token: string | null = null;
    const call = async <T>(method: string, input: unknown): Promise<T> => {
      const res = await fetch(`${url.origin}/api/call`, {
        method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Ansinh-Key': secret, Origin: url.origin },
        body: JSON.stringify({ method, input, token }),
      });
      const body = (await res.json()) as { ok: boolean; output: T; error?: { message: string } };
      if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
      return body.output;
    };
    token = (await call<{ token: string }>('auth.login', { username: 'yte', password: 'yte12345!' })).token;
    await call('clinic.setOfficer', { fullName: 'Trần Văn Bình', idNumber: '037090001234' });
    // The reader must see the card before the first read (pcscd polls).
    const waitForCard = async () => {
      for (let i = 0; i < 50; i++) {
        const status = await call<{ readers: { cardPresent: boolean }[] }>('card.status', {});
        if (status.readers.some((r) => r.cardPresent)) break;
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    await waitForCard();

    // As the screen does: card.read answers at the chip's identity (photoLater), the check-in follows, and the photo
    // comes in through card.photo; the round waits for the photo (the card stays on the reader) before the next one.
    const checkIn = async () => {
      const started = performance.now();
      const read = await call<{ readId: string; photoPending?: boolean }>('card.read', { access: { can: rig.chip.can }, purpose: 'clinic-check-in', photoLater: true });
      const cardMs = performance.now() - started;
      const cardEndedAt = Date.now();
      const visit = await call<{ insurance: { source: string | null; status: string } }>('clinic.checkIn', { identity: { readId: read.readId } });
      const totalMs = performance.now() - started;
      const photo = read.photoPending ? await call<{ photo: string | null; failure: unknown }>('card.photo', { readId: read.readId }) : null;
      if (read.photoPending && !photo?.photo) throw new Error(`photo: ${JSON.stringify(photo?.failure)}`);
      const photoMs = performance.now() - started;
      return { totalMs, cardMs, cardEndedAt, checkInMs: totalMs - cardMs, visit, photoMs };
    };

    await checkIn(); // warm-up: the token, the first PC/SC connection, the statements
    const totals: number[] = [];
    const cards: number[] = [];
    const gateways: number[] = [];
    const owns: number[] = [];
    const gatewaysAfterCard: number[] = [];
    const afterCard: number[] = [];
    const photos: number[] = [];
    const apdusBefore = rig.stats.apdus;
    for (let i = 0; i < ROUNDS; i++) {
      const before = gw.calls.length;
      const r = await checkIn();
      if (r.visit.insurance.source !== 'gateway' || r.visit.insurance.status !== 'valid') throw new Error(`round ${i}: ${JSON.stringify(r.visit.insurance)}`);
      const gatewayMs = gw.calls.slice(before).reduce((sum, c) => sum + (c.ms ?? 0), 0);
      // The lookup starts once the chip's identity is read, beside the photo's read: only its part after the card
      // read ended adds to the wait.
      const gatewayAfterCardMs = gw.calls.slice(before).reduce((sum, c) => sum + Math.max(0, c.at + (c.ms ?? 0) - Math.max(c.at, r.cardEndedAt)), 0);
      totals.push(r.totalMs);
      cards.push(r.cardMs);
      gateways.push(gatewayMs);
      owns.push(r.totalMs - r.cardMs - gatewayAfterCardMs);
      gatewaysAfterCard.push(gatewayAfterCardMs);
      afterCard.push(r.checkInMs);
      photos.push(r.photoMs);
    }
    const apdusPerRead = (rig.stats.apdus - apdusBefore) / ROUNDS;

    // The gateway black-holed (requests hang): the last known status within the cache delay.
    holder.behaviour = { kind: 'hang' };
    gw.setCard(holder);
    const hung: number[] = [];
    const hungAfterCard: number[] = [];
    for (let i = 0; i < DOWN_ROUNDS; i++) {
      const r = await checkIn();
      if (r.visit.insurance.source !== 'cache') throw new Error(`gateway hung: ${JSON.stringify(r.visit.insurance)}`);
      hung.push(r.totalMs);
      hungAfterCard.push(r.checkInMs);
    }
    // The gateway's port refusing: at once.
    gw.setDown(true);
    const refused: number[] = [];
    const refusedAfterCard: number[] = [];
    for (let i = 0; i < DOWN_ROUNDS; i++) {
      const r = await checkIn();
      if (r.visit.insurance.source !== 'cache') throw new Error(`gateway down: ${JSON.stringify(r.visit.insurance)}`);
      refused.push(r.totalMs);
      refusedAfterCard.push(r.checkInMs);
    }

    // The same check-in with a chip that takes short APDUs only, the gateway answering again.
    const shortTotals: number[] = [];
    const shortPhotos: number[] = [];
    let shortApdusPerRead = 0;
    if (SHORT_ROUNDS > 0) {
      gw.setDown(false);
      holder.behaviour = { kind: 'slow', delayMs: GATEWAY_MS };
      gw.setCard(holder);
      await rig.swap(new CccdSoftCard());
      await waitForCard();
      await checkIn();
      const before = rig.stats.apdus;
      for (let i = 0; i < SHORT_ROUNDS; i++) {
        const r = await checkIn();
        if (r.visit.insurance.source !== 'gateway') throw new Error(`short-only round ${i}: ${JSON.stringify(r.visit.insurance)}`);
        shortTotals.push(r.totalMs);
        shortPhotos.push(r.photoMs);
      }
      shortApdusPerRead = (rig.stats.apdus - before) / SHORT_ROUNDS;
    }

    const median = (v: number[]) => quantile(v, 0.5);
    process.stdout.write(JSON.stringify({
      p50Ms: round1(median(totals)), p95Ms: round1(quantile(totals, 0.95)), cardMs: round1(median(cards)), gatewayMs: round1(median(gateways)), gatewayAfterCardMs: round1(median(gatewaysAfterCard)),
      ownMs: round1(median(owns)), ownShare: Number((owns.reduce((a, b) => a + b, 0) / totals.reduce((a, b) => a + b, 0)).toFixed(3)),
      checkInP95Ms: round1(quantile(afterCard, 0.95)),
      downCachedP95Ms: round1(quantile(hung, 0.95)), downCachedFirstMs: round1(hung[0]!), downCachedRestP95Ms: round1(quantile(hung.slice(1), 0.95)), downCachedAfterCardP95Ms: round1(quantile(hungAfterCard, 0.95)),
      refusedCachedP95Ms: round1(quantile(refused, 0.95)), refusedCachedAfterCardP95Ms: round1(quantile(refusedAfterCard, 0.95)), rounds: ROUNDS,
      apdusPerRead: round1(apdusPerRead), photoP50Ms: round1(median(photos)),
      ...(SHORT_ROUNDS > 0 ? { shortOnlyP50Ms: round1(median(shortTotals)), shortOnlyP95Ms: round1(quantile(shortTotals, 0.95)), shortOnlyApdusPerRead: round1(shortApdusPerRead),
        shortOnlyPhotoP50Ms: round1(median(shortPhotos)) } : {}),
    }) + '\n');
  } finally {
    await host.stop();
    await gw.stop();
    await rig.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
