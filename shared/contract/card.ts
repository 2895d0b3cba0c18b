import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** How to open the chip: the CAN (last 6 digits of the ID, or from the QR), the MRZ, or ID + birth + expiry (BAC). */
export const cardAccessSchema = z.union([
  z.object({ can: z.string().regex(/^\d{6}$/) }).strict(),
  z.object({ mrz: z.string().min(30).max(100) }).strict(),
  z.object({ idNumber: z.string().regex(/^\d{12}$/), birth: isoDate, expiry: isoDate }).strict(),
]);

export const cardPersonSchema = z.object({
  idNumber: z.string().nullable(),
  oldIdNumber: z.string().nullable(),
  fullName: z.string().nullable(),
  /** ISO when the chip's DD/MM/YYYY parses; otherwise the text as written on the chip. */
  birth: z.string().nullable(),
  sex: z.enum(['M', 'F']).nullable(),
  nationality: z.string().nullable(),
  ethnicity: z.string().nullable(),
  religion: z.string().nullable(),
  hometown: z.string().nullable(),
  permanentAddress: z.string().nullable(),
  identifyingMarks: z.string().nullable(),
  issueDate: z.string().nullable(),
  expiryDate: z.string().nullable(),
  father: z.string().nullable(),
  mother: z.string().nullable(),
  spouse: z.string().nullable(),
});
export type CardPerson = z.infer<typeof cardPersonSchema>;

export const cardTrustSchema = z.object({
  hashes: z.record(z.string(), z.enum(['valid', 'invalid'])),
  signature: z.enum(['valid', 'invalid', 'absent']),
  chain: z.enum(['valid', 'invalid', 'unknown']),
  activeAuthentication: z.enum(['valid', 'invalid', 'not-supported']),
  chipAuthentication: z.enum(['valid', 'invalid', 'not-supported']),
});

export const cardReadInput = z.object({
  reader: z.string().max(200).optional(),
  access: cardAccessSchema,
  /** Why the card is read, for the audit trail; 'cli': `ansinh card read`. */
  purpose: z.enum(['verify', 'new-record', 'clinic-check-in', 'cli']),
  /**
   * Answer once the identity is read and checked, before the photo (seconds on a chip that answers only short
   * APDUs); the photo follows through `card.photo`.
   */
  photoLater: z.boolean().optional(),
}).strict();

export const cardReadOutput = z.object({
  readId: z.string(),
  access: z.enum(['PACE-CAN', 'PACE-MRZ', 'BAC']),
  person: cardPersonSchema,
  trust: cardTrustSchema,
  /** The chip's MRZ (DG1) and the size of each data group read, as `ansinh card read --json` prints them. */
  mrz: z.string(),
  files: z.record(z.string(), z.object({ bytes: z.number().int() })),
  /** true only if every data-group hash and the SOD signature are valid. */
  verified: z.boolean(),
  /** The face image as a data: URL, shown on screen; stored only if the clerk saves it. */
  photo: z.string().nullable(),
  /** The photo is still being read: `card.photo` gives it. */
  photoPending: z.boolean().optional(),
});
export type CardReadOutput = z.infer<typeof cardReadOutput>;

export const cardPhotoInput = z.object({ readId: z.string() }).strict();
export const cardPhotoOutput = z.object({
  photo: z.string().nullable(),
  trust: cardTrustSchema,
  verified: z.boolean(),
  /** Why the photo could not be read (the card pulled out…); null when it was, or the chip has none. */
  failure: z.object({ code: z.string(), message: z.string(), messageEn: z.string() }).nullable(),
});

export const cardReaderStatusSchema = z.object({
  availability: z.enum(['starting', 'ready', 'no-driver', 'no-service', 'closed']),
  readers: z.array(z.object({ name: z.string(), cardPresent: z.boolean(), contactless: z.boolean() })),
});
