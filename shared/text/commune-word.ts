/**
 * What a commune-level unit calls itself, read from its name: "Phường Hải Châu" → "phường", "Đặc khu Phú Quốc" →
 * "đặc khu". A printed list of a ward says "tiền mặt tại phường", not "tại xã". A name that does not say is a "xã".
 */
export type CommuneWord = 'xã' | 'phường' | 'đặc khu' | 'thị trấn';

const WORDS: readonly CommuneWord[] = ['phường', 'đặc khu', 'thị trấn', 'xã'];

export function communeWord(unitName: string): CommuneWord {
  const name = unitName.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  return WORDS.find((w) => name.startsWith(`${w} `)) ?? 'xã';
}
