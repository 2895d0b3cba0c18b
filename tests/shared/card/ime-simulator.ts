// A small Telex/VNI input method, as UniKey behaves towards an application: it swallows a trigger key and sends
// Backspaces plus the rewritten letters. Enough of the rules to mangle a scanner's keystrokes the way offices see.

const VOWELS = 'aăâeêioôơuưyAĂÂEÊIOÔƠUƯY';
const TONES: Record<string, string> = { s: '\u0301', f: '\u0300', r: '\u0309', x: '\u0303', j: '\u0323', '1': '\u0301', '2': '\u0300', '3': '\u0309', '4': '\u0303', '5': '\u0323' };

function strip(c: string): string {
  return c.normalize('NFD').replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '').normalize('NFC');
}
function isVowel(c: string): boolean {
  return VOWELS.includes(strip(c));
}

export function simulateIme(original: string, mode: 'telex' | 'vni'): string[] {
  const out: string[] = [];
  const buffer: string[] = [];
  const replace = (from: number, chars: string[]) => {
    const n = buffer.length - from;
    for (let i = 0; i < n; i++) out.push('Backspace');
    buffer.splice(from, n, ...chars);
    out.push(...chars);
  };
  for (const key of original) {
    let wordStart = buffer.length;
    while (wordStart > 0 && /\p{L}/u.test(buffer[wordStart - 1]!)) wordStart--;
    const word = buffer.slice(wordStart);
    const lastVowel = (() => {
      for (let i = buffer.length - 1; i >= wordStart; i--) if (isVowel(buffer[i]!)) return i;
      return -1;
    })();
    const toneKey = mode === 'telex' ? /^[sfrxj]$/.test(key) : /^[1-5]$/.test(key);
    if (toneKey && lastVowel >= 0 && word.length > 0) {
      const v = buffer[lastVowel]!;
      const toned = (strip(v).normalize('NFD') + TONES[key]!).normalize('NFC');
      if (toned !== v) {
        replace(lastVowel, [toned, ...buffer.slice(lastVowel + 1)]);
        continue;
      }
    }
    if (mode === 'telex' && /^[aeo]$/i.test(key) && buffer.length > wordStart && strip(buffer.at(-1)!).toLowerCase() === key.toLowerCase()) {
      const hat = (buffer.at(-1)!.normalize('NFD')[0]! + '\u0302').normalize('NFC');
      replace(buffer.length - 1, [hat]);
      continue;
    }
    if (((mode === 'telex' && key === 'd') || (mode === 'vni' && key === '9')) && buffer.at(-1) === 'd' && buffer.length > wordStart) {
      replace(buffer.length - 1, ['đ']);
      continue;
    }
    out.push(key);
    buffer.push(key);
  }
  return out;
}
