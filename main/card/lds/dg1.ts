// DG1: the MRZ. For the Vietnamese ID card a TD1 (3 × 30) whose optional data carries the full 12-digit ID.
import { CardError } from '../card-channel';
import { mrzCheckDigit } from '../protocol/mrz-keys';
import { readSingleTlv, requireChild, tlvValue } from '../protocol/tlv';

export interface Mrz {
  raw: string;
  format: 'TD1' | 'TD3' | 'other';
  documentCode: string;
  issuingState: string;
  documentNumber: string;
  /** The 12-digit ID from TD1 optional data, when present. */
  idNumber: string | undefined;
  birth: string; // YYMMDD
  sex: 'M' | 'F' | undefined;
  expiry: string; // YYMMDD, may hold '<' when the card has none
  nationality: string;
  surname: string;
  givenNames: string;
  checkDigitsValid: boolean;
}

function field(s: string): string {
  return s.replace(/<+$/g, '');
}

function sexOf(c: string): 'M' | 'F' | undefined {
  return c === 'M' ? 'M' : c === 'F' ? 'F' : undefined;
}

function checks(pairs: [string, string][]): boolean {
  return pairs.every(([value, digit]) => {
    try {
      return mrzCheckDigit(value) === digit;
    } catch {
      return false;
    }
  });
}

function names(line: string): { surname: string; givenNames: string } {
  const [surname = '', given = ''] = line.split('<<');
  return { surname: surname.replace(/</g, ' ').trim(), givenNames: given.replace(/</g, ' ').trim() };
}

export function parseMrz(text: string): Mrz {
  const raw = text.replace(/[\r\n ]/g, '').toUpperCase();
  if (raw.length === 90) {
    const l1 = raw.slice(0, 30);
    const l2 = raw.slice(30, 60);
    const l3 = raw.slice(60, 90);
    let documentNumber = l1.slice(5, 14);
    let docCheck = l1[14]!;
    const optional1 = l1.slice(15, 30);
    if (docCheck === '<') {
      // Long document number continues in the optional data, its check digit after it.
      const rest = field(optional1);
      documentNumber += rest.slice(0, -1);
      docCheck = rest.slice(-1);
    }
    const idMatch = /^(\d{12})/.exec(optional1);
    const composite = l1.slice(5, 30) + l2.slice(0, 7) + l2.slice(8, 15) + l2.slice(18, 29);
    return {
      raw,
      format: 'TD1',
      documentCode: field(l1.slice(0, 2)),
      issuingState: field(l1.slice(2, 5)),
      documentNumber: field(documentNumber),
      idNumber: idMatch?.[1],
      birth: l2.slice(0, 6),
      sex: sexOf(l2[7]!),
      expiry: l2.slice(8, 14),
      nationality: field(l2.slice(15, 18)),
      ...names(l3),
      checkDigitsValid: checks([
        [l1.slice(5, 14), l1[14] === '<' ? mrzCheckDigit(l1.slice(5, 14)) : l1[14]!],
        [l2.slice(0, 6), l2[6]!],
        [l2.slice(8, 14), l2[14]!],
        [composite, l2[29]!],
      ]),
    };
  }
  if (raw.length === 88) {
    const l1 = raw.slice(0, 44);
    const l2 = raw.slice(44, 88);
    return {
      raw,
      format: 'TD3',
      documentCode: field(l1.slice(0, 2)),
      issuingState: field(l1.slice(2, 5)),
      documentNumber: field(l2.slice(0, 9)),
      idNumber: undefined,
      birth: l2.slice(13, 19),
      sex: sexOf(l2[20]!),
      expiry: l2.slice(21, 27),
      nationality: field(l2.slice(10, 13)),
      ...names(l1.slice(5)),
      checkDigitsValid: checks([
        [l2.slice(0, 9), l2[9]!],
        [l2.slice(13, 19), l2[19]!],
        [l2.slice(21, 27), l2[27]!],
      ]),
    };
  }
  throw new CardError('malformed', `MRZ of ${raw.length} characters`);
}

export function parseDg1(bytes: Uint8Array): Mrz {
  const root = readSingleTlv(bytes, 0x61);
  const mrz = requireChild(root, 0x5f1f);
  return parseMrz(new TextDecoder('latin1').decode(tlvValue(mrz)));
}
