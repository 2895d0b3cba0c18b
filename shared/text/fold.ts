// Search folding: lowercase, no tones, no letter marks, đ → d, so "nguyen duc" finds "Nguyễn Đức".

const COMBINING = /[\u0300-\u036f]/g;

export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/[đĐÐð]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The same text in plain letters (case and punctuation kept): what a bank's transfer note accepts. */
export function withoutDiacritics(text: string): string {
  return text.normalize('NFD').replace(COMBINING, '').replace(/đ/g, 'd').replace(/[ĐÐ]/g, 'D').normalize('NFC');
}

/** Query tokens for type-ahead: folded words, empty ones dropped. */
export function foldedTokens(query: string): string[] {
  const folded = foldVietnamese(query);
  return folded === '' ? [] : folded.split(' ');
}
