// ICAO Doc 9303-11 Appendix D worked examples: BAC key derivation (D.2), authentication (D.3), secure messaging (D.4).
import { describe, expect, it } from 'vitest';
import type { CardChannel } from '../../../../main/card/card-channel';
import { performBac, bacKeySeed, bacKeys } from '../../../../main/card/protocol/bac';
import { tripleDesCipher } from '../../../../main/card/protocol/block-cipher';
import { deriveKey, KDF_ENC, KDF_MAC, withDesParity } from '../../../../main/card/protocol/kdf';
import { RetailMac } from '../../../../main/card/protocol/mac';
import { mrzCheckDigit, mrzInformation } from '../../../../main/card/protocol/mrz-keys';
import { bytesToHex, hexToBytes, padIso9797 } from '../../../../main/card/protocol/octets';
import { SecureMessaging } from '../../../../main/card/protocol/secure-messaging';
import { createSmCipher } from '../../../../main/card/protocol/sm-cipher';

const H = hexToBytes;
const KEY = { documentNumber: 'L898902C', birth: '690806', expiry: '940623' };

describe('ICAO 9303-11 D.2 BAC key derivation', () => {
  it('builds MRZ_information with check digits', () => {
    expect(mrzInformation(KEY)).toBe('L898902C<369080619406236');
    expect(mrzCheckDigit('L898902C<')).toBe('3');
    expect(mrzInformation({ documentNumber: 'D23145890734', birth: '340712', expiry: '950712' })).toBe(
      'D23145890734934071279507122',
    );
  });

  it('derives Kseed, KEnc and KMAC', () => {
    expect(bytesToHex(bacKeySeed(KEY))).toBe('239AB9CB282DAF66231DC5A4DF6BFBAE');
    const { kEnc, kMac } = bacKeys(KEY);
    expect(bytesToHex(withDesParity(kEnc))).toBe('AB94FDECF2674FDFB9B391F85D7F76F2');
    expect(bytesToHex(withDesParity(kMac))).toBe('7962D9ECE03D1ACD4C76089DCE131543');
  });
});

describe('ICAO 9303-11 D.3 BAC authentication', () => {
  const kEnc = H('AB94FDECF2674FDFB9B391F85D7F76F2');
  const kMac = H('7962D9ECE03D1ACD4C76089DCE131543');

  it('computes E.IFD and M.IFD', () => {
    const s = H('781723860C06C2264608F919887022120B795240CB7049B01C19B33E32804F0B');
    const e = tripleDesCipher(kEnc).encryptCbc(s, new Uint8Array(8));
    expect(bytesToHex(e)).toBe('72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2');
    expect(bytesToHex(new RetailMac(kMac).compute(padIso9797(e, 8)))).toBe('5F1448EEA8AD90A7');
  });

  it('derives the session keys from KSseed', () => {
    const seed = H('0036D272F5C350ACAC50C3F572D23600');
    expect(bytesToHex(withDesParity(deriveKey(seed, KDF_ENC, '3DES')))).toBe('979EC13B1CBFE9DCD01AB0FED307EAE5');
    expect(bytesToHex(withDesParity(deriveKey(seed, KDF_MAC, '3DES')))).toBe('F1CB1F1FB5ADF208806B89DC579DC1F8');
  });

  it('runs the whole exchange against the example chip transcript', async () => {
    const script: [string, string][] = [
      ['0084000008', '4608F919887022129000'],
      [
        '008200002872C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F25F1448EEA8AD90A728',
        '46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D74499000',
      ],
    ];
    let step = 0;
    const channel: CardChannel = {
      async transmit(apdu) {
        const [cmd, rsp] = script[step++]!;
        expect(bytesToHex(apdu)).toBe(cmd);
        return H(rsp);
      },
    };
    const sm = await performBac(channel, KEY, {
      rndIfd: H('781723860C06C226'),
      kIfd: H('0B795240CB7049B01C19B33E32804F0B'),
    });
    expect(bytesToHex(sm.sendSequenceCounter)).toBe('887022120C06C226');
    // D.4 continues with these session keys: the first protected command must match the example.
    expect(bytesToHex(sm.wrap(0x00, 0xa4, 0x02, 0x0c, H('011E')))).toBe(
      '0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800',
    );
  });

  it('reports a wrong MRZ key as auth-failed', async () => {
    const channel: CardChannel = {
      async transmit(apdu) {
        return apdu[1] === 0x84 ? H('4608F919887022129000') : H('6300');
      },
    };
    await expect(performBac(channel, KEY)).rejects.toMatchObject({ code: 'auth-failed' });
  });
});

describe('ICAO 9303-11 D.4 secure messaging', () => {
  const cipher = createSmCipher(
    '3DES',
    H('979EC13B1CBFE9DCD01AB0FED307EAE5'),
    H('F1CB1F1FB5ADF208806B89DC579DC1F8'),
  );

  it('protects SELECT and READ BINARY and opens the responses', () => {
    const sm = new SecureMessaging(cipher, H('887022120C06C226'));
    expect(bytesToHex(sm.wrap(0x00, 0xa4, 0x02, 0x0c, H('011E')))).toBe(
      '0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800',
    );
    const sel = sm.unwrap(H('990290008E08FA855A5D4C50A8ED9000'));
    expect(sel.sw).toBe(0x9000);
    expect(sel.data.length).toBe(0);

    expect(bytesToHex(sm.wrap(0x00, 0xb0, 0x00, 0x00, undefined, 4))).toBe('0CB000000D9701048E08ED6705417E96BA5500');
    const r1 = sm.unwrap(H('8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000'));
    expect(bytesToHex(r1.data)).toBe('60145F01');

    expect(bytesToHex(sm.wrap(0x00, 0xb0, 0x00, 0x04, undefined, 0x12))).toBe(
      '0CB000040D9701128E082EA28A70F3C7B53500',
    );
    const r2 = sm.unwrap(
      H('871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08C8B2787EAEA07D749000'),
    );
    expect(bytesToHex(r2.data)).toBe('04303130365F36063034303030305C026175');
    expect(bytesToHex(sm.sendSequenceCounter)).toBe('887022120C06C22C');
    expect(sm.broken).toBe(false);
  });

  it('rejects a response whose MAC was tampered with and marks the session broken', () => {
    const sm = new SecureMessaging(cipher, H('887022120C06C226'));
    sm.wrap(0x00, 0xa4, 0x02, 0x0c, H('011E'));
    expect(() => sm.unwrap(H('990290008E08FA855A5D4C50A8EE9000'))).toThrow(expect.objectContaining({ code: 'protocol' }));
    expect(sm.broken).toBe(true);
  });
});
