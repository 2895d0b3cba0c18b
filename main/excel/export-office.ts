// Who sends a list and when: what its title rows and signature block say.

export interface OfficeInfo {
  /** The commune's name as the register holds it: "Xã An Lão", "Phường Lê Lợi". */
  communeName: string;
  /** "Tỉnh Hà Nam", or null when the register does not know it. */
  provinceName: string | null;
  /** The day the list is signed. */
  date: Date;
  /** Names printed under the signatures, when known. */
  preparedBy?: string | null;
  signedBy?: string | null;
}

/** Calendar day in Vietnam (lists are dated where they are signed, whatever the computer's zone). */
export function vietnamDay(date: Date): { day: number; month: number; year: number } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(date);
  const part = (t: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === t)?.value);
  return { day: part('day'), month: part('month'), year: part('year') };
}

/** "Xã An Lão" → "An Lão": the place name a date line starts with. */
export function placeName(unitName: string): string {
  return unitName.replace(/^(xã|phường|thị trấn|đặc khu)\s+/iu, '').trim() || unitName;
}

/** "An Lão, ngày 05 tháng 11 năm 2026". */
export function dateLine(office: OfficeInfo): string {
  const { day, month, year } = vietnamDay(office.date);
  return `${placeName(office.communeName)}, ngày ${String(day).padStart(2, '0')} tháng ${String(month).padStart(2, '0')} năm ${year}`;
}

/** "UBND XÃ AN LÃO": the issuing body at the top left. */
export function issuingBody(office: OfficeInfo): string {
  return `UBND ${office.communeName}`.toLocaleUpperCase('vi');
}

/** "Xã An Lão, Tỉnh Hà Nam" under the title. */
export function officePlace(office: OfficeInfo): string {
  return [office.communeName, office.provinceName].filter(Boolean).join(', ');
}
