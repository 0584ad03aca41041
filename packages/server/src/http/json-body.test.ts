import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FhirError } from '@payerport/fhir';
import { FormBody, MAX_JSON_DEPTH, nestingExceeds, parseFormBody, parseJsonBody } from './json-body.js';

describe('nestingExceeds', () => {
  it('counts objects and arrays', () => {
    assert.equal(nestingExceeds('{"a":[{"b":1}]}', 3), false);
    assert.equal(nestingExceeds('{"a":[{"b":[1]}]}', 3), true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    const s = JSON.stringify({ a: '[[[[{{{{ \\" [[[[' });
    assert.equal(nestingExceeds(s, 1), false);
  });
});

describe('parseJsonBody', () => {
  it('parses JSON and treats an empty body as none', () => {
    assert.deepEqual(parseJsonBody('{"a":1}'), { a: 1 });
    assert.equal(parseJsonBody(''), undefined);
    assert.equal(parseJsonBody('  \n'), undefined);
  });

  it('throws FhirError 400 for malformed and too deep JSON', () => {
    for (const text of ['{"a":', '[' .repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1)]) {
      assert.throws(() => parseJsonBody(text), (e: unknown) => e instanceof FhirError && e.status === 400);
    }
  });
});

describe('parseFormBody', () => {
  it('keeps order and repeats', () => {
    const form = parseFormBody('a=1&b=x%7Cy&a=2');
    assert.ok(form instanceof FormBody);
    assert.deepEqual(form.pairs, [['a', '1'], ['b', 'x|y'], ['a', '2']]);
  });
});
