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

/** Query tokens for type-ahead: folded words, empty ones dropped. */
export function foldedTokens(query: string): string[] {
  const folded = foldVietnamese(query);
  return folded === '' ? [] : folded.split(' ');
}
