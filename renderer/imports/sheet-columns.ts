// How a clerk names a place in a workbook: column letters as Excel shows them, sizes in Vietnamese notation.

/** 0 → "A", 25 → "Z", 26 → "AA": the letters Excel prints above a 0-based column. */
export function columnLetter(index: number): string {
  let n = Math.trunc(index) + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A file size with a decimal comma: "850 B", "12,4 KB", "3,1 MB". */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / (1024 * 1024), 'MB'];
  return `${(Math.round(value * 10) / 10).toString().replace('.', ',')} ${unit}`;
}

/** Mapping entries in the order of the columns in the file. */
export function mappingByColumn(mapping: Record<string, number>): [field: string, column: number][] {
  return Object.entries(mapping).sort((a, b) => a[1] - b[1]);
}
