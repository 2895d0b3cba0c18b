// TCVN3 (ABC), the Vietnamese 8-bit encoding of the ".Vn…" fonts. A workbook keeps each legacy byte as the
// Unicode character of the same number (0xAD → U+00AD), so decoding maps those characters back.
// Written here because no maintained npm package decodes TCVN3 from already-decoded strings.

const TCVN3_LOWER: Readonly<Record<number, string>> = {
  0xa1: 'Ă', 0xa2: 'Â', 0xa3: 'Ê', 0xa4: 'Ô', 0xa5: 'Ơ', 0xa6: 'Ư', 0xa7: 'Đ',
  0xa8: 'ă', 0xa9: 'â', 0xaa: 'ê', 0xab: 'ô', 0xac: 'ơ', 0xad: 'ư', 0xae: 'đ',
  0xb5: 'à', 0xb6: 'ả', 0xb7: 'ã', 0xb8: 'á', 0xb9: 'ạ',
  0xbb: 'ằ', 0xbc: 'ẳ', 0xbd: 'ẵ', 0xbe: 'ắ', 0xc6: 'ặ',
  0xc7: 'ầ', 0xc8: 'ẩ', 0xc9: 'ẫ', 0xca: 'ấ', 0xcb: 'ậ',
  0xcc: 'è', 0xce: 'ẻ', 0xcf: 'ẽ', 0xd0: 'é', 0xd1: 'ẹ',
  0xd2: 'ề', 0xd3: 'ể', 0xd4: 'ễ', 0xd5: 'ế', 0xd6: 'ệ',
  0xd7: 'ì', 0xd8: 'ỉ', 0xdc: 'ĩ', 0xdd: 'í', 0xde: 'ị',
  0xdf: 'ò', 0xe1: 'ỏ', 0xe2: 'õ', 0xe3: 'ó', 0xe4: 'ọ',
  0xe5: 'ồ', 0xe6: 'ổ', 0xe7: 'ỗ', 0xe8: 'ố', 0xe9: 'ộ',
  0xea: 'ờ', 0xeb: 'ở', 0xec: 'ỡ', 0xed: 'ớ', 0xee: 'ợ',
  0xef: 'ù', 0xf1: 'ủ', 0xf2: 'ũ', 0xf3: 'ú', 0xf4: 'ụ',
  0xf5: 'ừ', 0xf6: 'ử', 0xf7: 'ữ', 0xf8: 'ứ', 0xf9: 'ự',
  0xfa: 'ỳ', 0xfb: 'ỷ', 0xfc: 'ỹ', 0xfd: 'ý', 0xfe: 'ỵ',
};

const ENCODE: ReadonlyMap<string, string> = new Map(Object.entries(TCVN3_LOWER).map(([code, ch]) => [ch, String.fromCharCode(Number(code))]));

// Plain .VnTime has no capital letters with tones: clerks type "ý Yªn" for "Ý Yên".
const TONED_LOWER_WITHOUT_CAPITAL = /^[àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]/u;

export function decodeTcvn3(text: string): string {
  let out = '';
  for (const ch of text) out += TCVN3_LOWER[ch.charCodeAt(0)] ?? ch;
  return out;
}

/** Text in a ".Vn…H" capitals font: stored with the lowercase codes, shown (and meant) as capitals. */
export function decodeTcvn3Capitals(text: string): string {
  return decodeTcvn3(text).toLocaleUpperCase('vi');
}

/**
 * Decodes plain TCVN3 and restores the capital the font could not show: a word starting with a toned
 * lowercase vowel becomes capitalised when every other word of the cell is capitalised.
 */
export function decodeTcvn3Text(text: string): string {
  const decoded = decodeTcvn3(text);
  const words = decoded.split(/(\s+|,\s*|-\s*)/);
  const letterWords = words.filter((w) => /\p{L}/u.test(w));
  if (letterWords.length < 2) return decoded;
  const others = letterWords.filter((w) => !TONED_LOWER_WITHOUT_CAPITAL.test(w));
  if (others.length === 0 || !others.every((w) => /^\p{Lu}/u.test(w))) return decoded;
  return words.map((w) => (TONED_LOWER_WITHOUT_CAPITAL.test(w) ? w[0].toLocaleUpperCase('vi') + w.slice(1) : w)).join('');
}

/** Encodes Unicode into TCVN3 characters (for generating legacy test workbooks); capitals become lowercase codes. */
export function encodeTcvn3(text: string, capitalsFont = false): string {
  const source = (capitalsFont ? text.toLocaleLowerCase('vi') : text).normalize('NFC');
  let out = '';
  for (const ch of source) {
    const direct = ENCODE.get(ch);
    if (direct !== undefined) out += direct;
    else {
      const lower = ch.toLocaleLowerCase('vi');
      // Capitals with tones do not exist in plain TCVN3; the lowercase code is what offices type.
      out += lower !== ch && ENCODE.has(lower) && !/[ĂÂÊÔƠƯĐ]/u.test(ch) ? ENCODE.get(lower)! : ch;
    }
  }
  return out;
}
