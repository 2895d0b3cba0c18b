// The chip card for the end-to-end tests, the way the card tests run it: a private pcscd with the vpcd virtual
// reader, and the software CCCD chip "inserted" into it. The headless host then reads through pcscd exactly as the
// app does on an office PC. Started and stopped by PID (the pcscd helper serialises with the other card tests).
import type { Browser } from '@playwright/test';
import { ensurePcscStack } from '../../card/pcscd/ensure-pcsc-stack';
import { startPcscd, type PcscdProcess } from '../../card/pcscd/pcscd-process';
import { CccdSoftCard } from '../../card/soft-card/cccd-soft-card';
import { buildSod } from '../../card/soft-card/test-pki';
import { buildDg2 } from '../../card/soft-card/test-person';
import { VpcdCard } from '../../card/vpcd/vpcd-card-client';

export interface CardRig {
  chip: CccdSoftCard;
  card: VpcdCard;
  stop(): Promise<void>;
}

/**
 * A small portrait drawn by the browser itself (the soft chip's own DG2 is random bytes behind a JPEG header, which
 * a browser cannot show), so the screen and its screenshot show a real photo.
 */
export async function drawPortraitJpeg(browser: Browser): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    const dataUrl = await page.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 300;
      canvas.height = 400;
      const g = canvas.getContext('2d')!;
      g.fillStyle = '#dfe8f1';
      g.fillRect(0, 0, 300, 400);
      g.fillStyle = '#2f3b4a';
      g.beginPath();
      g.ellipse(150, 410, 130, 120, 0, Math.PI, 2 * Math.PI);
      g.fill();
      g.fillStyle = '#e7c4a4';
      g.beginPath();
      g.ellipse(150, 175, 70, 90, 0, 0, 2 * Math.PI);
      g.fill();
      g.fillStyle = '#1c1c1c';
      g.beginPath();
      g.ellipse(150, 120, 78, 52, 0, Math.PI, 2 * Math.PI);
      g.fill();
      return canvas.toDataURL('image/jpeg', 0.85);
    });
    return Uint8Array.from(Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'));
  } finally {
    await page.close();
  }
}

/** The soft chip with `portrait` as its face image, re-signed so that passive authentication still holds. */
function chipWithPortrait(portrait: Uint8Array): CccdSoftCard {
  const chip = new CccdSoftCard();
  const app = chip.files.app;
  app.set(0x0102, buildDg2(portrait));
  const hashed = new Map<number, Uint8Array>();
  for (const [fid, bytes] of app) if (fid >= 0x0101 && fid <= 0x0110) hashed.set(fid - 0x0100, bytes);
  app.set(0x011d, buildSod(chip.files.pki, hashed));
  return chip;
}

export async function startCardRig(portrait: Uint8Array): Promise<CardRig> {
  ensurePcscStack();
  const pcscd: PcscdProcess = await startPcscd();
  const chip = chipWithPortrait(portrait);
  const card = new VpcdCard(chip);
  try {
    await card.insert();
  } catch (e) {
    await pcscd.stop();
    throw e;
  }
  return {
    chip,
    card,
    async stop() {
      await card.remove();
      await pcscd.stop();
    },
  };
}
