// The initial-registration facility (nơi đăng ký KCB ban đầu, maDKBD): 5 characters, the province's 2 digits and the
// facility's 3 (written "01 - 054" on the paper card, "01054" by the gateway).

export function normaliseFacilityCode(text: string | null | undefined): string | null {
  if (typeof text !== 'string') return null;
  const code = text.replace(/[\s\-._/]/g, '').toUpperCase();
  return /^[0-9A-Z]{5}$/.test(code) ? code : null;
}

/** true: registered here; false: elsewhere; null: we cannot tell (no code on either side). */
export function isOurFacility(cardFacility: string | null | undefined, ourFacility: string | null | undefined): boolean | null {
  const card = normaliseFacilityCode(cardFacility);
  const ours = normaliseFacilityCode(ourFacility);
  if (!card || !ours) return null;
  return card === ours;
}
