import { sniffFormat } from './file-guards';
import { mapHeaderRow } from './header-detection';
import { rawSheets } from './read-workbook';
import { guessTexts } from './sheet-interpreter';

// A list's title rows ("UBND xã An Lão", "Xã An Lão - Tháng 11 năm 2026") name the commune it comes from: an
// office above the commune is proposed that commune when it imports the list.

/** Rows looked at above the column headers of the first sheet. */
const TITLE_ROWS = 30;

/** The first sheet's title rows above its column headers, each row's cells joined by "; " (decoded from TCVN3/VNI). */
export async function listTitleLines(filePath: string): Promise<string[]> {
  const format = await sniffFormat(filePath);
  const lines: string[] = [];
  for await (const sheet of rawSheets(filePath, format)) {
    let seen = 0;
    for await (const row of sheet.rows) {
      const texts = guessTexts(row);
      if (mapHeaderRow(texts) || ++seen > TITLE_ROWS) break;
      const filled = texts.map((t) => t.trim()).filter(Boolean);
      if (filled.length) lines.push(filled.join('; '));
    }
    break; // the first sheet's title is the list's
  }
  return lines;
}

const LEVEL_WORD = /(?:^|[\s.,;:])(xã|phường|thị trấn|đặc khu)\s+(?!hội(?:\s|$))(\S[^;()–]*)/iu;

/**
 * The phrases of title lines that name a commune, from its level word on ("xã An Lão, huyện Bình Lục"), without
 * "xã hội" (Cộng hòa xã hội chủ nghĩa…, bảo trợ xã hội) and without the month or year that often follows.
 */
export function communePhrases(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    for (const segment of line.split(/\s+[-–]\s+|;|\(/u)) {
      const m = LEVEL_WORD.exec(segment.normalize('NFC'));
      if (!m) continue;
      const rest = m[2].split(/\s+(?:tháng|năm|ngày|quý|đợt)(?=\s|$)/iu)[0].trim();
      if (rest) out.push(`${m[1]} ${rest}`);
    }
  }
  return out;
}
