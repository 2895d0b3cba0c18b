// DG13 of the Vietnamese ID card: DER, keyed by field number (see the field table in the card design notes).
// Parsed as a tree, never by byte prefixes: long addresses use long-form lengths, fields may be absent or nested.
import { CardError } from '../card-channel';
import type { CardPerson } from '../../../shared/contract/card';
import { readSingleTlv, tlvChildren, tlvValue, type Tlv } from '../protocol/tlv';

/** DG13's fields; the old ID (field 15) stays raw in otherFields, its meaning being unconfirmed. */
export type Dg13 = Omit<CardPerson, 'oldIdNumber'> & {
  /** Field 15 (old ID / other document) and 16 and any unknown field, as written. */
  otherFields: Record<string, string[]>;
};

const STRING_TAGS = new Set([0x0c, 0x13, 0x16, 0x14, 0x1a, 0x1e, 0x04]);
const utf8 = new TextDecoder('utf-8');

function decodeString(t: Tlv): string {
  const v = tlvValue(t);
  if (t.tag === 0x1e) {
    let s = '';
    for (let i = 0; i + 1 < v.length; i += 2) s += String.fromCharCode((v[i]! << 8) | v[i + 1]!);
    return s;
  }
  return utf8.decode(v);
}

function stringLeaves(node: Tlv, out: string[]): void {
  if (STRING_TAGS.has(node.tag) && !node.constructed) {
    const s = decodeString(node).normalize('NFC').trim();
    if (s !== '') out.push(s);
    return;
  }
  if (node.constructed) for (const c of tlvChildren(node)) stringLeaves(c, out);
}

/** DD/MM/YYYY (also D/M/YYYY, dots or dashes) to YYYY-MM-DD; otherwise the text itself. */
export function vietnameseDateToIso(text: string): string {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!m) {
    return /^\d{4}$/.test(text.trim()) ? text.trim() : text;
  }
  const [, d, mo, y] = m;
  const day = Number(d);
  const month = Number(mo);
  if (month < 1 || month > 12 || day < 1 || day > 31) return text;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function sexOf(text: string | undefined): 'M' | 'F' | null {
  if (!text) return null;
  const folded = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
  if (folded === 'nam' || folded === 'male' || folded === 'm') return 'M';
  if (folded === 'nu' || folded === 'female' || folded === 'f') return 'F';
  return null;
}

function fieldItems(root: Tlv): Tlv[] {
  // 6D { SEQUENCE { INTEGER version, OID, SET { SEQUENCE {INTEGER n, ...} ... } } }, tolerating the fields being
  // listed directly in the outer SEQUENCE instead of inside the SET.
  const [body] = tlvChildren(root);
  if (!body || body.tag !== 0x30) throw new CardError('malformed', 'DG13 has no body SEQUENCE');
  const items: Tlv[] = [];
  for (const child of tlvChildren(body)) {
    if (child.tag === 0x31) items.push(...tlvChildren(child));
    else if (child.tag === 0x30) items.push(child);
  }
  return items;
}

export function parseDg13(bytes: Uint8Array): Dg13 {
  const root = readSingleTlv(bytes, 0x6d);
  const fields = new Map<number, string[]>();
  for (const item of fieldItems(root)) {
    if (item.tag !== 0x30) continue;
    const [numberTlv, ...values] = tlvChildren(item);
    if (!numberTlv || numberTlv.tag !== 0x02) continue;
    const v = tlvValue(numberTlv);
    if (v.length !== 1) continue;
    const leaves: string[] = [];
    for (const value of values) stringLeaves(value, leaves);
    fields.set(v[0]!, [...(fields.get(v[0]!) ?? []), ...leaves]);
  }
  const first = (n: number): string | null => fields.get(n)?.[0] ?? null;
  const date = (n: number): string | null => {
    const t = first(n);
    return t === null ? null : vietnameseDateToIso(t);
  };
  const parents = fields.get(13) ?? [];
  const otherFields: Record<string, string[]> = {};
  for (const [n, values] of fields) if (n > 14 || n < 1) otherFields[String(n)] = values;
  return {
    idNumber: first(1),
    fullName: first(2),
    birth: date(3),
    sex: sexOf(first(4) ?? undefined),
    nationality: first(5),
    ethnicity: first(6),
    religion: first(7),
    hometown: first(8),
    permanentAddress: first(9),
    identifyingMarks: first(10),
    issueDate: date(11),
    expiryDate: date(12),
    father: parents[0] ?? null,
    mother: parents[1] ?? null,
    spouse: first(14),
    otherFields,
  };
}
