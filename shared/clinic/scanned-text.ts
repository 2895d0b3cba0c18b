// What a keyboard-wedge scan at reception is: the chip ID card's QR, the paper BHYT card's QR, or something else.
import { parseCccdQr, type CccdQr } from '../card/qr';
import { parseBhytQr, type BhytQr } from './bhyt-qr';

export type ScannedText = { kind: 'cccd'; qr: CccdQr } | { kind: 'bhyt'; qr: BhytQr } | { kind: 'other' };

export function classifyScan(text: string): ScannedText {
  const cccd = parseCccdQr(text);
  if (cccd) return { kind: 'cccd', qr: cccd };
  const bhyt = parseBhytQr(text);
  if (bhyt) return { kind: 'bhyt', qr: bhyt };
  return { kind: 'other' };
}
