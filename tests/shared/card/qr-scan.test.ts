// The card's QR code from a keyboard-wedge scanner: burst recognition, input-method repair, tolerant parsing, CAN.
import { describe, expect, it } from 'vitest';
import { canFromIdNumber, isValidCan } from '../../../shared/card/can';
import { repairImeKeystrokes, swallowedKey } from '../../../shared/card/ime-repair';
import { parseCccdQr } from '../../../shared/card/qr';
import { ScanBurstRecognizer, type BurstEvent } from '../../../shared/card/scan-burst';
import { simulateIme } from './ime-simulator';

const QR = '001085012345|012345678|Nguyễn Thị Thu Hương|07031985|Nữ|Tòa Landmark 72, Phòng 12A3, Phường Mễ Trì, Hà Nội|10072021';

function feed(recognizer: ScanBurstRecognizer, keys: string[], start: number, gap: number): BurstEvent[] {
  return [...keys, 'Enter'].map((key, i) => recognizer.push({ key, time: start + i * gap }));
}

describe('CCCD QR parsing', () => {
  it('reads every field and keeps the raw text', () => {
    expect(parseCccdQr(QR)).toEqual({
      raw: QR,
      idNumber: '001085012345',
      oldIdNumber: '012345678',
      fullName: 'Nguyễn Thị Thu Hương',
      birth: '1985-03-07',
      sex: 'F',
      permanentAddress: 'Tòa Landmark 72, Phòng 12A3, Phường Mễ Trì, Hà Nội',
      issueDate: '2021-07-10',
      extraFields: [],
    });
  });

  it('tolerates empty fields, NFD text, extra fields and a trailing newline', () => {
    const qr = parseCccdQr('034190001234||Tr\u0061\u0300n Văn B|01011990|Nam||15082022|X|Y\r\n');
    expect(qr?.oldIdNumber).toBeNull();
    expect(qr?.fullName).toBe('Tràn Văn B'.normalize('NFC'));
    expect(qr?.sex).toBe('M');
    expect(qr?.permanentAddress).toBeNull();
    expect(qr?.extraFields).toEqual(['X', 'Y']);
  });

  it('refuses text that is not a chip ID card QR', () => {
    expect(parseCccdQr('https://example.vn')).toBeNull();
    expect(parseCccdQr('12345|a|b')).toBeNull();
  });

  it('gives the CAN from the ID', () => {
    expect(canFromIdNumber('001085012345')).toBe('012345');
    expect(canFromIdNumber('12345')).toBeNull();
    expect(isValidCan('012345')).toBe(true);
  });
});

describe('keyboard-wedge scan bursts', () => {
  it('recognises a fast burst ending in Enter', () => {
    const events = feed(new ScanBurstRecognizer(), [...QR], 1000, 4);
    expect(events.some((e) => e.kind === 'burst-started')).toBe(true);
    const scan = events.at(-1)!;
    expect(scan).toMatchObject({ kind: 'scan', text: QR });
    expect(parseCccdQr(scan.kind === 'scan' ? scan.text : '')?.idNumber).toBe('001085012345');
  });

  it('ignores a person typing the same text', () => {
    const events = feed(new ScanBurstRecognizer(), [...QR], 1000, 120);
    expect(events.every((e) => e.kind === 'none')).toBe(true);
  });

  it('ignores modifier keys inside the burst', () => {
    const keys = [...QR].flatMap((c) => (c === c.toUpperCase() && /\p{L}/u.test(c) ? ['Shift', c] : [c]));
    expect(feed(new ScanBurstRecognizer(), keys, 0, 3).at(-1)).toMatchObject({ kind: 'scan', text: QR });
  });

  it('keeps a scan whole when a busy PC delivers some keys late', () => {
    let t = 0;
    const events = [...QR, 'Enter'].map((key, i) => ({ key, time: (t += i % 9 === 4 ? 180 : 4) }));
    const r = new ScanBurstRecognizer();
    expect(events.map((k) => r.push(k)).at(-1)).toMatchObject({ kind: 'scan', text: QR });
  });

  it('a person typing right before a scan is not part of it; a person\'s quick key pairs are no scan', () => {
    const r = new ScanBurstRecognizer();
    [...'abc'].forEach((key, i) => r.push({ key, time: i * 120 }));
    expect(feed(r, [...QR], 360 + 150, 4).at(-1)).toMatchObject({ kind: 'scan', text: QR });
    let t = 0;
    const typing = [...QR, 'Enter'].map((key, i) => ({ key, time: (t += i % 3 === 0 ? 20 : 140) }));
    const p = new ScanBurstRecognizer();
    expect(typing.map((k) => p.push(k)).every((e) => e.kind === 'none')).toBe(true);
  });

  it('a scan whose first key the page was slow to take (a busy re-render) is still whole', () => {
    const r = new ScanBurstRecognizer();
    feed(r, [...'abc'], 0, 100);
    r.push({ key: QR[0]!, time: 5_000 });
    expect(feed(r, [...QR.slice(1)], 5_000 + 150, 4).at(-1)).toMatchObject({ kind: 'scan', text: QR });
  });

  it('starts over after a pause', () => {
    const r = new ScanBurstRecognizer();
    feed(r, [...'abc'], 0, 100);
    expect(feed(r, [...QR], 10_000, 3).at(-1)).toMatchObject({ kind: 'scan', text: QR });
  });
});

describe('Vietnamese input method repair', () => {
  it('the simulator really mangles the scan under Telex and VNI', () => {
    const telex = simulateIme(QR, 'telex');
    const vni = simulateIme(QR, 'vni');
    expect(telex).toContain('Backspace');
    expect(vni).toContain('Backspace');
    const shown = (keys: string[]) => keys.reduce((s, k) => (k === 'Backspace' ? s.slice(0, -1) : s + k), '');
    expect(shown(telex)).toContain('Landmả');
    expect(shown(vni)).toContain('12Ả');
  });

  it.each(['telex', 'vni'] as const)('rebuilds the scanned text under %s', (mode) => {
    const keys = simulateIme(QR, mode);
    expect(repairImeKeystrokes(keys, mode)).toBe(QR);
    const events = feed(new ScanBurstRecognizer({ imeMode: mode }), keys, 0, 2);
    expect(events.at(-1)).toMatchObject({ kind: 'scan', text: QR });
  });

  it('auto mode undoes Telex, and reads a VNI tone edit as Telex (the office must set VNI)', () => {
    expect(repairImeKeystrokes(simulateIme(QR, 'telex'), 'auto')).toBe(QR);
    const qr = '001085012345||Lê Văn A|01011990|Nam|Lô A1|02022022';
    expect(repairImeKeystrokes(simulateIme(qr, 'vni'), 'auto')).toBe(qr.replace('A1', 'As'));
    expect(repairImeKeystrokes(simulateIme(qr, 'vni'), 'vni')).toBe(qr);
  });

  it('passes text through when no input method interfered', () => {
    expect(repairImeKeystrokes([...QR], 'auto')).toBe(QR);
  });

  it('names the swallowed key for tone, hat, horn and đ edits', () => {
    expect(swallowedKey('a', 'á', 'telex')).toBe('s');
    expect(swallowedKey('a', 'á', 'vni')).toBe('1');
    expect(swallowedKey('o', 'ô', 'telex')).toBe('o');
    expect(swallowedKey('o', 'ơ', 'vni')).toBe('7');
    expect(swallowedKey('d', 'đ', 'telex')).toBe('d');
    expect(swallowedKey('d', 'đ', 'vni')).toBe('9');
  });
});
