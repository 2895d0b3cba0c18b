// Regimes (chế độ): what a person can be entitled to, each paid as a standard level × a coefficient.

export interface Regime {
  code: string;
  name: string;
  /** The standard level it is computed from (see levels.ts). */
  levelCode: string;
  /** monthly: every month the entitlement is in force; one-off: once (funeral support, in the month of death). */
  kind: 'monthly' | 'one-off';
  /** The coefficient (hundredths) when the entitlement names none and has no group. */
  defaultHundredths: number | null;
  /** The coefficient group used when the entitlement names none. */
  defaultGroup: string | null;
}

export const LEVEL_CODES = {
  socialAssistance: 'social-assistance-standard',
  meritorious: 'meritorious-standard',
  socialPension: 'social-pension',
  socialPensionFuneral: 'social-pension-funeral',
} as const;

/** Regime codes used by the rules that derive entitlements from a person's category. */
export const REGIME_CODES = {
  btxhMonthly: 'btxh-monthly',
  btxhCare: 'btxh-care',
  btxhFuneral: 'btxh-funeral',
  socialPension: 'social-pension',
  socialPensionFuneral: 'social-pension-funeral',
  nccMonthly: 'ncc-monthly',
  tnccMonthly: 'tncc-monthly',
} as const;

/** The funeral regime that follows a monthly one when the person dies. */
export const FUNERAL_AFTER: Readonly<Record<string, string>> = {
  [REGIME_CODES.btxhMonthly]: REGIME_CODES.btxhFuneral,
  [REGIME_CODES.socialPension]: REGIME_CODES.socialPensionFuneral,
};

/**
 * Regimes of which a person is paid one a month, the highest: the social pension and the monthly social allowance
 * (Decree 176/2025: someone eligible for both receives the higher one). On a tie the one listed first is kept, so a
 * person already paid the allowance is not moved to the pension (and their months recovered and paid again) for nothing.
 */
export const ONE_OF: readonly (readonly string[])[] = [[REGIME_CODES.btxhMonthly, REGIME_CODES.socialPension]];
