import { decodeTcvn3Capitals, decodeTcvn3Text } from './tcvn3';
import { decodeVni } from './vni';

export type TextEncoding = 'unicode' | 'tcvn3' | 'tcvn3-capitals' | 'vni';

const fontEncodings = new Map<string, TextEncoding>();

/** What the cell's font says about its text: ".VnTime" TCVN3, ".VnTimeH" TCVN3 capitals, "VNI-Times" VNI. */
export function encodingOfFont(fontName: string | undefined | null): TextEncoding | null {
  if (!fontName) return null;
  let known = fontEncodings.get(fontName);
  if (known === undefined) {
    known = fontEncodingOf(fontName);
    // A workbook uses a handful of fonts; the bound only guards against a hostile file.
    if (fontEncodings.size < 1000) fontEncodings.set(fontName, known);
  }
  return known;
}

function fontEncodingOf(fontName: string): TextEncoding {
  const name = fontName.trim();
  if (/^\.?vn/i.test(name) && name.startsWith('.')) return /H$/.test(name) ? 'tcvn3-capitals' : 'tcvn3';
  if (/^vni[-\s]/i.test(name)) return 'vni';
  return 'unicode';
}

// Characters that Vietnamese Unicode text never contains but TCVN3 uses for letters (U+00A1–U+00BF).
const TCVN3_ONLY = /[\u00a1-\u00bf]/;
// Latin-1 letters that are not Vietnamese; TCVN3 and VNI both produce them.
const NON_VIETNAMESE_LATIN1 = /[ÆÇËÎÏÑÖ×ØÛÜÞßäåæçëîïñö÷øûüþ]/;
// TCVN3 writes some lowercase toned letters with codes that look like capitals: "NguyÔn".
const TCVN3_CAPITAL_INSIDE_WORD = /[a-z][ÈÉÊÌÒÓÔÕÝ]/;
// VNI: a vowel followed by a mark that Unicode Vietnamese never puts there ("Leâ", "Vaên", "Phaïm").
const VNI_VOWEL_MARK = /[aeAE][ùøûõïâáàåãäêéèúüëÙØÛÕÏÂÁÀÅÃÄÊÉÈÚÜË]|[oOuUyYôÔöÖ][ùøûõïÙØÛÕÏ]|[oO][âÂ]/;
/** Anything beyond Latin-1 (ư, ơ, ế, combining marks…) shows the text is already Unicode. */
const BEYOND_LATIN1 = /[^\u0000-\u00ff]/;

export interface CharacterEvidence {
  tcvn3: boolean;
  vni: boolean;
}

export function characterEvidence(text: string): CharacterEvidence {
  if (BEYOND_LATIN1.test(text) || !/[\u0080-\u00ff]/.test(text)) return { tcvn3: false, vni: false };
  if (TCVN3_ONLY.test(text)) return { tcvn3: true, vni: false };
  const vni = VNI_VOWEL_MARK.test(text) || /[ñÑöÖ]/.test(text);
  const tcvn3 = !vni && (TCVN3_CAPITAL_INSIDE_WORD.test(text) || NON_VIETNAMESE_LATIN1.test(text));
  return { tcvn3, vni };
}

/** Tallies, per column, what fonts and characters say, then decides one legacy encoding for the column. */
export class ColumnEncodingVote {
  private fonts = { tcvn3: 0, vni: 0 };
  private chars = { tcvn3: 0, vni: 0 };

  add(text: string, fontName: string | undefined | null): void {
    const byFont = encodingOfFont(fontName);
    if (byFont === 'tcvn3' || byFont === 'tcvn3-capitals') this.fonts.tcvn3 += 1;
    else if (byFont === 'vni') this.fonts.vni += 1;
    const ev = characterEvidence(text);
    if (ev.tcvn3) this.chars.tcvn3 += 1;
    if (ev.vni) this.chars.vni += 1;
  }

  decide(): TextEncoding {
    if (this.fonts.tcvn3 + this.fonts.vni > 0) return this.fonts.tcvn3 >= this.fonts.vni ? 'tcvn3' : 'vni';
    if (this.chars.tcvn3 === 0 && this.chars.vni === 0) return 'unicode';
    return this.chars.tcvn3 >= this.chars.vni ? 'tcvn3' : 'vni';
  }
}

/**
 * Turns one cell's text into NFC Unicode. The cell's own font decides first; without a legacy font, the
 * column's encoding applies to cells whose characters show that encoding. Text that already holds
 * characters beyond Latin-1 is Unicode whatever its font says.
 */
export function toUnicode(text: string, fontName: string | undefined | null, column: TextEncoding): string {
  let out = text;
  if (!BEYOND_LATIN1.test(text)) {
    const byFont = encodingOfFont(fontName);
    if (byFont === 'tcvn3') out = decodeTcvn3Text(text);
    else if (byFont === 'tcvn3-capitals') out = decodeTcvn3Capitals(text);
    else if (byFont === 'vni') out = decodeVni(text);
    else {
      const ev = characterEvidence(text);
      if (column === 'tcvn3' && ev.tcvn3) out = decodeTcvn3Text(text);
      else if (column === 'vni' && ev.vni) out = decodeVni(text);
    }
  }
  return cleanUnicode(out);
}

/** NFC, the lookalike Ð (U+00D0) and ð as Đ/đ, non-breaking and repeated spaces collapsed. */
export function cleanUnicode(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\u00d0/g, 'Đ')
    .replace(/\u00f0/g, 'đ')
    .replace(/[\u00a0\s]+/g, ' ')
    .trim();
}
