// An amount of đồng in Vietnamese words, as a roster's "Bằng chữ: …" line writes it.
//   21 → hai mươi mốt (mốt after a tens digit of 2–9; "mười một" stays "một")
//   24 → hai mươi tư (tư after 2–9 tens; "mười bốn" stays "bốn")
//   15, 25 → mười lăm, hai mươi lăm (lăm after any tens digit; "lẻ năm" and "năm" stay "năm")
//   105 → một trăm lẻ năm (or "linh", the southern / some offices' word)
//   1 005 000 → một triệu không trăm lẻ năm nghìn (an inner group keeps its hundreds as "không trăm")
//   10^12 → một nghìn tỷ (groups beyond tỷ repeat nghìn, triệu, tỷ before "tỷ")

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

export interface WordsOptions {
  /** The word for a zero tens digit before a units digit: "lẻ" (default) or "linh". */
  zeroTens?: 'lẻ' | 'linh';
}

/** Three digits (0–999) in words; `inner`: a group after a bigger one, which reads its zero hundreds aloud. */
function groupWords(n: number, inner: boolean, zeroTens: string): string[] {
  const h = Math.floor(n / 100);
  const t = Math.floor(n / 10) % 10;
  const u = n % 10;
  const words: string[] = [];
  if (h > 0 || (inner && (t > 0 || u > 0))) words.push(DIGITS[h], 'trăm');
  if (t === 0) {
    if (u > 0 && words.length > 0) words.push(zeroTens);
  } else if (t === 1) {
    words.push('mười');
  } else {
    words.push(DIGITS[t], 'mươi');
  }
  if (u > 0) {
    if (u === 1 && t >= 2) words.push('mốt');
    else if (u === 4 && t >= 2) words.push('tư');
    else if (u === 5 && t >= 1) words.push('lăm');
    else words.push(DIGITS[u]);
  }
  return words;
}

const GROUP_NAMES = ['', 'nghìn', 'triệu'] as const;

/** 0 ≤ n < 10^9 in words; `inner` as for a group. */
function belowBillion(n: number, inner: boolean, zeroTens: string): string[] {
  const groups = [n % 1000, Math.floor(n / 1000) % 1000, Math.floor(n / 1_000_000)];
  const words: string[] = [];
  let started = inner;
  for (let i = 2; i >= 0; i -= 1) {
    const g = groups[i];
    if (g === 0) continue;
    words.push(...groupWords(g, started, zeroTens));
    if (GROUP_NAMES[i]) words.push(GROUP_NAMES[i]);
    started = true;
  }
  return words;
}

function wordsOf(n: number, inner: boolean, zeroTens: string): string[] {
  if (n < 1_000_000_000) return belowBillion(n, inner, zeroTens);
  const billions = Math.floor(n / 1_000_000_000);
  const rest = n % 1_000_000_000;
  const words = [...wordsOf(billions, inner, zeroTens), 'tỷ'];
  if (rest > 0) words.push(...belowBillion(rest, true, zeroTens));
  return words;
}

/** A whole number in Vietnamese words, lower case: 1 500 000 → "một triệu năm trăm nghìn". */
export function numberInWords(n: number, options: WordsOptions = {}): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a whole number: ${n}`);
  if (n === 0) return 'không';
  const words = wordsOf(Math.abs(n), false, options.zeroTens ?? 'lẻ');
  return (n < 0 ? 'âm ' : '') + words.join(' ');
}

/** An amount of đồng as a roster writes it after "Bằng chữ:": "Một triệu năm trăm nghìn đồng". */
export function amountInWords(amount: number, options: WordsOptions = {}): string {
  const words = numberInWords(amount, options);
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} đồng`;
}
