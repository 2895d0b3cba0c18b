/**
 * The inverse of neutraliseFormula for text read back from a workbook: "'=…", "'+…", "'-…", "'@…" was written
 * by an export (or typed by a clerk to show a leading sign), and the apostrophe is not part of the value.
 */
export function restoreNeutralisedText(text: string): string {
  return /^''*[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}
