import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { CsvParser, parseCsv, type CsvItem } from './csv-parser.js';

/** Parses `text` fed in chunks of `size` characters (default: all at once). */
function parse(text: string, size = text.length || 1): CsvItem[] {
  const p = new CsvParser();
  const out: CsvItem[] = [];
  for (let i = 0; i < text.length; i += size) out.push(...p.push(text.slice(i, i + size)));
  out.push(...p.end());
  return out;
}

const records = (items: CsvItem[]): [number, string[]][] => items.map((i) => (i.kind === 'record' ? [i.line, i.fields] : [i.line, [`!${i.reason}`]]));

describe('CsvParser (RFC 4180)', () => {
  it('splits fields and records, keeping empty fields', () => {
    assert.deepEqual(records(parse('a,b,c\n1,,3\n,x,\n')), [[1, ['a', 'b', 'c']], [2, ['1', '', '3']], [3, ['', 'x', '']]]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, and numbers lines from the record start', () => {
    const text = 'name,note\r\n"Smith, Jo","said ""hi"""\r\n"multi\r\nline\nfield",x\r\nlast,row';
    assert.deepEqual(records(parse(text)), [
      [1, ['name', 'note']],
      [2, ['Smith, Jo', 'said "hi"']],
      [3, ['multi\r\nline\nfield', 'x']],
      [6, ['last', 'row']],
    ]);
  });

  it('gives the same result however the input is chunked (CRLF and quotes split across chunks)', () => {
    const text = '\ufeffa,"b\r\nc"\r\n"d""e",f\r\n\r\ng,h\r';
    const whole = records(parse(text));
    assert.deepEqual(whole, [[1, ['a', 'b\r\nc']], [3, ['d"e', 'f']], [5, ['g', 'h']]]);
    for (const size of [1, 2, 3, 5, 7]) assert.deepEqual(records(parse(text, size)), whole, `chunks of ${size}`);
  });

  it('drops a leading BOM and skips blank lines; accepts a lone CR as a line break', () => {
    assert.deepEqual(records(parse('\ufeffh1,h2\n\n1,2\r3,4')), [[1, ['h1', 'h2']], [3, ['1', '2']], [4, ['3', '4']]]);
  });

  it('keeps a quoted empty field as a record', () => {
    assert.deepEqual(records(parse('""\n')), [[1, ['']]]);
  });

  it('reports a quote inside an unquoted field and text after a closing quote, then carries on', () => {
    const items = parse('a,b\nab"c,d\n"x"y,z\ne,f\n');
    assert.deepEqual(items.map((i) => [i.kind, i.line]), [['record', 1], ['problem', 2], ['problem', 3], ['record', 4]]);
    assert.match((items[1] as { reason: string }).reason, /quote inside an unquoted field \(field 1\)/);
    assert.match((items[2] as { reason: string }).reason, /after the closing quote of field 1/);
  });

  it('reports an unterminated quote once, with the line where it opened', () => {
    const items = parse('a,b\n1,2\n3,"open\n4,5\n6,7\n');
    assert.deepEqual(records(items).slice(0, 2), [[1, ['a', 'b']], [2, ['1', '2']]]);
    assert.equal(items.length, 3);
    assert.deepEqual([items[2]!.kind, items[2]!.line], ['problem', 3]);
    assert.match((items[2] as { reason: string }).reason, /unterminated quoted field \(the quote opened on line 3/);
  });

  it('streams Buffers, decoding multi-byte characters split between chunks', async () => {
    const bytes = Buffer.from('name\nJosé Núñez\n', 'utf8');
    const chunks = [...bytes].map((b) => Buffer.from([b]));
    const items: CsvItem[] = [];
    for await (const item of parseCsv(Readable.from(chunks))) items.push(item);
    assert.deepEqual(records(items), [[1, ['name']], [2, ['José Núñez']]]);
  });
});
