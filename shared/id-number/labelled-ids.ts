import { foldVietnamese } from '../text/fold';
import { readIdNumber } from './id-number';

// A "CCCD/CMND" cell often holds more than a number: a label ("CCCD: 048050001234"), or both of a person's numbers
// ("CCCD: 048050001234; CMND: 201234567", "048148005678 (CMND cũ 201111222)", "201333444 / 048039009999"). Read
// them only when nothing else is written there: a cell that also says "đã chết" or "sai" stays for a person to read.

/** Words a clerk writes around the numbers, folded ("Số CMND cũ", "CCCD mới", "Số định danh cá nhân"). */
const LABEL_WORDS = new Set(['so', 'cccd', 'cmnd', 'cc', 'cm', 'can', 'cuoc', 'cong', 'dan', 'chung', 'minh', 'nhan', 'dinh', 'danh', 'ca', 'ddcn',
  'cu', 'moi', 'id', 'the', 'va', 'hoac']);

/** A run of digits, spaces, dots or dashes between two digits: one number, or two written side by side. */
const NUMBER_RUN = /\d[\d .\-\u00a0]*\d/g;

export interface LabelledIds {
  idNumber: string | null;
  oldIdNumber: string | null;
}

/** The 12-digit ID and the 9-digit old ID a labelled cell holds (at most one of each), or null. */
export function readLabelledIds(raw: string): LabelledIds | null {
  const runs = raw.match(NUMBER_RUN) ?? [];
  const rest = foldVietnamese(raw.replace(NUMBER_RUN, ' '));
  if (runs.length === 0 || (rest && !rest.split(' ').every((w) => LABEL_WORDS.has(w)))) return null;
  const numbers = runs.flatMap((run) => {
    const whole = run.replace(/[ .\-\u00a0]/g, '');
    if (whole.length === 9 || whole.length === 12) return [whole];
    // "048050001234 201234567": two numbers typed with a space between them.
    const groups = run.split(/[ \u00a0]+/).map((g) => g.replace(/[.-]/g, ''));
    return groups.every((g) => g.length === 9 || g.length === 12) ? groups : [whole];
  });
  // Written as text, a number is whole: an 11-digit one is a typo here, not a number whose zeros Excel ate.
  if (numbers.length > 2 || numbers.some((n) => n.length !== 9 && n.length !== 12)) return null;
  const out: LabelledIds = { idNumber: null, oldIdNumber: null };
  for (const n of numbers) {
    const reading = readIdNumber(n);
    if (reading.kind === 'cccd' && out.idNumber === null) out.idNumber = reading.value;
    else if (reading.kind === 'cmnd' && out.oldIdNumber === null) out.oldIdNumber = reading.value;
    else return null;
  }
  return out;
}
