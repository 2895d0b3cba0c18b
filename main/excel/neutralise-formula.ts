/** Text that Excel would run as a formula (=, +, -, @, and the tab/CR tricks) is prefixed with an apostrophe. */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
