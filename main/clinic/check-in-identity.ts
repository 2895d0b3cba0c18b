// Who is checking in, from whatever the patient brought: the chip (a card read made moments ago), the CCCD's QR, the
// paper BHYT card's QR, or an ID, name and birth typed by reception. Pure but for the recent reads it is handed.
import { z } from 'zod';
import type { checkInIdentitySchema } from '../../shared/contract/clinic';
import { insuranceKeyOf } from '../../shared/clinic/bhyt-card-code';
import { classifyScan } from '../../shared/clinic/scanned-text';
import { AppError } from '../core/errors';
import type { CardReadResult } from '../card/read-card';

export interface CheckInPerson {
  identifiedBy: 'chip' | 'cccd-qr' | 'bhyt-qr' | 'typed';
  idNumber: string | null;
  fullName: string | null;
  birth: string | null;
  sex: 'M' | 'F' | null;
  cardCode: string | null;
  /** What the gateway is asked with: the card code when we have it, else the mã số BHXH or the CCCD number. */
  lookupKey: string | null;
}

type Identity = z.infer<typeof checkInIdentitySchema>;

const isoOrNull = (s: string | null) => (s && /^\d{4}(-\d{2}-\d{2})?$/.test(s) ? s : null);

/** The patient as the chip states them. */
export function chipPerson(p: CardReadResult['person']): CheckInPerson {
  return { identifiedBy: 'chip', idNumber: p.idNumber, fullName: p.fullName, birth: isoOrNull(p.birth), sex: p.sex, cardCode: null, lookupKey: p.idNumber };
}

export function checkInPerson(identity: Identity, cardRead: (readId: string) => CardReadResult): CheckInPerson {
  if ('readId' in identity) return chipPerson(cardRead(identity.readId).person);
  if ('qr' in identity) {
    const scan = classifyScan(identity.qr);
    if (scan.kind === 'cccd') {
      const q = scan.qr;
      return { identifiedBy: 'cccd-qr', idNumber: q.idNumber, fullName: q.fullName, birth: q.birth, sex: q.sex, cardCode: null, lookupKey: q.idNumber };
    }
    if (scan.kind === 'bhyt') {
      const q = scan.qr;
      return { identifiedBy: 'bhyt-qr', idNumber: null, fullName: q.fullName, birth: q.birth, sex: q.sex, cardCode: q.cardCode, lookupKey: q.cardCode };
    }
    throw new AppError('qr-not-a-card', 'Mã QR này không phải của thẻ căn cước hay thẻ BHYT. Hãy quét mã QR trên thẻ, hoặc đặt thẻ lên đầu đọc.',
      'This QR code is not from an ID card or a health-insurance card.');
  }
  const key = insuranceKeyOf(identity.idNumber);
  if (!key) {
    throw new AppError('bad-id', 'Số giấy tờ phải là số CCCD (12 chữ số), mã thẻ BHYT (15 ký tự) hoặc mã số BHXH (10 chữ số).',
      'Give a 12-digit ID number, a 15-character BHYT card code or a 10-digit social-insurance number.');
  }
  return {
    identifiedBy: 'typed',
    idNumber: key.kind === 'id-number' ? key.value : null,
    fullName: identity.fullName.normalize('NFC').replace(/\s+/g, ' ').trim(),
    birth: identity.birth,
    sex: identity.sex ?? null,
    cardCode: key.kind === 'card-code' ? key.value : null,
    lookupKey: key.value,
  };
}
