// SecurityInfos of EF.CardAccess and DG14 (ICAO 9303-11 section 9.2): PACE, Chip Authentication, Active
// Authentication infos; unknown ones are skipped.
import { CardError } from '../card-channel';
import { bytesToBigInt } from '../protocol/octets';
import { decodeOid, OID } from '../protocol/oid';
import type { PaceInfo } from '../protocol/pace';
import { readSingleTlv, tlvChildren, tlvValue, type Tlv } from '../protocol/tlv';
import { parsePublicKeyInfo, type PublicKeyInfo } from './public-key';

export interface ChipAuthenticationInfo {
  protocol: string;
  version: number;
  keyId: number | undefined;
}

export interface ChipAuthenticationPublicKey {
  protocol: string;
  key: PublicKeyInfo;
  keyId: number | undefined;
}

export interface SecurityInfos {
  pace: PaceInfo[];
  chipAuthentication: ChipAuthenticationInfo[];
  chipAuthenticationKeys: ChipAuthenticationPublicKey[];
  /** Signature algorithm OID of an ECDSA Active Authentication key, when announced. */
  activeAuthenticationAlgorithm: string | undefined;
}

function int(t: Tlv | undefined): number | undefined {
  if (!t || t.tag !== 0x02) return undefined;
  const v = tlvValue(t);
  if (v.length > 4) throw new CardError('malformed', 'SecurityInfo integer too large');
  return Number(bytesToBigInt(v));
}

export function parseSecurityInfos(set: Tlv): SecurityInfos {
  if (set.tag !== 0x31) throw new CardError('malformed', 'SecurityInfos is not a SET');
  const out: SecurityInfos = { pace: [], chipAuthentication: [], chipAuthenticationKeys: [], activeAuthenticationAlgorithm: undefined };
  for (const info of tlvChildren(set)) {
    if (info.tag !== 0x30) continue;
    const [protocolTlv, second, third] = tlvChildren(info);
    if (!protocolTlv || protocolTlv.tag !== 0x06) continue;
    const protocol = decodeOid(tlvValue(protocolTlv));
    if (protocol.startsWith(OID.paceDhGm.slice(0, -2) + '.') && protocol.split('.').length === 11) {
      out.pace.push({ protocol, version: int(second) ?? 0, parameterId: int(third) });
    } else if (protocol.startsWith(OID.caEcdh + '.') || protocol.startsWith(OID.caDh + '.')) {
      out.chipAuthentication.push({ protocol, version: int(second) ?? 0, keyId: int(third) });
    } else if (protocol === OID.pkEcdh || protocol === OID.pkDh) {
      if (second?.tag === 0x30) out.chipAuthenticationKeys.push({ protocol, key: parsePublicKeyInfo(second), keyId: int(third) });
    } else if (protocol === OID.activeAuthentication) {
      if (third?.tag === 0x06) out.activeAuthenticationAlgorithm = decodeOid(tlvValue(third));
    }
  }
  return out;
}

export function parseCardAccess(bytes: Uint8Array): SecurityInfos {
  return parseSecurityInfos(readSingleTlv(bytes, 0x31));
}

/** DG14: tag 6E around SecurityInfos. */
export function parseDg14(bytes: Uint8Array): SecurityInfos {
  const outer = readSingleTlv(bytes, 0x6e);
  const [set] = tlvChildren(outer);
  if (!set) throw new CardError('malformed', 'DG14 is empty');
  return parseSecurityInfos(set);
}
