// A report period as a clerk types it: "11/2026", "tháng 11/2026", "T11-2026" for a month; "IV/2026", "4/2026",
// "Quý IV năm 2026", "Q4/2026" for a quarter; "48/2026", "Tuần 48/2026", "W48/2026" for a week. The ISO codes the
// services take ("2026-11", "2026-Q4", "2026-W48") are read too. Pure.
import { foldVietnamese } from '../text/fold';
import { parsePeriod, type PeriodKind, type ReportPeriod } from './report-period';

const ROMAN = ['i', 'ii', 'iii', 'iv'];
const PREFIX: Record<string, PeriodKind> = { thang: 'month', t: 'month', quy: 'quarter', q: 'quarter', tuan: 'week', w: 'week' };

/** The period of this kind the text names, or null (another kind, a month 13, a week 54 …). */
export function parseTypedPeriod(text: string, kind: PeriodKind): ReportPeriod | null {
  const iso = parsePeriod(text);
  if (iso) return iso.kind === kind ? iso : null;
  // "Quý IV năm 2026" → "quy iv nam 2026"; "T11/2026" → "t11 2026"; "2026/11" → "2026 11".
  const words = foldVietnamese(text).replace(/\bnam\b/g, ' ').replace(/^(thang|quy|tuan|t|q|w)\s*(?=[0-9ivx])/, '$1 ').split(/\s+/).filter(Boolean);
  const named = words.length === 3 && words[0] in PREFIX ? PREFIX[words[0]] : null;
  if (named && named !== kind) return null;
  const [a, b] = named ? words.slice(1) : words;
  if (words.length !== (named ? 3 : 2) || a === undefined || b === undefined) return null;
  const [n, year] = /^\d{4}$/.test(b) ? [a, b] : /^\d{4}$/.test(a) ? [b, a] : [null, null];
  if (n === null || year === null) return null;
  const number = kind === 'quarter' && ROMAN.includes(n) ? ROMAN.indexOf(n) + 1 : /^\d{1,2}$/.test(n) ? Number(n) : null;
  if (number === null) return null;
  const two = String(number).padStart(2, '0');
  const code = kind === 'month' ? `${year}-${two}` : kind === 'quarter' ? `${year}-Q${number}` : `${year}-W${two}`;
  return parsePeriod(code);
}

/** How the period is shown in the field the clerk types into: "11/2026", "IV/2026", "48/2026". */
export function typedForm(period: ReportPeriod): string {
  const [year, rest] = period.code.split('-');
  if (period.kind === 'quarter') return `${ROMAN[Number(rest.slice(1)) - 1].toUpperCase()}/${year}`;
  return `${Number(rest.replace('W', ''))}/${year}`;
}
