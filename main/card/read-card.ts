// Reads a Vietnamese chip ID card end to end: access control (PACE with the CAN or MRZ, BAC as fallback), the
// files, chip and active authentication, passive authentication. Returns the whole person or throws a CardError;
// never a partial person.
import { CardError, type CardChannel } from './card-channel';
import { parseDg1, parseMrz, type Mrz } from './lds/dg1';
import { parseDg13, type Dg13 } from './lds/dg13';
import type { CardPerson } from '../../shared/contract/card';
import { parseDg2, type FaceImage } from './lds/dg2';
import { parseEfCom } from './lds/ef-com';
import { parseDg15, type PublicKeyInfo } from './lds/public-key';
import { parseCardAccess, parseDg14, type SecurityInfos } from './lds/security-infos';
import { checkChain, dataGroupHashMatches, parseSod, type Sod } from './lds/sod';
import { performActiveAuthentication } from './protocol/active-authentication';
import { commandApdu, splitResponse, SW_END_OF_FILE, SW_OK } from './protocol/apdu';
import { performBac } from './protocol/bac';
import { ChipAuthenticationUnsupported, performChipAuthentication } from './protocol/chip-authentication';
import { ChipSession } from './protocol/chip-session';
import { DEFAULT_CHUNK, FileReader } from './protocol/file-reader';
import type { MrzKey } from './protocol/mrz-keys';
import { isSupportedPace, performPace, type PaceInfo, type PacePassword } from './protocol/pace';
import { readTlv, readTlvHeader, tlvChildren, tlvValue, type Tlv } from './protocol/tlv';

export const EMRTD_AID = Uint8Array.of(0xa0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01);
const FID = { cardAccess: 0x011c, com: 0x011e, sod: 0x011d } as const;
const dgFid = (dg: number) => 0x0100 + dg;
/** Data groups this product reads; DG3 (fingerprints) needs terminal authentication and is left alone. */
const WANTED_DGS = [1, 2, 13, 14, 15];

export type CardAccessKey = { can: string } | { mrz: string } | { idNumber: string; birth: string; expiry: string };

export interface ReadCardOptions {
  /** Country signing certificates (DER) imported by the administrator. */
  cscaCertificates?: readonly Uint8Array[];
  readPhoto?: boolean;
  activeAuthentication?: boolean;
  chipAuthentication?: boolean;
  /** Per APDU; a card that does not answer in time fails the read with 'timeout'. */
  apduTimeoutMs?: number;
  /** Whole read. */
  totalTimeoutMs?: number;
  /** READ BINARY chunk, 223 unless a reader needs less. */
  chunk?: number;
  /**
   * Extended-length reads when the chip announces them in EF.ATR/INFO and the reader has not refused them (default
   * true): the photo in one or two APDUs instead of about ninety.
   */
  extendedLength?: boolean;
  /**
   * Called once the identity files (DG1, DG13) are read, before the photo: the person as the chip states it, not yet
   * checked against the SOD (the read's result says whether it is). Lets a caller start work that needs only the
   * identity, such as the insurance lookup, while the photo is still being read. An error it throws is ignored.
   */
  onIdentity?: (person: CardPerson) => void;
  /**
   * Called once everything but the photo is read and checked, with that result (photo null, its hash not yet in the
   * trust): a chip that answers only short APDUs takes seconds more for the photo alone, and reception need not wait
   * for it. The read goes on with the photo and returns the whole result. Not called when there is no photo to read.
   */
  onVerified?: (result: CardReadResult) => void;
}

/** The person as the chip states it: one type with the contract's `card.read` answer. */
export type { CardPerson };

export type HashResult = 'valid' | 'invalid';

export interface CardTrust {
  hashes: Record<string, HashResult>;
  signature: 'valid' | 'invalid' | 'absent';
  chain: 'valid' | 'invalid' | 'unknown';
  activeAuthentication: 'valid' | 'invalid' | 'not-supported';
  chipAuthentication: 'valid' | 'invalid' | 'not-supported';
}

export interface CardReadStats {
  apdus: number;
  bytesSent: number;
  bytesReceived: number;
  /** Time spent waiting on the reader and card. */
  cardMs: number;
  totalMs: number;
}

export interface CardReadResult {
  access: 'PACE-CAN' | 'PACE-MRZ' | 'BAC';
  person: CardPerson;
  /** Where the person's fields come from: DG13 (full, with diacritics) or only the MRZ. */
  personSource: 'DG13' | 'MRZ';
  mrz: string;
  files: Record<string, { bytes: number }>;
  trust: CardTrust;
  verified: boolean;
  photo: FaceImage | null;
  /** DG13 fields 15, 16 and unknown ones, as written on the chip. */
  otherFields: Record<string, string[]>;
  stats: CardReadStats;
}

/** The `ansinh card read --json` document (cli.md). */
export function cardReadJson(result: CardReadResult) {
  const { access, person, mrz, files, trust, verified } = result;
  return { access, person, mrz, files, trust, verified };
}

function timedChannel(inner: CardChannel, stats: CardReadStats, apduTimeoutMs: number, deadline: number): CardChannel {
  return {
    async transmit(apdu) {
      const remaining = deadline - performance.now();
      if (remaining <= 0) throw new CardError('timeout', 'whole read took too long');
      const limit = Math.min(apduTimeoutMs, remaining);
      const started = performance.now();
      let timer: NodeJS.Timeout | undefined;
      try {
        const response = await Promise.race([
          inner.transmit(apdu),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new CardError('timeout', `no answer in ${Math.round(limit)} ms`)), limit);
          }),
        ]);
        stats.apdus++;
        stats.bytesSent += apdu.length;
        stats.bytesReceived += response.length;
        return response;
      } catch (error) {
        if (error instanceof CardError) throw error;
        throw new CardError('io', error instanceof Error ? error.message : String(error), { cause: error });
      } finally {
        clearTimeout(timer);
        stats.cardMs += performance.now() - started;
      }
    },
  };
}

/** YYYY-MM-DD, DD/MM/YYYY, DDMMYYYY or YYMMDD to the MRZ's YYMMDD. */
export function toMrzDate(text: string): string {
  const t = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return m[1]!.slice(2) + m[2] + m[3];
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return m[3]!.slice(2) + m[2]!.padStart(2, '0') + m[1]!.padStart(2, '0');
  if (/^\d{8}$/.test(t)) return t.slice(6, 8) + t.slice(2, 4) + t.slice(0, 2);
  if (/^\d{6}$/.test(t)) return t;
  throw new CardError('auth-failed', 'date not understood for the MRZ key');
}

function mrzKeyOf(access: CardAccessKey): MrzKey | null {
  if ('can' in access) return null;
  if ('mrz' in access) {
    let raw = access.mrz.replace(/[\r\n ]/g, '').toUpperCase();
    if (raw.length === 60) raw = raw.padEnd(90, '<');
    let mrz: Mrz;
    try {
      mrz = parseMrz(raw);
    } catch (error) {
      throw new CardError('auth-failed', 'MRZ text not understood', { cause: error });
    }
    return { documentNumber: mrz.documentNumber, birth: mrz.birth, expiry: mrz.expiry };
  }
  const id = access.idNumber.replace(/\D/g, '');
  if (id.length !== 12) throw new CardError('auth-failed', 'ID number must have 12 digits');
  return { documentNumber: id.slice(3), birth: toMrzDate(access.birth), expiry: toMrzDate(access.expiry) };
}

/** Plain bytes per extended READ BINARY at most: 16 KB takes about 1.3 s at 106 kbit/s, well within an APDU's timeout. */
const EXTENDED_CHUNK_CAP = 16_384;
/** A protected answer of n bytes is at most n + 38 bytes with its SW (DO'87' header and padding, DO'99', DO'8E'). */
const SM_RESPONSE_OVERHEAD = 40;

/**
 * The plain bytes one extended READ BINARY may ask for, from EF.ATR/INFO's extended length information (DO 7F66:
 * the largest command and response APDUs), or 0 when the chip does not announce extended length.
 */
async function readExtendedChunk(session: ChipSession): Promise<number> {
  try {
    // READ BINARY with the short file identifier 01: EF.ATR/INFO in the master file.
    const r = splitResponse(await session.channel.transmit(commandApdu(0x00, 0xb0, 0x81, 0x00, undefined, 256)));
    if ((r.sw !== SW_OK && r.sw !== SW_END_OF_FILE) || r.data.length === 0) return 0;
    // Data objects one after another, maybe followed by padding: take 7F66 if it comes before anything unreadable.
    let info: Tlv | undefined;
    for (let p = 0; p < r.data.length && !info; ) {
      const t = readTlv(r.data, p);
      if (t.tag === 0x7f66) info = t;
      p = t.end;
    }
    if (!info) return 0;
    const [, response] = tlvChildren(info).filter((t) => t.tag === 0x02).map((t) => tlvValue(t).reduce((n, b) => n * 256 + b, 0));
    if (response === undefined) return 0;
    const chunk = Math.min(EXTENDED_CHUNK_CAP, response - SM_RESPONSE_OVERHEAD);
    return chunk > DEFAULT_CHUNK ? chunk : 0;
  } catch (error) {
    if (error instanceof CardError && (error.code === 'removed' || error.code === 'timeout')) throw error;
    return 0;
  }
}

async function readCardAccess(session: ChipSession): Promise<SecurityInfos | null> {
  try {
    // READ BINARY with the short file identifier 1C: select and read in one APDU.
    const r = splitResponse(await session.channel.transmit(commandApdu(0x00, 0xb0, 0x9c, 0x00, undefined, 256)));
    if ((r.sw === SW_OK || r.sw === SW_END_OF_FILE) && r.data.length > 0) {
      const h = readTlvHeader(r.data);
      if (h.headerLength + h.valueLength <= r.data.length) return parseCardAccess(r.data.subarray(0, h.headerLength + h.valueLength));
    }
  } catch (error) {
    if (error instanceof CardError && (error.code === 'removed' || error.code === 'timeout')) throw error;
  }
  try {
    return parseCardAccess(await new FileReader(session).readFile(FID.cardAccess));
  } catch (error) {
    if (error instanceof CardError && (error.code === 'removed' || error.code === 'timeout')) throw error;
    return null;
  }
}

function mrzCenturyDate(yymmdd: string, future: boolean): string | null {
  if (!/^\d{6}$/.test(yymmdd)) return null;
  const yy = Number(yymmdd.slice(0, 2));
  const nowYy = new Date().getFullYear() % 100;
  const century = future ? 2000 : yy > nowYy ? 1900 : 2000;
  return `${century + yy}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
}

function personOf(mrz: Mrz, dg13: Dg13 | null): CardPerson {
  if (dg13) {
    const old = dg13.otherFields['15']?.find((v) => /^\d{9}$/.test(v)) ?? null;
    return {
      idNumber: dg13.idNumber ?? mrz.idNumber ?? null,
      oldIdNumber: old,
      fullName: dg13.fullName,
      birth: dg13.birth,
      sex: dg13.sex,
      nationality: dg13.nationality,
      ethnicity: dg13.ethnicity,
      religion: dg13.religion,
      hometown: dg13.hometown,
      permanentAddress: dg13.permanentAddress,
      identifyingMarks: dg13.identifyingMarks,
      issueDate: dg13.issueDate,
      expiryDate: dg13.expiryDate,
      father: dg13.father,
      mother: dg13.mother,
      spouse: dg13.spouse,
    };
  }
  return {
    idNumber: mrz.idNumber ?? null,
    oldIdNumber: null,
    fullName: [mrz.surname, mrz.givenNames].filter(Boolean).join(' ') || null,
    birth: mrzCenturyDate(mrz.birth, false),
    sex: mrz.sex ?? null,
    nationality: mrz.nationality || null,
    ethnicity: null,
    religion: null,
    hometown: null,
    permanentAddress: null,
    identifyingMarks: null,
    issueDate: null,
    expiryDate: mrzCenturyDate(mrz.expiry, true),
    father: null,
    mother: null,
    spouse: null,
  };
}

/** onIdentity with the person of the files read so far; files it cannot parse now fail the read later, not here. */
function tellIdentity(content: Map<number, Uint8Array>, onIdentity: (person: CardPerson) => void): void {
  const dg1 = content.get(1);
  if (!dg1) return;
  try {
    onIdentity(personOf(parseDg1(dg1), content.has(13) ? parseDg13(content.get(13)!) : null));
  } catch {
    // the read goes on; its own parse reports a bad file
  }
}

function isFatal(error: unknown): boolean {
  return error instanceof CardError && (error.code === 'removed' || error.code === 'timeout');
}

export async function readCard(channel: CardChannel, access: CardAccessKey, options: ReadCardOptions = {}): Promise<CardReadResult> {
  const started = performance.now();
  const stats: CardReadStats = { apdus: 0, bytesSent: 0, bytesReceived: 0, cardMs: 0, totalMs: 0 };
  const deadline = started + (options.totalTimeoutMs ?? 60_000);
  const session = new ChipSession(timedChannel(channel, stats, options.apduTimeoutMs ?? 5_000, deadline));

  const mrzKey = mrzKeyOf(access);
  const cardAccess = await readCardAccess(session);
  const extendedChunk = options.extendedLength !== false && channel.extendedLength !== false ? await readExtendedChunk(session) : 0;
  const reader = new FileReader(session, { chunk: options.chunk, extendedChunk, onExtendedRefused: () => channel.extendedLengthRefused?.() });
  const paceInfo: PaceInfo | undefined = cardAccess?.pace.find(isSupportedPace);

  let accessKind: CardReadResult['access'];
  let establish: () => Promise<void>;
  let reopening = false;
  const selectApplication = async () => {
    let r = await session.send(0x00, 0xa4, 0x04, 0x0c, EMRTD_AID);
    // 6987/6988: the chip was still in a session we had given up; it has left it now.
    if (!session.sm && (r.sw === 0x6987 || r.sw === 0x6988)) r = await session.send(0x00, 0xa4, 0x04, 0x0c, EMRTD_AID);
    if (r.sw !== SW_OK) throw new CardError('protocol', `SELECT eMRTD application: ${r.sw.toString(16)}`);
  };
  const selectMasterFile = async () => {
    for (let i = 0; i < 2; i++) {
      const r = splitResponse(await session.channel.transmit(commandApdu(0x00, 0xa4, 0x00, 0x0c, Uint8Array.of(0x3f, 0x00))));
      if (r.sw === SW_OK) return;
    }
  };
  const viaPace = (password: PacePassword) => async () => {
    session.sm = null;
    // After a broken session start again from the master file, where PACE lives.
    if (reopening) await selectMasterFile();
    session.sm = (await performPace(session.channel, paceInfo!, password)).sm;
    await selectApplication();
  };
  const viaBac = (key: MrzKey) => async () => {
    session.sm = null;
    await selectApplication();
    session.sm = await performBac(session.channel, key);
  };

  if ('can' in access) {
    if (!paceInfo) throw new CardError('auth-failed', 'chip offers no PACE we support; give the MRZ data (BAC)');
    if (!/^\d{6}$/.test(access.can)) throw new CardError('auth-failed', 'CAN must be 6 digits');
    accessKind = 'PACE-CAN';
    establish = viaPace({ kind: 'can', can: access.can });
    await establish();
  } else if (paceInfo) {
    accessKind = 'PACE-MRZ';
    establish = viaPace({ kind: 'mrz', key: mrzKey! });
    try {
      await establish();
    } catch (error) {
      if (isFatal(error) || (error instanceof CardError && error.code === 'auth-failed')) throw error;
      accessKind = 'BAC';
      establish = viaBac(mrzKey!);
      await selectMasterFile();
      await establish();
    }
  } else {
    accessKind = 'BAC';
    establish = viaBac(mrzKey!);
    await establish();
  }

  let chipAuthentication: CardTrust['chipAuthentication'] = 'not-supported';
  let runCa: (() => Promise<void>) | null = null;
  session.reopen = async () => {
    reopening = true;
    try {
      await establish();
      if (chipAuthentication === 'valid' && runCa) await runCa();
    } finally {
      reopening = false;
    }
  };

  const files: Record<string, { bytes: number }> = {};
  const content = new Map<number, Uint8Array>();

  const readOptional = async (dg: number, alreadySelected = false): Promise<Uint8Array | null> => {
    try {
      return await reader.readFile(dgFid(dg), alreadySelected);
    } catch (error) {
      if (error instanceof CardError && (error.code === 'not-found' || error.code === 'access-denied')) return null;
      throw error;
    }
  };

  // Chip authentication first, so that everything after it travels under keys only the real chip can have.
  let caInfos: SecurityInfos | null = null;
  let dg1Preselected = false;
  const dg14 = await readOptional(14);
  if (dg14) {
    content.set(14, dg14);
    caInfos = parseDg14(dg14);
  }
  const caKey = caInfos?.chipAuthenticationKeys.find((k) => k.key.kind === 'ec');
  const caInfo = caInfos?.chipAuthentication.find((i) => caKey?.keyId === undefined || i.keyId === undefined || i.keyId === caKey.keyId);
  runCa = async () => {
    session.sm = await performChipAuthentication(session, caInfo!, caKey!);
  };
  if (options.chipAuthentication !== false && caKey && caInfo) {
    try {
      await runCa!();
      // The first command under the new keys proves the chip holds them.
      await reader.select(dgFid(1));
      dg1Preselected = true;
      chipAuthentication = 'valid';
    } catch (error) {
      if (isFatal(error)) throw error;
      chipAuthentication = error instanceof ChipAuthenticationUnsupported ? 'not-supported' : 'invalid';
      if (session.sm && !session.sm.broken) session.sm.broken = true;
    }
  }
  // The identity (DG1, DG13) first, so that work needing only it can start; then the SOD, whose signed list of data
  // groups says what else there is (EF.COM only when there is no SOD); then the photo (the largest file by far).
  for (const dg of [1, 13]) {
    const bytes = await readOptional(dg, dg === 1 && dg1Preselected && !session.sm?.broken);
    if (bytes) content.set(dg, bytes);
  }
  if (options.onIdentity) tellIdentity(content, options.onIdentity);
  let sod: Sod | null = null;
  let sodBytes: Uint8Array | null = null;
  try {
    sodBytes = await reader.readFile(FID.sod);
  } catch (error) {
    if (!(error instanceof CardError && error.code === 'not-found')) throw error;
  }
  if (sodBytes) {
    files.SOD = { bytes: sodBytes.length };
    sod = parseSod(sodBytes);
  }
  const listed = sod ? new Set(sod.dataGroupHashes.keys()) : new Set(parseEfCom(await reader.readFile(FID.com)).dataGroups);
  const wantPhoto = listed.has(2) && options.readPhoto !== false;
  for (const dg of WANTED_DGS.filter((dg) => !content.has(dg) && dg !== 14 && dg !== 2 && listed.has(dg))) {
    const bytes = dg === 15 ? await readOptional(15) : await reader.readFile(dgFid(dg));
    if (bytes) content.set(dg, bytes);
  }

  const dg1 = content.get(1);
  if (!dg1) throw new CardError('malformed', 'card has no DG1 (MRZ)');
  const mrz = parseDg1(dg1);
  const dg13 = content.has(13) ? parseDg13(content.get(13)!) : null;

  let activeAuthentication: CardTrust['activeAuthentication'] = 'not-supported';
  if (content.has(15) && options.activeAuthentication !== false) {
    const key: PublicKeyInfo = parseDg15(content.get(15)!);
    activeAuthentication = await performActiveAuthentication(session, key, caInfos?.activeAuthenticationAlgorithm);
  }

  const assemble = (): CardReadResult => {
    const photo = content.has(2) ? parseDg2(content.get(2)!) : null;
    const hashes: Record<string, HashResult> = {};
    for (const [dg, bytes] of [...content.entries()].sort((a, b) => a[0] - b[0])) {
      files[`DG${dg}`] = { bytes: bytes.length };
      hashes[`DG${dg}`] = sod && dataGroupHashMatches(sod, dg, bytes) ? 'valid' : 'invalid';
    }
    const signature = sod?.signature ?? 'absent';
    const trust: CardTrust = {
      hashes,
      signature,
      chain: sod ? checkChain(sod.signer, options.cscaCertificates ?? []) : options.cscaCertificates?.length ? 'invalid' : 'unknown',
      activeAuthentication,
      chipAuthentication,
    };
    // Verified is the whole chain of trust: every data group matches its hash in the SOD, the SOD's signature is
    // valid, and its signer chains to an imported country signing certificate (CSCA). A valid signature by a
    // signer no CSCA vouches for proves only that someone signed: "chữ ký hợp lệ, chưa kiểm tra được cơ quan cấp".
    const verified = trust.chain === 'valid' && signature === 'valid' && Object.values(hashes).length > 0 && Object.values(hashes).every((h) => h === 'valid');
    stats.totalMs = performance.now() - started;
    return {
      access: accessKind,
      person: personOf(mrz, dg13),
      personSource: dg13 ? 'DG13' : 'MRZ',
      mrz: mrz.raw,
      files: { ...files },
      trust,
      verified,
      photo,
      otherFields: dg13?.otherFields ?? {},
      stats: { ...stats },
    };
  };
  if (!wantPhoto) return assemble();
  if (options.onVerified) {
    try {
      options.onVerified(assemble());
    } catch {
      // the caller's trouble; the read goes on
    }
  }
  content.set(2, await reader.readFile(dgFid(2)));
  return assemble();
}
