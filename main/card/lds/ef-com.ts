// EF.COM: LDS version and the list of data groups present (by their tags).
import { CardError } from '../card-channel';
import { findChild, readSingleTlv, tlvValue } from '../protocol/tlv';

const DG_BY_TAG: Record<number, number> = {
  0x61: 1, 0x75: 2, 0x63: 3, 0x76: 4, 0x65: 5, 0x66: 6, 0x67: 7, 0x68: 8,
  0x69: 9, 0x6a: 10, 0x6b: 11, 0x6c: 12, 0x6d: 13, 0x6e: 14, 0x6f: 15, 0x70: 16,
};

export interface EfCom {
  ldsVersion: string | undefined;
  dataGroups: number[];
}

export function parseEfCom(bytes: Uint8Array): EfCom {
  const root = readSingleTlv(bytes, 0x60);
  const list = findChild(root, 0x5c);
  if (!list) throw new CardError('malformed', 'EF.COM has no tag list');
  const version = findChild(root, 0x5f01);
  const dataGroups: number[] = [];
  for (const tag of tlvValue(list)) {
    const dg = DG_BY_TAG[tag];
    if (dg !== undefined && !dataGroups.includes(dg)) dataGroups.push(dg);
  }
  return {
    ldsVersion: version ? new TextDecoder('latin1').decode(tlvValue(version)) : undefined,
    dataGroups: dataGroups.sort((a, b) => a - b),
  };
}
