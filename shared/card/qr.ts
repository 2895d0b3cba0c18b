// The QR code on the front of the card: `ID|old CMND|full name|DDMMYYYY|sex|address|issue DDMMYYYY`.
// Parsed tolerantly (fields may be empty, newer cards may add or move some); the raw text is always kept.

export interface CccdQr {
  raw: string;
  idNumber: string;
  oldIdNumber: string | null;
  fullName: string | null;
  /** ISO date, or null when missing or not a date. */
  birth: string | null;
  sex: 'M' | 'F' | null;
  permanentAddress: string | null;
  issueDate: string | null;
  /** Fields after the seventh, as written. */
  extraFields: string[];
}

export function ddmmyyyyToIso(text: string): string | null {
  const t = text.trim();
  const m = /^(\d{2})\/?(\d{2})\/?(\d{4})$/.exec(t);
  if (!m) return null;
  const [, d, mo, y] = m;
  const day = Number(d);
  const month = Number(mo);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${y}-${mo}-${d}`;
}

function sexOf(text: string): 'M' | 'F' | null {
  const folded = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
  if (folded === 'nam') return 'M';
  if (folded === 'nu' || folded === 'nư') return 'F';
  return null;
}

function textOrNull(s: string | undefined): string | null {
  const t = (s ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
}

/** Null when the text is not a chip ID card's QR (its first field must be a 12-digit ID). */
export function parseCccdQr(text: string): CccdQr | null {
  const raw = text.replace(/^\uFEFF/, '').replace(/[\r\n]+$/g, '');
  const fields = raw.split('|');
  const idNumber = (fields[0] ?? '').replace(/\s/g, '');
  if (!/^\d{12}$/.test(idNumber)) return null;
  const old = (fields[1] ?? '').replace(/\s/g, '');
  return {
    raw,
    idNumber,
    oldIdNumber: /^\d{9}$|^\d{12}$/.test(old) ? old : null,
    fullName: textOrNull(fields[2]),
    birth: ddmmyyyyToIso(fields[3] ?? ''),
    sex: sexOf(fields[4] ?? ''),
    permanentAddress: textOrNull(fields[5]),
    issueDate: ddmmyyyyToIso(fields[6] ?? ''),
    extraFields: fields.slice(7),
  };
}
