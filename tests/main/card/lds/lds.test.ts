// The LDS parsers on their own: strict TLV, DG13 in the shapes seen on cards, MRZ, EF.CardAccess, DG2.
import { describe, expect, it } from 'vitest';
import { parseMrz } from '../../../../main/card/lds/dg1';
import { parseDg13 } from '../../../../main/card/lds/dg13';
import { parseDg2 } from '../../../../main/card/lds/dg2';
import { parseEfCom } from '../../../../main/card/lds/ef-com';
import { parseCardAccess } from '../../../../main/card/lds/security-infos';
import { hexToBytes } from '../../../../main/card/protocol/octets';
import { readSingleTlv, readTlv, tlvChildren } from '../../../../main/card/protocol/tlv';
import { der } from '../../../card/soft-card/der-writer';
import { buildDg13, buildDg2, buildEfCom, fakeJpeg, SAMPLE_PERSON, td1Mrz } from '../../../card/soft-card/test-person';

describe('TLV reader', () => {
  it('reads long-form lengths', () => {
    const value = new Uint8Array(300).fill(7);
    const t = readSingleTlv(der.octets(value), 0x04);
    expect(t.end - t.valueStart).toBe(300);
    expect(t.valueStart).toBe(4);
  });

  it.each([
    ['length past the end', '0405010203'],
    ['long length cut short', '0482'],
    ['indefinite length', '3080'],
    ['length field of 5 bytes', '04850000000001'],
    ['no length', '30'],
    ['child past its parent', '3003040501'],
  ])('refuses %s as malformed', (_, hex) => {
    const run = () => {
      const t = readTlv(hexToBytes(hex));
      tlvChildren(t);
    };
    expect(run).toThrow(expect.objectContaining({ code: 'malformed' }));
  });
});

describe('DG13', () => {
  it('reads parents held in one SEQUENCE and a married person', () => {
    const dg13 = parseDg13(buildDg13({ ...SAMPLE_PERSON, spouse: 'Lê Văn Minh' }, { parents: 'one' }));
    expect([dg13.father, dg13.mother, dg13.spouse]).toEqual(['Nguyễn Văn Hùng', 'Trần Thị Lan', 'Lê Văn Minh']);
  });

  it('keeps the unmarried spouse form (30 03 02 01 0E) as no spouse', () => {
    const bytes = buildDg13(SAMPLE_PERSON);
    expect(Buffer.from(bytes).toString('hex')).toContain('300302010e');
    expect(parseDg13(bytes).spouse).toBeNull();
  });

  it('treats absent fields as absent, not as a failure', () => {
    const dg13 = parseDg13(buildDg13({ ...SAMPLE_PERSON, oldIdNumber: null, field16: null }, { omit: [7, 10, 13] }));
    expect(dg13.religion).toBeNull();
    expect(dg13.identifyingMarks).toBeNull();
    expect(dg13.father).toBeNull();
    expect(dg13.otherFields).toEqual({});
    expect(dg13.permanentAddress).toBe(SAMPLE_PERSON.permanentAddress);
  });

  it('keeps an expiry that is text as written', () => {
    expect(parseDg13(buildDg13({ ...SAMPLE_PERSON, expiry: 'Không thời hạn' })).expiryDate).toBe('Không thời hạn');
  });

  it('uses a long-form length for an address over 127 bytes and reads it whole', () => {
    const address = 'Thôn Đông Hưng '.repeat(20).trim();
    const bytes = buildDg13({ ...SAMPLE_PERSON, permanentAddress: address });
    expect(Buffer.from(bytes).toString('hex')).toContain('0c82');
    expect(parseDg13(bytes).permanentAddress).toBe(address);
  });
});

describe('DG1 MRZ (TD1)', () => {
  it('takes the 12-digit ID from the optional data and checks every check digit', () => {
    const mrz = parseMrz(td1Mrz(SAMPLE_PERSON));
    expect(mrz).toMatchObject({ format: 'TD1', documentNumber: '085012345', idNumber: '001085012345', birth: '850307', expiry: '450307', sex: 'F', checkDigitsValid: true });
    expect(`${mrz.surname} ${mrz.givenNames}`).toBe('NGUYEN THI THU HUONG');
    const broken = td1Mrz(SAMPLE_PERSON).replace('8503079', '8503078');
    expect(parseMrz(broken).checkDigitsValid).toBe(false);
  });
});

describe('EF.CardAccess and EF.COM', () => {
  it('reads the PACEInfo of the ICAO 9303-11 appendix G example', () => {
    const infos = parseCardAccess(hexToBytes('31143012060A04007F0007020204020202010202010D'));
    expect(infos.pace).toEqual([{ protocol: '0.4.0.127.0.7.2.2.4.2.2', version: 2, parameterId: 13 }]);
  });

  it('lists the data groups of EF.COM', () => {
    expect(parseEfCom(buildEfCom([0x61, 0x75, 0x63, 0x6d, 0x6e, 0x6f])).dataGroups).toEqual([1, 2, 3, 13, 14, 15]);
  });
});

describe('DG2', () => {
  it('returns the JPEG bytes inside the biometric data block', () => {
    const jpeg = fakeJpeg(5000, 7);
    const face = parseDg2(buildDg2(jpeg));
    expect(face.mime).toBe('image/jpeg');
    expect(face.bytes).toEqual(jpeg);
  });
});
