// 61xx / 6Cxx handling against the small file card, called directly (no reader in between).
import { describe, expect, it } from 'vitest';
import { ChainingError, transmitWithChaining } from '../../../../main/card/pcsc/response-chaining';
import { FILE_CARD_INS, FileCard } from '../../../card/vpcd/file-card';

function cardTransport() {
  const card = new FileCard(new Map());
  card.powerOn();
  const sent: string[] = [];
  const raw = async (apdu: Uint8Array) => {
    sent.push(Buffer.from(apdu).toString('hex'));
    return card.process(apdu);
  };
  return { raw, sent };
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('transmitWithChaining', () => {
  it('collects a 61xx response with GET RESPONSE rounds into one response', async () => {
    const { raw, sent } = cardTransport();
    const unit = Uint8Array.from({ length: 150 }, (_, i) => i);
    const response = await transmitWithChaining(raw, Uint8Array.of(0x80, FILE_CARD_INS.chainedEcho, 4, 0, 150, ...unit));
    expect(hex(response)).toBe(hex(unit).repeat(4) + '9000');
    // 600 bytes: the command, then GET RESPONSE for 256 (61 00), 256, and the last 88.
    expect(sent.slice(1)).toEqual(['00c0000000', '00c0000000', '00c0000058']);
  });

  it('resends with the Le the card asks for on 6Cxx (case 2 and case 4 commands)', async () => {
    const { raw, sent } = cardTransport();
    const response = await transmitWithChaining(raw, Uint8Array.of(0x80, FILE_CARD_INS.exactLeEcho, 0, 0, 2, 7, 9, 0x00));
    expect(hex(response)).toBe('07099000');
    expect(sent).toEqual(['801400000207090' + '0', '8014000002070902']);
  });

  it('passes every other status word through untouched', async () => {
    const { raw, sent } = cardTransport();
    expect(hex(await transmitWithChaining(raw, Uint8Array.of(0x00, 0xa4, 0x02, 0x0c, 0x02, 0x01, 0x1e)))).toBe('6a82');
    expect(sent).toHaveLength(1);
  });

  it('gives up on a card that answers 61xx forever', async () => {
    const endless = async () => Uint8Array.of(0x01, 0x61, 0x01);
    await expect(transmitWithChaining(endless, Uint8Array.of(0, 0xb0, 0, 0, 1))).rejects.toBeInstanceOf(ChainingError);
  });

  it('returns an empty response as is, for the channel to classify', async () => {
    const empty = async () => new Uint8Array(0);
    expect((await transmitWithChaining(empty, Uint8Array.of(0, 0xb0, 0, 0, 1))).length).toBe(0);
  });
});
