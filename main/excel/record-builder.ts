import { matchBankName } from '../../shared/banks/bank-name-matching';
import { matchWalletName, walletNumberOf } from '../../shared/banks/wallet-name-matching';
import type { CanonicalRecord, ColumnField, FieldProblem } from './canonical-record';
import { categoryGroupOf } from './category';
import { headerKey, WALLET_ACCOUNT, type ColumnMapping } from './header-detection';
import { problem, type ProblemCode } from './problems';
import type { RawCell } from './raw-cell';
import { isEmptyCell } from './raw-cell';
import { isScientificNotation, numberAsDigits, parseAccountNumber, parseAmount, parseBirth, parseSex } from './value-parsing';
import { villageFromAddress } from './village-from-address';
import { inDong } from './amount-unit';
import { idCrossCheckProblems, properName, readIdField, readOldIdField } from '../registry/person-fields';

export interface RowContext {
  sheet: string;
  row: number;
  mapping: ColumnMapping;
  /** Village named by the last section row above ("I. Thôn Đông"). */
  sectionVillage: string | null;
  /** Group named by the last non-village section row, used when the list has no category column. */
  sectionLabel: string | null;
  /** Each column's title as the file writes it: a problem names the column its value came from. */
  titles?: readonly string[];
  today: Date;
  /** Đồng per unit of the amount column (1000 under "ĐVT: 1.000 đồng"); 1 when the list says nothing. */
  amountUnit?: number;
}

/** Unicode text of each cell (already decoded from legacy encodings), same indexes as `cells`. */
export type RowTexts = string[];

export type BuiltRow = { record: CanonicalRecord; problems: FieldProblem[] } | { record: null; problems: FieldProblem[] };

export function buildRecord(cells: (RawCell | undefined)[], texts: RowTexts, ctx: RowContext): BuiltRow {
  const problems: FieldProblem[] = [];
  const at = (f: ColumnField): RawCell | undefined => (ctx.mapping[f] === undefined ? undefined : cells[ctx.mapping[f]!]);
  const text = (f: ColumnField): string | null => {
    const c = ctx.mapping[f];
    const t = c === undefined ? '' : (texts[c] ?? '').trim();
    return t === '' ? null : t;
  };
  /** A problem with the value the list had in the cell of column `from`, and that column's title. */
  const rejected = (field: string, code: ProblemCode, from: ColumnField = field as ColumnField): FieldProblem => {
    const c = ctx.mapping[from];
    if (c === undefined) return problem(field, code);
    return { ...problem(field, code), ...cellOf(cells[c], texts[c], ctx.titles?.[c], c) };
  };
  const used = (f: ColumnField): RawCell | undefined => {
    const cell = at(f);
    if (cell?.formula) problems.push(rejected(f, cell.value === null ? 'formula-without-value' : 'formula-value'));
    return cell && !isEmptyCell(cell) ? cell : undefined;
  };

  // "Họ đệm" | "Tên" in two columns, or "Họ" | "Chữ đệm" | "Tên" in three: the name is all of them, in that order.
  const name = [text('fullName'), text('middleName'), text('givenName')].filter(Boolean).join(' ') || null;
  if (!name) return { record: null, problems: [{ ...rejected('fullName', 'name-missing'), rowValues: rowValuesOf(text) }] };
  used('fullName');
  used('middleName');
  used('givenName');

  let birth: string | null = null;
  let sex: 'M' | 'F' | null = null;
  const male = used('birthMale');
  const female = used('birthFemale');
  if (male && female) {
    problems.push(rejected('birth', 'birth-both-sexes', 'birthMale'));
  } else if (male || female) {
    const parsed = parseBirth((male ?? female)!, ctx.today);
    birth = parsed.value;
    if (parsed.problem) problems.push(rejected('birth', parsed.problem, male ? 'birthMale' : 'birthFemale'));
    sex = male ? 'M' : 'F';
  }
  // The whole date first; the year column ("Năm sinh" beside "Ngày sinh", or the year of a split date) where there is none.
  const birthCell = used('birth');
  let dateProblem: FieldProblem | null = null;
  if (!birth && birthCell) {
    const parsed = parseBirth(birthCell, ctx.today);
    birth = parsed.value;
    if (parsed.problem) dateProblem = rejected('birth', parsed.problem);
  }
  const yearCell = used('birthYear');
  if (!birth && yearCell) {
    const parsed = parseBirth(splitBirthCell(text('birthDay'), text('birthMonth'), yearCell), ctx.today);
    birth = parsed.value;
    if (parsed.problem) problems.push(rejected('birth', parsed.problem, 'birthYear'));
  }
  // A date the list got wrong beside a year it got right: the year is kept, and the date still said.
  if (dateProblem) problems.push(birth && dateProblem.code === 'birth-invalid' ? rejected('birth', 'birth-date-unread-year-kept') : dateProblem);
  const sexText = text('sex');
  if (!sex && sexText) {
    const parsed = parseSex(sexText);
    sex = parsed.value;
    if (parsed.problem) problems.push(rejected('sex', parsed.problem));
  }
  // "Nam" | "Nữ" columns hold a mark ("x") or, in lists without a birth column, the birth year itself.
  for (const [f, s] of [['sexMale', 'M'], ['sexFemale', 'F']] as const) {
    const mark = used(f);
    if (sex || !mark) continue;
    sex = s;
    if (!birth && ctx.mapping.birth === undefined && isBirthLike(mark)) birth = parseBirth(mark, ctx.today).value;
  }

  let idNumber: string | null = null;
  let oldIdNumber: string | null = null;
  const idCell = used('idNumber');
  if (idCell) {
    const v = idCell.value;
    const digits = typeof v === 'number' ? numberAsDigits(v) : String(v);
    if (digits === null || (typeof v === 'string' && isScientificNotation(v))) {
      problems.push(rejected('idNumber', 'id-digits-lost'));
    } else {
      const read = readIdField(digits, typeof v === 'number');
      ({ idNumber, oldIdNumber } = read);
      if (read.problem) problems.push(rejected('idNumber', read.problem));
    }
  }
  const oldIdCell = used('oldIdNumber');
  if (oldIdCell) {
    const v = oldIdCell.value;
    const digits = typeof v === 'number' ? numberAsDigits(v) : String(v);
    const read = digits === null ? { oldIdNumber: null, problem: 'old-id-malformed' as const } : readOldIdField(digits, typeof v === 'number');
    if (read.problem) problems.push(rejected('oldIdNumber', read.problem));
    else if (read.oldIdNumber) oldIdNumber = read.oldIdNumber;
  }
  problems.push(...idCrossCheckProblems(idNumber, sex, birth));

  let monthlyAmount: number | null = null;
  const amountCell = used('monthlyAmount');
  if (amountCell) {
    const parsed = parseAmount(amountCell);
    monthlyAmount = parsed.value === null ? null : inDong(parsed.value, ctx.amountUnit ?? 1);
    if (parsed.problem) problems.push(rejected('monthlyAmount', parsed.problem));
  }

  let accountNumber: string | null = null;
  const accountCell = used('accountNumber');
  if (accountCell) {
    const parsed = parseAccountNumber(accountCell);
    accountNumber = parsed.value;
    if (parsed.problem) problems.push(rejected('accountNumber', parsed.problem));
  }
  // Without a column naming the bank, an account column headed for mobile money or a wallet names it.
  const bankName = text('bankName') ?? (accountNumber ? walletOfHeading(ctx.titles?.[ctx.mapping.accountNumber ?? -1]) : null);
  used('bankName');
  let bankBin: string | null = null;
  let accountKind: CanonicalRecord['accountKind'];
  if (bankName) {
    bankBin = matchBankName(bankName)?.bin ?? null;
    const wallet = bankBin ? null : matchWalletName(bankName, accountNumber && walletNumberOf(accountNumber));
    if (wallet) {
      accountKind = wallet.kind;
      bankBin = wallet.bin;
      if (accountNumber) {
        accountNumber = walletNumberOf(accountNumber);
        if (!accountNumber) problems.push(rejected('accountNumber', 'wallet-number-invalid'));
      }
    } else if (!bankBin) problems.push(rejected('bankName', 'bank-unknown'));
  } else if (accountNumber) {
    problems.push(problem('bankName', 'bank-missing'));
  }
  // An account number Excel spoiled is re-entered by hand: the problem keeps the bank to re-enter it at.
  const lost = problems.find((p) => p.code === 'account-digits-lost');
  if (lost && (bankName || bankBin)) Object.assign(lost, { bankName, bankBin });

  const categoryLabel = text('categoryLabel') ?? (ctx.mapping.categoryLabel === undefined ? ctx.sectionLabel : null);
  const categoryGroup = categoryGroupOf(categoryLabel);
  if (categoryLabel && !categoryGroup) problems.push(rejected('categoryLabel', 'category-unknown'));

  const record: CanonicalRecord = {
    fullName: properName(name),
    birth,
    sex,
    idNumber,
    oldIdNumber,
    hometown: text('hometown'),
    permanentAddress: text('permanentAddress'),
    // Without a village column (or with it empty): the list's section row, else the address ("Xóm Trại, xã …").
    village: text('village') ?? ctx.sectionVillage ?? villageFromAddress(text('permanentAddress')),
    categoryGroup,
    categoryLabel,
    monthlyAmount,
    accountNumber,
    bankName,
    bankBin,
    ...(accountKind ? { accountKind } : {}),
    problems,
    source: { sheet: ctx.sheet, row: ctx.row },
    ...(ctx.mapping.ethnicity !== undefined ? { ethnicity: text('ethnicity') } : {}),
  };
  return { record, problems };
}

/** The cell a problem is about, as the clerk will look for it in the file: its text and its column's title. */
function cellOf(cell: RawCell | undefined, text: string | undefined, title: string | undefined, c: number): { value?: string; column: string } {
  const v = cell?.value;
  const shown = v instanceof Date && !Number.isNaN(v.getTime())
    ? [v.getUTCDate(), v.getUTCMonth() + 1].map((n) => String(n).padStart(2, '0')).join('/') + `/${v.getUTCFullYear()}`
    : typeof v === 'number' && !Number.isSafeInteger(v) ? String(v).toUpperCase() : (text ?? '').trim();
  return { ...(shown ? { value: shown.slice(0, 200) } : {}), column: title?.trim() || columnLetters(c) };
}

/** Column index (0-based) → A, B, … Z, AA … as Excel names it. */
export function columnLetters(c: number): string {
  let out = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** A year or a date, not a mark such as "x" or "1". */
function isBirthLike(cell: RawCell): boolean {
  const v = cell.value;
  if (v instanceof Date) return true;
  if (typeof v === 'number') return v >= 1880;
  return typeof v === 'string' && /\d{4}/.test(v);
}

/**
 * What a row the import could not record (no name) had in its other columns, by the record's field, as the file
 * wrote it: the clerk adds the person from the report with these filled in, and types the name.
 */
/**
 * A birth written in "Ngày" | "Tháng" | "Năm" columns, as one cell the date reader takes: "05/11/1960", "11/1960"
 * (month and year: the year is kept, with a warning) or "1960"; a day without a month is no date.
 */
function splitBirthCell(day: string | null, month: string | null, year: RawCell): RawCell {
  const y = String(year.value ?? '').trim();
  if (!day && !month) return { value: typeof year.value === 'number' ? year.value : y };
  if (!month) return { value: `${day}//${y}` };
  return { value: day ? `${day}/${month}/${y}` : `${month}/${y}` };
}

function rowValuesOf(text: (f: ColumnField) => string | null): Record<string, string> {
  const values: Record<string, string> = {};
  const male = text('birthMale');
  const female = text('birthFemale');
  const split = text('birthYear') ? [text('birthDay'), text('birthMonth'), text('birthYear')].filter(Boolean).join('/') : null;
  const birth = text('birth') ?? split ?? male ?? female;
  if (birth) values.birth = birth;
  const sex = text('sex') ?? (male && !female ? 'Nam' : female && !male ? 'Nữ' : null);
  if (sex) values.sex = sex;
  for (const f of ['idNumber', 'oldIdNumber', 'ethnicity', 'hometown', 'permanentAddress', 'village', 'categoryLabel', 'monthlyAmount'] as const) {
    const v = text(f);
    if (v) values[f] = v;
  }
  return values;
}

/** "Số thuê bao Mobile Money" → "Mobile Money" (the carrier told by the number); "Số ví MoMo" → "MoMo"; else null. */
function walletOfHeading(title: string | undefined): string | null {
  // Asked for each row of a sheet with the same heading: answered once.
  if (title !== lastHeading.title) lastHeading = { title, wallet: walletNamed(title) };
  return lastHeading.wallet;
}
let lastHeading: { title: string | undefined; wallet: string | null } = { title: undefined, wallet: null };

function walletNamed(title: string | undefined): string | null {
  const key = title ? headerKey(title) : '';
  if (!WALLET_ACCOUNT.test(key)) return null;
  if (/(^| )(mobile money|mm)( |$)/.test(key)) return 'Mobile Money';
  return matchWalletName(title)?.shortName ?? 'Ví điện tử';
}
