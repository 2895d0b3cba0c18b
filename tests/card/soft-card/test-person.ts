// The person a soft card carries, and the files of an eMRTD built from it (DG1 TD1 MRZ, DG2 face, DG13, EF.COM).
import { mrzCheckDigit } from '../../../main/card/protocol/mrz-keys';
import { der } from './der-writer';

export interface TestPerson {
  idNumber: string;
  oldIdNumber: string | null;
  fullName: string;
  mrzName: string; // SURNAME<<GIVEN<NAMES
  birth: string; // DD/MM/YYYY
  sex: 'Nam' | 'Nữ';
  nationality: string;
  ethnicity: string;
  religion: string;
  hometown: string;
  permanentAddress: string;
  identifyingMarks: string;
  issueDate: string;
  expiry: string; // DD/MM/YYYY
  father: string;
  mother: string;
  spouse: string | null;
  field16: string | null;
}

export const SAMPLE_PERSON: TestPerson = {
  idNumber: '001085012345',
  oldIdNumber: '012345678',
  fullName: 'Nguyễn Thị Thu Hương',
  mrzName: 'NGUYEN<<THI<THU<HUONG',
  birth: '07/03/1985',
  sex: 'Nữ',
  nationality: 'Việt Nam',
  ethnicity: 'Kinh',
  religion: 'Không',
  hometown: 'Xã Đông Hưng, Huyện Đông Hưng, Tỉnh Thái Bình',
  // Longer than 127 bytes in UTF-8: needs a long-form DER length.
  permanentAddress:
    'Số nhà 18, Ngõ 112 Đường Nguyễn Khánh Toàn, Tổ dân phố số 7, Phường Quan Hoa, Quận Cầu Giấy, Thành phố Hà Nội, Việt Nam',
  identifyingMarks: 'Nốt ruồi C:1,5cm trên sau cánh mũi phải',
  issueDate: '10/07/2021',
  expiry: '07/03/2045',
  father: 'Nguyễn Văn Hùng',
  mother: 'Trần Thị Lan',
  spouse: null,
  field16: 'A1B2C3D4E5F6G7H8',
};

export function yymmdd(ddmmyyyy: string): string {
  const [d, m, y] = ddmmyyyy.split('/');
  return y!.slice(2) + m + d;
}

export function documentNumberOf(person: TestPerson): string {
  return person.idNumber.slice(3);
}

export function td1Mrz(person: TestPerson): string {
  const doc = documentNumberOf(person);
  const line1 = ('IDVNM' + doc + mrzCheckDigit(doc) + person.idNumber + '<<' + mrzCheckDigit(person.idNumber)).padEnd(30, '<');
  const birth = yymmdd(person.birth);
  const expiry = yymmdd(person.expiry);
  const partial = birth + mrzCheckDigit(birth) + (person.sex === 'Nam' ? 'M' : 'F') + expiry + mrzCheckDigit(expiry) + 'VNM';
  const withFill = partial.padEnd(29, '<');
  const composite = line1.slice(5, 30) + withFill.slice(0, 7) + withFill.slice(8, 15) + withFill.slice(18, 29);
  const line2 = withFill + mrzCheckDigit(composite);
  const line3 = person.mrzName.padEnd(30, '<').slice(0, 30);
  return line1 + line2 + line3;
}

export function buildDg1(person: TestPerson): Uint8Array {
  return der.tlv(0x61, der.tlv(0x5f1f, new TextEncoder().encode(td1Mrz(person))));
}

/** Deterministic bytes that look like a JFIF JPEG of about `size` bytes. */
export function fakeJpeg(size: number, seed = 1): Uint8Array {
  const out = new Uint8Array(size);
  const head = [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
  out.set(head);
  let x = seed >>> 0 || 1;
  for (let i = head.length; i < size - 2; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  out[size - 2] = 0xff;
  out[size - 1] = 0xd9;
  return out;
}

export function buildDg2(jpeg: Uint8Array): Uint8Array {
  // ISO 19794-5 facial record header (format id, version, length, count) then the image; enough for a reader.
  const header = new Uint8Array(46);
  header.set([0x46, 0x41, 0x43, 0x00, 0x30, 0x31, 0x30, 0x00]);
  const total = header.length + jpeg.length;
  header.set([(total >>> 24) & 0xff, (total >>> 16) & 0xff, (total >>> 8) & 0xff, total & 0xff, 0x00, 0x01], 8);
  const bdb = new Uint8Array(total);
  bdb.set(header);
  bdb.set(jpeg, header.length);
  return der.tlv(
    0x75,
    der.tlv(0x7f61, der.tlv(0x02, Uint8Array.of(1)), der.tlv(0x7f60, der.tlv(0xa1, der.tlv(0x80, Uint8Array.of(1, 1))), der.tlv(0x5f2e, bdb))),
  );
}

export interface Dg13Layout {
  /** 'two': 30{02 0D, 30{father}, 30{mother}}; 'one': 30{02 0D, 30{father, mother}}. */
  parents?: 'two' | 'one';
  /** Leave out these field numbers altogether. */
  omit?: number[];
}

export function buildDg13(person: TestPerson, layout: Dg13Layout = {}): Uint8Array {
  const field = (n: number, ...values: Uint8Array[]) => der.seq(der.int(n), ...values);
  const fields: [number, Uint8Array][] = [
    [1, field(1, der.printable(person.idNumber))],
    [2, field(2, der.utf8(person.fullName))],
    [3, field(3, der.printable(person.birth))],
    [4, field(4, der.utf8(person.sex))],
    [5, field(5, der.utf8(person.nationality))],
    [6, field(6, der.utf8(person.ethnicity))],
    [7, field(7, der.utf8(person.religion))],
    [8, field(8, der.utf8(person.hometown))],
    [9, field(9, der.utf8(person.permanentAddress))],
    [10, field(10, der.utf8(person.identifyingMarks))],
    [11, field(11, der.printable(person.issueDate))],
    [12, field(12, der.utf8(person.expiry))],
    [
      13,
      layout.parents === 'one'
        ? field(13, der.seq(der.utf8(person.father), der.utf8(person.mother)))
        : field(13, der.seq(der.utf8(person.father)), der.seq(der.utf8(person.mother))),
    ],
    [14, person.spouse === null ? field(14) : field(14, der.seq(der.utf8(person.spouse)))],
  ];
  if (person.oldIdNumber) fields.push([15, field(15, der.printable(person.oldIdNumber))]);
  if (person.field16) fields.push([16, field(16, der.printable(person.field16))]);
  const kept = fields.filter(([n]) => !(layout.omit ?? []).includes(n)).map(([, f]) => f);
  return der.tlv(0x6d, der.seq(der.int(1), der.oid('1.0.10646.1.0.8'), der.set(...kept)));
}

export function buildEfCom(dataGroupTags: number[]): Uint8Array {
  return der.tlv(
    0x60,
    der.tlv(0x5f01, new TextEncoder().encode('0107')),
    der.tlv(0x5f36, new TextEncoder().encode('040000')),
    der.tlv(0x5c, Uint8Array.from(dataGroupTags)),
  );
}
