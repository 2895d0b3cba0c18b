import { describe, expect, it } from 'vitest';
import { chooseReader, isContactlessName } from '../../../../main/card/pcsc/reader-choice';

const acr = [
  { name: 'ACS ACR1252 1S CL Reader [ACR1252 Dual Reader SAM] 00 00', cardPresent: false },
  { name: 'ACS ACR1252 1S CL Reader [ACR1252 Dual Reader PICC] 00 01', cardPresent: false },
];

describe('chooseReader', () => {
  it('prefers the reader that holds a card, whatever its name', () => {
    const readers = [
      { name: 'Identiv uTrust 3700 F Contactless Reader 00 00', cardPresent: false },
      { name: 'Generic Smart Card Reader Interface 00 00', cardPresent: true },
    ];
    expect(chooseReader(readers)?.name).toBe('Generic Smart Card Reader Interface 00 00');
  });

  it('with no card anywhere, prefers the contactless interface of a dual reader', () => {
    expect(chooseReader(acr)?.name).toContain('PICC');
    expect(chooseReader([...acr].reverse())?.name).toContain('PICC');
    const omnikey = [
      { name: 'HID Global OMNIKEY 5422 Smartcard Reader 00 00', cardPresent: false },
      { name: 'HID Global OMNIKEY 5422CL Smartcard Reader 01 00', cardPresent: false },
    ];
    // "5422CL" is not a separate word: the plain order decides, both look like contact readers.
    expect(chooseReader(omnikey)?.name).toBe(omnikey[0]!.name);
    const feitian = [
      { name: 'FT ICC Reader 00 00', cardPresent: false },
      { name: 'FT CL Reader 00 01', cardPresent: false },
    ];
    expect(chooseReader(feitian)?.name).toBe('FT CL Reader 00 01');
  });

  it('honours a requested reader by exact name or unique part, and refuses an ambiguous part', () => {
    expect(chooseReader(acr, acr[0]!.name)?.name).toBe(acr[0]!.name);
    expect(chooseReader(acr, 'sam]')?.name).toBe(acr[0]!.name);
    expect(chooseReader(acr, 'ACR1252')).toBeUndefined();
    expect(chooseReader(acr, 'Nonexistent')).toBeUndefined();
  });

  it('returns nothing without readers', () => {
    expect(chooseReader([])).toBeUndefined();
  });

  it('recognises contactless names', () => {
    expect(isContactlessName('ACS ACR122U PICC Interface 00 00')).toBe(true);
    expect(isContactlessName('Virtual PCD 00 00')).toBe(false);
    expect(isContactlessName('Gemalto Prox-DU Contactless_ 00 00')).toBe(true);
  });
});
