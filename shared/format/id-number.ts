// Display of personal ID numbers: the 12-digit citizen ID (CCCD / số định danh cá nhân) and the old 9-digit
// identity card (CMND). Grouping follows the number's structure so a clerk can compare it with the card at a glance:
// 12 digits = province of birth (3) · century-and-sex + year of birth (3) · serial (6).

/** "035145123456" → "035 145 123456"; "123456789" → "123 456 789"; anything else unchanged. */
export function formatIdNumber(id: string | null | undefined): string {
  if (!id) return '';
  const digits = id.replace(/\s+/g, '');
  if (/^\d{12}$/.test(digits)) return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
  if (/^\d{9}$/.test(digits)) return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
  return id;
}

