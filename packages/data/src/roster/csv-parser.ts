/**
 * A streaming CSV parser for RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180): quoted fields,
 * `""` inside quotes, CRLF or LF (or a lone CR) between records, line breaks inside quoted
 * fields, a leading UTF-8 BOM. Every record carries the physical line on which it starts, so
 * problems can be reported the way a person finds them in an editor.
 *
 * It is fed text in chunks of any size (`push`), then `end()`; neither throws. A malformed
 * record (a quote inside an unquoted field, text after a closing quote) becomes a `CsvProblem`
 * and parsing resumes at the next record; an unterminated quote swallows the rest of the file,
 * which is reported once, with the line where the quote opened.
 */

export interface CsvRecord {
  readonly kind: 'record';
  /** 1-based physical line where the record starts. */
  readonly line: number;
  readonly fields: string[];
}

export interface CsvProblem {
  readonly kind: 'problem';
  readonly line: number;
  readonly reason: string;
}

export type CsvItem = CsvRecord | CsvProblem;

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

type State = 'fieldStart' | 'unquoted' | 'quoted' | 'quoteInQuoted' | 'skipToEol';

export class CsvParser {
  private state: State = 'fieldStart';
  private field = '';
  private fields: string[] = [];
  private line = 1;
  private recordLine = 1;
  private quoteLine = 1;
  private problem: string | undefined;
  // A CR was the last character of the previous chunk: a following LF belongs to it.
  private pendingCr = false;
  // The last character read inside a quoted field was a CR.
  private quotedCr = false;
  private first = true;

  /** Parses `chunk`; returns the records (and problems) completed by it. */
  push(chunk: string): CsvItem[] {
    const out: CsvItem[] = [];
    let text = chunk;
    if (this.first && text.length > 0) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let i = 0;
    if (this.pendingCr) {
      this.pendingCr = false;
      if (text.charCodeAt(0) === LF) i = 1;
    }
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const isBreak = c === CR || c === LF;
      if (isBreak && this.state !== 'quoted') {
        // CRLF is one break; a CR at the very end of the chunk may be the first half of one.
        if (c === CR) {
          if (i + 1 < text.length) { if (text.charCodeAt(i + 1) === LF) i++; } else this.pendingCr = true;
        }
        this.endRecord(out);
        this.line++;
        this.recordLine = this.line;
        continue;
      }
      switch (this.state) {
        case 'fieldStart':
          if (c === QUOTE) { this.state = 'quoted'; this.quoteLine = this.line; } else if (c === COMMA) this.endField();
          else { this.field += text[i]; this.state = 'unquoted'; }
          break;
        case 'unquoted': {
          // Copy the run up to the next special character in one slice (the hot path).
          let j = i;
          while (j < text.length) {
            const d = text.charCodeAt(j);
            if (d === COMMA || d === QUOTE || d === CR || d === LF) break;
            j++;
          }
          this.field += text.slice(i, j);
          i = j - 1;
          if (j < text.length) {
            const d = text.charCodeAt(j);
            if (d === COMMA) { this.endField(); this.state = 'fieldStart'; i = j; } else if (d === QUOTE) {
              this.fail(`a quote inside an unquoted field (field ${this.fields.length + 1}); quote the whole field and double the quote`);
              i = j;
            }
          }
          break;
        }
        case 'quoted': {
          if (c === QUOTE) { this.state = 'quoteInQuoted'; this.quotedCr = false; break; }
          let j = i;
          while (j < text.length && text.charCodeAt(j) !== QUOTE) {
            const d = text.charCodeAt(j);
            // Count line breaks inside the field (CRLF once, even split across chunks) so later line numbers stay right.
            if (d === CR || (d === LF && !this.quotedCr)) this.line++;
            this.quotedCr = d === CR;
            j++;
          }
          this.field += text.slice(i, j);
          i = j - 1;
          break;
        }
        case 'quoteInQuoted':
          if (c === QUOTE) { this.field += '"'; this.state = 'quoted'; } else if (c === COMMA) { this.endField(); this.state = 'fieldStart'; } else {
            this.fail(`text after the closing quote of field ${this.fields.length + 1}`);
          }
          break;
        case 'skipToEol':
          break;
      }
    }
    return out;
  }

  /** Ends the input; returns the last record (and a problem for an unterminated quote). */
  end(): CsvItem[] {
    const out: CsvItem[] = [];
    if (this.state === 'quoted') {
      out.push({ kind: 'problem', line: this.recordLine, reason: `unterminated quoted field (the quote opened on line ${this.quoteLine} is never closed)` });
      this.reset();
      return out;
    }
    this.endRecord(out);
    return out;
  }

  private fail(reason: string): void {
    this.problem ??= reason;
    this.state = 'skipToEol';
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
  }

  private endRecord(out: CsvItem[]): void {
    if (this.problem !== undefined) {
      out.push({ kind: 'problem', line: this.recordLine, reason: this.problem });
    } else if (this.state === 'fieldStart' && this.fields.length === 0) {
      // An empty line (or the end of input right after a line break): not a record.
    } else {
      this.endField();
      out.push({ kind: 'record', line: this.recordLine, fields: this.fields });
    }
    this.reset();
  }

  private reset(): void {
    this.state = 'fieldStart';
    this.field = '';
    this.fields = [];
    this.problem = undefined;
  }
}

/** Parses a stream of text chunks (e.g. `createReadStream(path, 'utf8')`) record by record. */
export async function* parseCsv(chunks: AsyncIterable<string | Buffer>): AsyncGenerator<CsvItem> {
  const parser = new CsvParser();
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    // Buffers are decoded with `stream: true` so a multi-byte character split across chunks survives.
    yield* parser.push(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
  }
  yield* parser.push(decoder.decode());
  yield* parser.end();
}
