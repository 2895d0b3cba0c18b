import { z } from 'zod';

// Clinic reception: check-in by chip card, CCCD QR, paper BHYT card QR or typed identity; the insurance status from
// the BHXH gateway (or the last known one, marked so); the day's visits.

const isoDateOrYear = z.string().regex(/^\d{4}(-\d{2}-\d{2})?$/);

export const insuranceStatusSchema = z.enum(['valid', 'expired', 'not-found', 'reduced', 'refused', 'unknown']);

/** The insurance status as reception sees it. */
export const insuranceViewSchema = z.object({
  status: insuranceStatusSchema,
  /** accept: use the card; warn: check papers first; refuse: not covered as presented; own-error: our side failed. */
  verdict: z.enum(['accept', 'warn', 'refuse', 'own-error']),
  /** The one plain Vietnamese line. */
  line: z.string(),
  resultCode: z.string().nullable(),
  cardCode: z.string().nullable(),
  benefitLevel: z.number().int().min(1).max(5).nullable(),
  benefitPercent: z.number().int().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  initialFacility: z.string().nullable(),
  initialFacilityName: z.string().nullable(),
  /** true: registered at this clinic; false: elsewhere; null: cannot tell. */
  initialFacilityIsOurs: z.boolean().nullable(),
  fiveYearsFrom: z.string().nullable(),
  newCardCode: z.string().nullable(),
  /** When the gateway gave this status (ms since epoch); null when it never answered. */
  checkedAt: z.number().nullable(),
  /** gateway: answered for this check-in; cache: the last known status, not checked today; null: none known. */
  source: z.enum(['gateway', 'cache']).nullable(),
  /** Still being asked in the background: the screen updates when the gateway answers. */
  pending: z.boolean(),
});
export type InsuranceView = z.infer<typeof insuranceViewSchema>;

export const checkInIdentitySchema = z.union([
  /** A chip read just made with purpose clinic-check-in (card.read). */
  z.object({ readId: z.string().min(1).max(100) }).strict(),
  /** What a keyboard-wedge scanner typed: the CCCD's QR or the paper BHYT card's. */
  z.object({ qr: z.string().min(1).max(2000) }).strict(),
  /** Typed when the patient has nothing: CCCD number (or BHYT card code, or mã số BHXH), name, birth. */
  z.object({
    idNumber: z.string().min(1).max(40),
    fullName: z.string().trim().min(1).max(200),
    birth: isoDateOrYear,
    sex: z.enum(['M', 'F']).nullable().optional(),
  }).strict(),
]);

export const officerSchema = z.object({
  fullName: z.string().trim().min(2).max(200),
  idNumber: z.string().regex(/^\d{12}$/),
});

export const checkInInput = z.object({
  identity: checkInIdentitySchema,
  reason: z.string().trim().max(300).optional(),
  /** For scripts (ansinh clinic check-in --officer-name/--officer-id): else the signed-in officer's own settings. */
  officer: officerSchema.strict().optional(),
}).strict();

export const visitPersonSchema = z.object({
  idNumber: z.string().nullable(),
  fullName: z.string().nullable(),
  birth: z.string().nullable(),
  sex: z.enum(['M', 'F']).nullable(),
  cardCode: z.string().nullable(),
});

export const visitSchema = z.object({
  id: z.string(),
  day: z.string(),
  number: z.number().int(),
  checkedInAt: z.number(),
  reason: z.string().nullable(),
  officerName: z.string().nullable(),
  identifiedBy: z.enum(['chip', 'cccd-qr', 'bhyt-qr', 'typed']),
  person: visitPersonSchema,
  insurance: insuranceViewSchema,
});
export type Visit = z.infer<typeof visitSchema>;

export const visitsInput = z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }).strict();

export const clinicSettingsSchema = z.object({
  endpoint: z.string().nullable(),
  username: z.string().nullable(),
  hasPassword: z.boolean(),
  facilityCode: z.string().nullable(),
  facilityName: z.string().nullable(),
  /** The gateway comes from ANSINH_INSURANCE_* (scripts, tests): what is saved here is not used meanwhile. */
  fromEnvironment: z.boolean(),
});

/** The facility reception works for, as the settings name it: printed at the head of the check-in slip. */
export const clinicFacilitySchema = z.object({ code: z.string().nullable(), name: z.string().nullable() });

export const saveClinicSettingsInput = z.object({
  endpoint: z.string().trim().max(300).url().refine((u) => /^https?:\/\//.test(u), 'http(s)'),
  username: z.string().trim().min(1).max(100),
  /** Omitted: keep the saved password. */
  password: z.string().min(1).max(200).optional(),
  facilityCode: z.string().trim().regex(/^[0-9A-Za-z]{2}\s*-?\s*[0-9A-Za-z]{3}$/).nullable(),
  facilityName: z.string().trim().max(200).nullable(),
}).strict();

export const exportDayOutput = z.object({ fileName: z.string(), count: z.number().int(), downloadRef: z.string() });
