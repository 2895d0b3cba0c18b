// ICAO Doc 9303-11 Appendix G.1: PACE with ECDH generic mapping on brainpoolP256r1, AES-128, MRZ password.
import { describe, expect, it } from 'vitest';
import type { CardChannel } from '../../../../main/card/card-channel';
import { aesCipher } from '../../../../main/card/protocol/block-cipher';
import { curveByParameterId, decodePoint, encodePoint } from '../../../../main/card/protocol/curves';
import { AesCmac } from '../../../../main/card/protocol/mac';
import { bytesToHex, hexToBytes } from '../../../../main/card/protocol/octets';
import { pacePasswordKey, paceToken, paceTokenInput, performPace } from '../../../../main/card/protocol/pace';

const H = hexToBytes;
const MRZ = { documentNumber: 'T22000129', birth: '640812', expiry: '101031' };
const PROTOCOL = '0.4.0.127.0.7.2.2.4.2.2';
const SK_MAP_IFD = 0x7f4ef07b9ea82fd78ad689b38d0bc78cf21f249d953bc46f4c6e19259c010f99n;
const SK_DH_IFD = 0xa73fb703ac1436a18e0cfa5abb3f7bec7a070e7a6788486bee230c4a22762595n;
const PK_MAP_IFD =
  '047ACF3EFC982EC45565A4B155129EFBC74650DCBFA6362D896FC70262E0C2CC5E544552DCB6725218799115B55C9BAA6D9F6BC3A9618E70C25AF71777A9C4922D';
const PK_MAP_IC =
  '04824FBA91C9CBE26BEF53A0EBE7342A3BF178CEA9F45DE0B70AA601651FBA3F5730D8C879AAA9C9F73991E61B58F4D52EB87A0A0C709A49DC63719363CCD13C54';
const PK_DH_IFD =
  '042DB7A64C0355044EC9DF190514C625CBA2CEA48754887122F3A5EF0D5EDD301C3556F3B3B186DF10B857B58F6A7EB80F20BA5DC7BE1D43D9BF850149FBB36462';
const PK_DH_IC =
  '049E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB7764B22277A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F094';

describe('ICAO 9303-11 G.1 PACE ECDH-GM', () => {
  it('derives K_pi from the MRZ password and decrypts the nonce', () => {
    const kPi = pacePasswordKey({ kind: 'mrz', key: MRZ }, 'AES-128');
    expect(bytesToHex(kPi)).toBe('89DED1B26624EC1E634C1989302849DD');
    const s = aesCipher(kPi).decryptCbc(H('95A3A016522EE98D01E76CB6B98B42C3'), new Uint8Array(16));
    expect(bytesToHex(s)).toBe('3F00C4D39D153F2B2A214A078D899B22');
  });

  it('maps the generator and agrees on the example keys', () => {
    const c = curveByParameterId(13);
    expect(bytesToHex(encodePoint(c.Point.BASE.multiply(SK_MAP_IFD)))).toBe(PK_MAP_IFD);
    const h = decodePoint(c, H(PK_MAP_IC)).multiply(SK_MAP_IFD);
    expect(bytesToHex(encodePoint(h))).toBe(
      '0460332EF2450B5D247EF6D3868397D398852ED6E8CAF6FFEEF6BF85CA57057FD50840CA7415BAF3E43BD414D35AA4608B93A2CAF3A4E3EA4E82C9C13D03EB7181',
    );
    const g = c.Point.BASE.multiply(0x3f00c4d39d153f2b2a214a078d899b22n).add(h);
    expect(bytesToHex(encodePoint(g))).toBe(
      '048CED63C91426D4F0EB1435E7CB1D74A46723A0AF21C89634F65A9AE87A9265E28C879506743F8611AC33645C5B985C80B5F09A0B83407C1B6A4D857AE76FE522',
    );
    expect(bytesToHex(encodePoint(g.multiply(SK_DH_IFD)))).toBe(PK_DH_IFD);
  });

  it('computes the authentication tokens', () => {
    const kMac = H('FE251C7858B356B24514B3BD5F4297D1');
    expect(bytesToHex(paceTokenInput(PROTOCOL, H(PK_DH_IC)))).toBe('7F494F060A04007F000702020402028641' + PK_DH_IC);
    expect(bytesToHex(paceToken('AES-128', kMac, PROTOCOL, H(PK_DH_IC)))).toBe('C2B0BD78D94BA866');
    expect(bytesToHex(paceToken('AES-128', kMac, PROTOCOL, H(PK_DH_IFD)))).toBe('3ABB9674BCE93C08');
  });

  it('reproduces the terminal side of the example transcript byte for byte', async () => {
    const script: [string, string][] = [
      ['0022C1A412800A04007F0007020204020283010184010D', '9000'],
      ['10860000027C0000', '7C12801095A3A016522EE98D01E76CB6B98B42C39000'],
      ['10860000457C438141' + PK_MAP_IFD + '00', '7C438241' + PK_MAP_IC + '9000'],
      ['10860000457C438341' + PK_DH_IFD + '00', '7C438441' + PK_DH_IC + '9000'],
      ['008600000C7C0A8508C2B0BD78D94BA86600', '7C0A86083ABB9674BCE93C089000'],
    ];
    let step = 0;
    const channel: CardChannel = {
      async transmit(apdu) {
        const [cmd, rsp] = script[step++]!;
        expect(bytesToHex(apdu)).toBe(cmd);
        return H(rsp);
      },
    };
    const result = await performPace(
      channel,
      { protocol: PROTOCOL, version: 2, parameterId: 13 },
      { kind: 'mrz', key: MRZ },
      { ephemeralKeys: [SK_MAP_IFD, SK_DH_IFD] },
    );
    expect(step).toBe(5);
    expect(bytesToHex(result.sm.sendSequenceCounter)).toBe('00000000000000000000000000000000');
    // KSenc/KSmac of the example are in effect: CMAC with KSmac reproduces the chip token.
    expect(bytesToHex(new AesCmac(H('FE251C7858B356B24514B3BD5F4297D1')).compute(paceTokenInput(PROTOCOL, H(PK_DH_IFD))).subarray(0, 8))).toBe('3ABB9674BCE93C08');
  });

  it('turns the chip refusing the token (wrong password) into auth-failed', async () => {
    const answers = [
      '9000',
      '7C12801095A3A016522EE98D01E76CB6B98B42C39000',
      '7C438241' + PK_MAP_IC + '9000',
      '7C438441' + PK_DH_IC + '9000',
      '6300',
    ];
    let step = 0;
    const channel: CardChannel = { transmit: async () => H(answers[step++]!) };
    await expect(
      performPace(channel, { protocol: PROTOCOL, version: 2, parameterId: 13 }, { kind: 'can', can: '123456' }),
    ).rejects.toMatchObject({ code: 'auth-failed' });
  });

  it('rejects a chip point that is not on the curve', async () => {
    const bad = PK_MAP_IC.slice(0, -2) + '55';
    const answers = ['9000', '7C12801095A3A016522EE98D01E76CB6B98B42C39000', '7C438241' + bad + '9000'];
    let step = 0;
    const channel: CardChannel = { transmit: async () => H(answers[step++]!) };
    await expect(
      performPace(channel, { protocol: PROTOCOL, version: 2, parameterId: 13 }, { kind: 'can', can: '123456' }),
    ).rejects.toMatchObject({ code: 'protocol' });
  });
});

describe('AES-CMAC (NIST SP 800-38B examples)', () => {
  const key = H('2B7E151628AED2A6ABF7158809CF4F3C');
  it.each([
    ['', 'BB1D6929E95937287FA37D129B756746'],
    ['6BC1BEE22E409F96E93D7E117393172A', '070A16B46B4D4144F79BDD9DD04A287C'],
    ['6BC1BEE22E409F96E93D7E117393172AAE2D8A571E03AC9C9EB76FAC45AF8E5130C81C46A35CE411', 'DFA66747DE9AE63030CA32611497C827'],
  ])('CMAC(%s)', (msg, mac) => {
    expect(bytesToHex(new AesCmac(key).compute(H(msg)))).toBe(mac);
  });
});

describe('AES secure messaging under the G.1 session keys', () => {
  // Not printed in 9303-11: the value comes from an independent open-source implementation of 9.8 and agrees
  // with ours, which checks the AES IV rule (E(KSenc, SSC)) and the padding before CMAC.
  it('protects SELECT of the eMRTD application with SSC 1', async () => {
    const { SecureMessaging } = await import('../../../../main/card/protocol/secure-messaging');
    const { createSmCipher } = await import('../../../../main/card/protocol/sm-cipher');
    const sm = new SecureMessaging(
      createSmCipher('AES-128', H('F5F0E35C0D7161EE6724EE513A0D9A7F'), H('FE251C7858B356B24514B3BD5F4297D1')),
      new Uint8Array(16),
    );
    expect(bytesToHex(sm.wrap(0x00, 0xa4, 0x04, 0x0c, H('A0000002471001')))).toBe(
      '0CA4040C1D871101752F676B09FAC86A87D632749A49C7CC8E08C18BA1FCE707BD9F00',
    );
    expect(sm.unwrap(H('990290008E08BEA7B381C494A0799000')).sw).toBe(0x9000);
  });
});
