// The QR code of the old paper BHYT card: `|`-separated, name and address as hex of their UTF-8 bytes, ending in `$`:
//   card code | name (hex) | birth dd/MM/yyyy or yyyy | sex 1 = Nam, 2 = Nữ | address (hex) | facility "01 - 054" |
//   valid from | valid to | issue date | mã số BHXH | … | five-year date | checksum | $
// Issuers differ (some write the name in clear, leave fields empty, add or drop trailing ones): parse tolerantly,
// by what each field looks like, and keep the raw text.
import { parseBhytCardCode } from './bhyt-card-code';
import { gatewayDateToIso } from './insurance-dates';
import { normaliseFacilityCode } from './initial-facility';

export interface BhytQr {
  raw: string;
  cardCode: string;
  fullName: string | null;
  birth: string | null;
  sex: 'M' | 'F' | null;
  address: string | null;
  initialFacility: string | null;
  validFrom: string | null;
  validTo: string | null;
  fiveYearsFrom: string | null;
}

/** The text a field holds: hex-encoded UTF-8 when it is even-length hex that decodes cleanly, else the field as written. */
export function hexUtf8OrText(field: string | undefined): string | null {
  const f = (field ?? '').trim();
  if (f === '' || f === '-') return null;
  if (/^(?:[0-9a-fA-F]{2})+$/.test(f) && f.length >= 4) {
    const bytes = new Uint8Array(f.length / 2);
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(f.slice(i * 2, i * 2 + 2), 16);
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).normalize('NFC').replace(/\s+/g, ' ').trim();
      // Decoded text must read as text (letters, not control bytes); a name of pure digits would not be hex-encoded.
      if (text && !/[\u0000-\u001f\u007f]/.test(text) && /\p{L}/u.test(text)) return text;
    } catch {
      // not UTF-8: the field is written in clear
    }
  }
  return f.normalize('NFC').replace(/\s+/g, ' ');
}

function sexOf(text: string | undefined): 'M' | 'F' | null {
  const t = (text ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase();
  if (t === '1' || t === 'nam') return 'M';
  if (t === '2' || t === '0' || t === 'nu') return 'F';
  return null;
}

/** Null when the text is not a paper BHYT card's QR (its first field must be a card code). */
export function parseBhytQr(text: string): BhytQr | null {
  const raw = text.replace(/^\uFEFF/, '').replace(/[\r\n]+$/g, '').trim();
  const fields = raw.replace(/\|?\$$/, '').split('|');
  const card = parseBhytCardCode(fields[0] ?? '');
  if (!card || fields.length < 3) return null;
  const dates = fields.slice(6).map((f) => gatewayDateToIso(f)).map((d) => (d && d.length === 10 ? d : null));
  return {
    raw,
    cardCode: card.code,
    fullName: hexUtf8OrText(fields[1]),
    birth: gatewayDateToIso(fields[2]),
    sex: sexOf(fields[3]),
    address: hexUtf8OrText(fields[4]),
    initialFacility: normaliseFacilityCode(fields[5]),
    validFrom: dates[0] ?? null,
    validTo: dates[1] ?? null,
    // After the issue date and the social-insurance / household numbers: the first date from the 13th field on.
    fiveYearsFrom: fields.slice(12).map((f) => gatewayDateToIso(f)).find((d) => d !== null && d.length === 10) ?? null,
  };
}
