import type { CanonicalRecord, Problem } from './canonical-record';
import { detectHeader, isFemaleLabel, isMaleLabel, layoutId, mapHeaderRow, mayBeNameHeader, type ColumnMapping } from './header-detection';
import { ColumnEncodingVote, characterEvidence, cleanUnicode, toUnicode, type TextEncoding } from './legacy-text/legacy-detection';
import { restoreNeutralisedText } from './neutralised-text';
import { isError } from './problems';
import { isEmptyCell, type RawCell, type RawRow } from './raw-cell';
import { buildRecord } from './record-builder';
import { hasNumbering, isColumnNumberRow, isSignatureText, isTotalsText, sectionTitle, sectionVillage, type RowKind } from './row-classification';
import { amountUnitOfBanner, amountUnitOfHeading } from './amount-unit';
import { numberAsDigits } from './value-parsing';

/** Fields whose value a cell merged down over several rows gives to each of them (withMergedValues). */
const MERGED_FIELDS = ['village', 'categoryLabel', 'permanentAddress', 'hometown', 'bankName', 'ethnicity'] as const;

/** Rows searched for the header below the title rows. */
const HEADER_SCAN_ROWS = 40;
/** Data rows buffered to decide each column's legacy encoding before streaming on. */
const ENCODING_VOTE_ROWS = 200;
/** Decoded texts remembered per column (villages, categories, banks, hometowns repeat on every page). */
const TEXT_CACHE_SIZE = 4096;

export interface SheetSummary {
  name: string;
  /** Fingerprint of the header layout (null when no header was found). */
  layout: string | null;
  dataRows: number;
  headerRow: number | null;
  mapping: ColumnMapping | null;
  /** Each column's title as the file writes it (two-row headers: "Năm sinh › Nam"); empty when no header was found. */
  titles: string[];
  /** Row counts by kind, for the preview. */
  rowKinds: Partial<Record<RowKind, number>>;
  /** Đồng per unit of the amount column (amount-unit.ts): the preview says when it is not 1. */
  amountUnit: number;
  /** A sheet hidden in the workbook, left unread (read-workbook.ts). */
  hidden: boolean;
}

export interface SheetSink {
  record(record: CanonicalRecord): void;
  needsFixing(problem: Problem): void;
}

export interface InterpretOptions {
  /** Column mappings a clerk corrected before, by layout fingerprint. */
  mappings?: Record<string, ColumnMapping>;
  today?: Date;
}

/** Reads one sheet's rows in order, finds its header, classifies every row and turns data rows into records. */
export class SheetInterpreter {
  private phase: 'seeking' | 'voting' | 'streaming' | 'unrecognised' = 'seeking';
  private pending: RawRow[] = [];
  private mapping: ColumnMapping | null = null;
  private layout: string | null = null;
  private titles: string[] = [];
  private headerRow: number | null = null;
  private encodings: TextEncoding[] = [];
  private textCaches: Map<string, string>[] = [];
  private village: string | null = null;
  private groupLabel: string | null = null;
  private signatureBlock = false;
  /** Đồng per unit of the amount column: 1000 for a list counted in thousands (amount-unit.ts). */
  private amountUnit = 1;
  private dataRows = 0;
  private nonEmptyRows = 0;
  private readonly kinds: Partial<Record<RowKind, number>> = {};
  private readonly today: Date;

  constructor(
    private readonly name: string,
    private readonly sink: SheetSink,
    private readonly options: InterpretOptions = {},
  ) {
    this.today = options.today ?? new Date();
    // A workbook with a sheet per village ("Thôn 1", "Xóm Đông", "TDP 3"): the sheet's name is its rows' village
    // until a section row says otherwise.
    this.village = sectionVillage(name.trim());
  }

  push(row: RawRow): void {
    if (this.phase === 'streaming') return this.process(row);
    if (this.phase === 'unrecognised') return this.count('title');
    this.pending.push(row);
    if (this.phase === 'seeking') this.seekHeader(false);
    else if (this.pending.length >= ENCODING_VOTE_ROWS) this.startStreaming();
  }

  finish(): SheetSummary {
    if (this.phase === 'seeking') this.seekHeader(true);
    if (this.phase === 'voting') this.startStreaming();
    if (this.phase === 'unrecognised' && this.nonEmptyRows > 3) {
      this.sink.needsFixing({ sheet: this.name, row: 1, field: '', code: 'header-not-found', message: 'Không tìm thấy dòng tiêu đề cột (Họ và tên, Ngày sinh, CCCD…); trang tính này chưa được nhập.' });
    }
    return { name: this.name, layout: this.layout, dataRows: this.dataRows, headerRow: this.headerRow, mapping: this.mapping, titles: this.titles, rowKinds: this.kinds, amountUnit: this.amountUnit, hidden: false };
  }

  private count(kind: RowKind): void {
    this.kinds[kind] = (this.kinds[kind] ?? 0) + 1;
  }

  private seekHeader(atEnd: boolean): void {
    const rows = this.pending;
    for (let i = 0; i < rows.length; i++) {
      const texts = guessTexts(rows[i]);
      if (!mapHeaderRow(texts)) continue;
      const next = rows[i + 1];
      if (!next && !atEnd) return; // wait for the possible sub-header row
      const sub = next && next.rowNumber === rows[i].rowNumber + 1 ? guessTexts(next) : null;
      const header = detectHeader(texts, sub);
      if (!header) continue;
      this.layout = layoutId(header.signature);
      this.titles = header.titles;
      this.mapping = this.options.mappings?.[this.layout] ?? header.mapping;
      this.headerRow = rows[i].rowNumber;
      const amountHeading = this.mapping.monthlyAmount === undefined ? '' : this.titles[this.mapping.monthlyAmount] ?? '';
      this.amountUnit = amountUnitOfHeading(amountHeading) ?? unitOfBanners(rows.slice(0, i)) ?? 1;
      for (let k = 0; k < i; k++) this.countTitle(rows[k]);
      for (let k = 0; k < header.headerRows; k++) this.count('header');
      this.pending = rows.slice(i + header.headerRows);
      this.phase = 'voting';
      if (atEnd || this.pending.length >= ENCODING_VOTE_ROWS) this.startStreaming();
      return;
    }
    if (atEnd || rows.length >= HEADER_SCAN_ROWS) {
      for (const r of rows) this.countTitle(r);
      this.pending = [];
      this.phase = 'unrecognised';
    }
  }

  private countTitle(row: RawRow): void {
    const empty = row.cells.every((c) => !c || c.value === null || String(c.value).trim() === '');
    if (!empty) this.nonEmptyRows += 1;
    this.count(empty ? 'blank' : 'title');
  }

  private startStreaming(): void {
    const width = Math.max(0, ...this.pending.map((r) => r.cells.length));
    const votes = Array.from({ length: width }, () => new ColumnEncodingVote());
    for (const row of this.pending) {
      row.cells.forEach((cell, c) => {
        if (cell && typeof cell.value === 'string' && !cell.decoded) votes[c].add(cell.value, cell.font);
      });
    }
    this.encodings = votes.map((v) => v.decide());
    this.phase = 'streaming';
    const rows = this.pending;
    this.pending = [];
    for (const row of rows) this.process(row);
  }

  private process(input: RawRow): void {
    const mapping = this.mapping!;
    const row = input.merged ? this.withMergedValues(input, mapping) : input;
    const texts = row.cells.map((cell, c) => this.text(cell, c));
    const kind = this.classify(row, texts, mapping);
    this.count(kind);
    if (kind !== 'data') return;
    this.dataRows += 1;
    const built = buildRecord(row.cells, texts, {
      sheet: this.name, row: row.rowNumber, mapping, sectionVillage: this.village, sectionLabel: this.groupLabel, titles: this.titles, today: this.today,
      amountUnit: this.amountUnit,
    });
    if (built.record) this.sink.record(built.record);
    const fullName = built.record?.fullName ?? null;
    for (const p of built.problems) if (isError(p.code)) this.sink.needsFixing({ sheet: this.name, row: row.rowNumber, fullName, ...p });
  }

  /**
   * A village, category, address or bank merged down over several people's rows belongs to each of them. A merged
   * name, ID, birth, amount or account does not: copied, it would make two people one, or pay one amount twice.
   */
  private withMergedValues(row: RawRow, mapping: ColumnMapping): RawRow {
    const cells = row.cells.slice();
    for (const field of MERGED_FIELDS) {
      const c = mapping[field];
      if (c === undefined || !row.merged![c]) continue;
      if (!cells[c] || isEmptyCell(cells[c]!)) cells[c] = row.merged![c];
    }
    return { rowNumber: row.rowNumber, cells };
  }

  /** A cell's Unicode text; legacy decoding and clean-up done once per distinct text of a column. */
  private text(cell: RawCell | undefined, c: number): string {
    if (!cell || typeof cell.value !== 'string' || cell.decoded) return cellText(cell, this.encodings[c] ?? 'unicode');
    const cache = (this.textCaches[c] ??= new Map());
    const key = cell.font ? `${cell.font}\u0000${cell.value}` : cell.value;
    let text = cache.get(key);
    if (text === undefined) {
      text = cellText(cell, this.encodings[c] ?? 'unicode');
      if (cache.size >= TEXT_CACHE_SIZE) cache.clear();
      cache.set(key, text);
    }
    return text;
  }

  private classify(row: RawRow, texts: string[], mapping: ColumnMapping): RowKind {
    const filled = texts.filter((t) => t.trim() !== '');
    if (filled.length === 0) return 'blank';
    const name = mapping.fullName === undefined ? '' : (texts[mapping.fullName] ?? '').trim();
    const valueAt = (c: number | undefined) => (c === undefined ? '' : (texts[c] ?? '').trim());
    const personColumns = [mapping.birth, mapping.birthMale, mapping.birthFemale, mapping.birthYear, mapping.idNumber, mapping.oldIdNumber, mapping.monthlyAmount, mapping.accountNumber];
    const personData = personColumns.some((c) => valueAt(c) !== '');
    const otherData = personData || [mapping.categoryLabel, mapping.sex, mapping.hometown].some((c) => valueAt(c) !== '');
    const rowNumberCell = mapping.rowNumber === undefined ? undefined : row.cells[mapping.rowNumber];
    const numbered = typeof rowNumberCell?.value === 'number' || /^\d{1,6}\.?$/.test(valueAt(mapping.rowNumber));
    // A signature block laid out in the list's columns puts "Người lập biểu" under the name and "Chủ tịch UBND xã" or
    // "…, ngày 04 tháng 12 năm 2026" under the amount: only a figure there (a date, a number) makes the row a person's.
    const strongData = name !== '' && personColumns.some((c) => { const v = valueAt(c); return /\d/.test(v) && (!/\p{L}/u.test(v) || !isSignatureText(v)); });
    const identity = [mapping.birth, mapping.birthMale, mapping.birthFemale, mapping.birthYear, mapping.idNumber, mapping.oldIdNumber].some((c) => valueAt(c) !== '');

    if (isColumnNumberRow(texts)) return 'column-numbers';
    if ((texts.some(mayBeNameHeader) && mapHeaderRow(texts)) || filled.every((t) => isMaleLabel(t) || isFemaleLabel(t))) return 'header';
    if (this.signatureBlock && !strongData) return 'signature';
    if (!identity && filled.slice(0, 3).some(isTotalsText)) return 'totals';
    if (!strongData && filled.some(isSignatureText)) {
      this.signatureBlock = true;
      return 'signature';
    }
    if (name !== '' && (otherData || numbered)) return 'data';
    const title = otherData || numbered ? null : sectionTitle(texts);
    if (title && (filled.length === 1 || hasNumbering(filled[0]))) {
      const village = sectionVillage(title);
      if (village) this.village = village;
      else this.groupLabel = title;
      return 'section';
    }
    if (name !== '' || otherData || numbered) return 'data';
    return 'title';
  }
}

/** "ĐVT: 1.000 đồng" in a row above the header: the first such banner's unit. */
function unitOfBanners(rows: readonly RawRow[]): number | null {
  for (const row of rows) {
    for (const text of guessTexts(row)) {
      const unit = text ? amountUnitOfBanner(text) : null;
      if (unit !== null) return unit;
    }
  }
  return null;
}

/** Header and title cells: decoded by their own font or, without one, by their own characters. */
export function guessTexts(row: RawRow): string[] {
  return row.cells.map((cell) => {
    if (!cell || typeof cell.value !== 'string') return cellText(cell, 'unicode');
    if (cell.decoded) return cleanUnicode(cell.value);
    const ev = characterEvidence(cell.value);
    return toUnicode(cell.value, cell.font, ev.tcvn3 ? 'tcvn3' : ev.vni ? 'vni' : 'unicode');
  });
}

function cellText(cell: RawCell | undefined, encoding: TextEncoding): string {
  if (!cell) return '';
  const v = cell.value;
  if (v === null || v === undefined || typeof v === 'boolean') return '';
  if (typeof v === 'number') return numberAsDigits(v) ?? String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return restoreNeutralisedText(cell.decoded ? cleanUnicode(v) : toUnicode(v, cell.font, encoding));
}

