import { createReadStream } from 'node:fs';
import iconv from 'iconv-lite';
import { MAX_COLUMNS, type RawCell, type RawRow, type RawSheet } from './raw-cell';
import { utf16Of, type TextFileEncoding } from './text-encoding';

// .csv in UTF-8 or Windows-1258 (what Vietnamese Windows saves as "CSV"), or UTF-16 (Excel's "Unicode Text",
// told by its BOM). A UTF-8 or 1258 file is streamed twice: once to see whether it is valid UTF-8, once to parse. Fields and lines are capped so a hostile file
// (a million columns, one endless line) cannot exhaust memory.

const MAX_FIELD_CHARS = 32_768;

export async function detectCsvEncoding(filePath: string): Promise<TextFileEncoding> {
  for await (const head of createReadStream(filePath, { start: 0, end: 1 })) {
    const utf16 = utf16Of(head as Buffer);
    if (utf16) return utf16;
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(filePath)) decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return 'utf-8';
  } catch {
    return 'windows-1258';
  }
}

export async function* readCsvSheets(filePath: string, sheetName: string): AsyncGenerator<RawSheet> {
  const encoding = await detectCsvEncoding(filePath);
  yield { name: sheetName, rows: csvRows(filePath, encoding) };
}

async function* csvRows(filePath: string, encoding: TextFileEncoding): AsyncGenerator<RawRow> {
  const stream = createReadStream(filePath).pipe(iconv.decodeStream(encoding, { stripBOM: true }));
  const parser = new CsvParser();
  for await (const chunk of stream as AsyncIterable<string>) {
    for (const row of parser.feed(chunk)) yield row;
  }
  for (const row of parser.end()) yield row;
}

/** RFC 4180 with the delimiter (comma, semicolon or tab) chosen from the first line. */
export class CsvParser {
  private delimiter: string | null = null;
  private field = '';
  private fields: string[] = [];
  private quoted = false;
  private afterQuote = false;
  private rowNumber = 1;
  private start = '';

  *feed(text: string): Generator<RawRow> {
    if (this.delimiter === null) {
      this.start += text;
      const newline = this.start.search(/\r?\n/);
      if (newline < 0 && this.start.length < 65_536) return;
      this.delimiter = pickDelimiter(this.start.slice(0, newline < 0 ? undefined : newline));
      text = this.start;
      this.start = '';
    }
    const d = this.delimiter;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (this.quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') { this.push('"'); i++; } else { this.quoted = false; this.afterQuote = true; }
        } else this.push(ch);
        continue;
      }
      if (ch === '"' && this.field === '' && !this.afterQuote) { this.quoted = true; continue; }
      if (ch === d) { this.endField(); continue; }
      if (ch === '\r') continue;
      if (ch === '\n') { yield this.endRow(); continue; }
      this.push(ch);
    }
  }

  *end(): Generator<RawRow> {
    if (this.delimiter === null && this.start) yield* this.feed('\n');
    if (this.field !== '' || this.fields.length > 0) yield this.endRow();
  }

  private push(ch: string): void {
    if (this.field.length < MAX_FIELD_CHARS) this.field += ch;
  }

  private endField(): void {
    if (this.fields.length < MAX_COLUMNS) this.fields.push(this.field);
    this.field = '';
    this.afterQuote = false;
  }

  private endRow(): RawRow {
    this.endField();
    const cells: (RawCell | undefined)[] = this.fields.map((f) => (f === '' ? undefined : { value: f }));
    this.fields = [];
    return { rowNumber: this.rowNumber++, cells };
  }
}

function pickDelimiter(line: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, line.split(d).length] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0][0];
}
