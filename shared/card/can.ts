// The card access number of the Vietnamese ID card: the last 6 digits of the 12-digit ID (no CAN is printed).

export function canFromIdNumber(idNumber: string): string | null {
  const digits = idNumber.replace(/\s/g, '');
  return /^\d{12}$/.test(digits) ? digits.slice(6) : null;
}

export function isValidCan(can: string): boolean {
  return /^\d{6}$/.test(can);
}
