// Vietnamese names are written family name first, given name last ("Nguyễn Văn An": family Nguyễn, given An).

export interface NameParts {
  family: string;
  middle: string;
  given: string;
}

export function normaliseSpaces(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function splitVietnameseName(fullName: string): NameParts {
  const words = normaliseSpaces(fullName).split(' ').filter(Boolean);
  if (words.length === 0) return { family: '', middle: '', given: '' };
  if (words.length === 1) return { family: '', middle: '', given: words[0] };
  return { family: words[0], middle: words.slice(1, -1).join(' '), given: words[words.length - 1] };
}
