import path from 'node:path';
import type { AppDatabase } from '../core/database/open-database';
import { resolveCommune } from '../registry/admin-unit-queries';
import type { OfficeCommune } from '../registry/office-communes';
import { communePhrases, listTitleLines } from '../excel/list-title';
import { rawSheets } from '../excel/read-workbook';
import { sniffFormat } from '../excel/file-guards';
import { foldVietnamese } from '../../shared/text/fold';
import { listVersion, type ListVersion } from './list-period';

// Which commune a list dropped on the office above is for: from its title ("UBND xã An Lão"), else its sheet's name,
// else its file's name; a commune merged on 1 July 2025 is the commune it became (through the official successions),
// one split between new communes is asked of the clerk. Only the office's communes (and the user's) are answers.

export type CommuneSource = 'title' | 'sheet' | 'file-name' | 'chosen';

export type Recognition =
  | { status: 'found'; commune: OfficeCommune; from: { code: string; name: string } | null; source: CommuneSource; evidence: string }
  /** An old commune split between new ones, or a name several communes of the area bear: the clerk chooses. */
  | { status: 'choose'; candidates: OfficeCommune[]; from: { code: string; name: string } | null; source: CommuneSource; evidence: string }
  /** The list names a commune, but not one of the office's (or the user's). */
  | { status: 'outside'; unitLabel: string; evidence: string }
  | { status: 'not-found' };

export interface RecognisedList {
  recognition: Recognition;
  version: ListVersion;
  titleLines: string[];
}

/** Words of file and sheet names that are not a commune's name ("DS_BTXH_AnLao_T11-2026.xlsx"). */
const NOISE = new Set(['ds', 'danh', 'sach', 'btxh', 'ncc', 'tncc', 'doi', 'tuong', 'chi', 'tra', 'thang', 'nam', 'quy', 'ban', 'moi', 'cu',
  'xlsx', 'xls', 'csv', 'ubnd', 'lan', 'bo', 'sung', 'cap', 'nhat', 'tro', 'cap', 'hang', 'list', 'sheet', 'final', 'ho', 'ngheo']);

export async function recogniseList(db: AppDatabase, filePath: string, fileName: string, communes: readonly OfficeCommune[], officeLabel: string | null): Promise<RecognisedList> {
  const titleLines = await listTitleLines(filePath);
  const version = listVersion([...titleLines, fileName]);
  const ours = new Map(communes.map((c) => [c.id, c]));
  let outside: Recognition | null = null;

  const tryPhrase = (phrase: string, source: CommuneSource, evidence: string): Recognition | null => {
    for (const text of officeLabel ? [phrase, `${phrase}, ${officeLabel}`] : [phrase]) {
      const resolution = resolveCommune(db.sqlite, text);
      if (resolution.status === 'not-found') continue;
      const inArea = resolution.candidates.filter((c) => ours.has(c.unit.id));
      const old = resolution.candidates.find((c) => c.from)?.from ?? null;
      const from = old ? { code: old.code, name: old.name } : null;
      if (inArea.length === 1 && resolution.status === 'found') return { status: 'found', commune: ours.get(inArea[0].unit.id)!, from, source, evidence };
      if (inArea.length >= 1 && (resolution.status === 'split' || inArea.length > 1)) {
        return { status: 'choose', candidates: unique(inArea.map((c) => ours.get(c.unit.id)!)), from, source, evidence };
      }
      if (inArea.length === 0 && resolution.candidates.length && resolution.status !== 'ambiguous') {
        outside ??= { status: 'outside', unitLabel: resolution.candidates.map((c) => c.unit.label).join(' / '), evidence };
      }
    }
    return null;
  };

  for (const line of titleLines) {
    for (const phrase of communePhrases([line])) {
      const found = tryPhrase(phrase, 'title', line);
      if (found) return { recognition: found, version, titleLines };
    }
  }
  for (const sheet of await sheetNames(filePath)) {
    const found = nameGuesses(sheet).map((g) => tryPhrase(g, 'sheet', sheet)).find(Boolean);
    if (found) return { recognition: found, version, titleLines };
  }
  const base = path.basename(fileName, path.extname(fileName));
  const found = nameGuesses(base).map((g) => tryPhrase(g, 'file-name', fileName)).find(Boolean);
  if (found) return { recognition: found, version, titleLines };
  return { recognition: outside ?? { status: 'not-found' }, version, titleLines };
}

/** What a sheet's or file's name may call a commune: "Xa_An_Lao" → "xã An Lao"… the words left once noise is gone. */
function nameGuesses(name: string): string[] {
  const spaced = name.replace(/[_.\-+]+/g, ' ').replace(/([a-zà-ỹđ])([A-ZÀ-ỸĐ])/gu, '$1 $2').trim();
  const phrases = communePhrases([spaced]);
  const words = spaced.split(/\s+/).filter((w) => !NOISE.has(foldVietnamese(w)) && !/\d/.test(w) && !/^(xa|phuong|tt|p|x)$/.test(foldVietnamese(w)));
  const bare = words.join(' ');
  return [...phrases, ...(bare && words.length <= 4 ? [`xã ${bare}`, `phường ${bare}`, bare] : [])];
}

/** The names of the workbook's sheets (a CSV's is its file's name: no help). */
async function sheetNames(filePath: string): Promise<string[]> {
  const format = await sniffFormat(filePath);
  if (format === 'csv') return [];
  const names: string[] = [];
  for await (const sheet of rawSheets(filePath, format)) {
    if (!/^(sheet|trang tính|ds|danh sách)\s*\d*$/iu.test(sheet.name.trim())) names.push(sheet.name);
  }
  return names;
}

function unique(list: OfficeCommune[]): OfficeCommune[] {
  return [...new Map(list.map((c) => [c.id, c])).values()];
}
