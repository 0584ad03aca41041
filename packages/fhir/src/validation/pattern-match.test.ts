import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { equalsFixed, fixedOrPattern, matchesPattern } from './pattern-match.js';

describe('fixed and pattern values', () => {
  const cc = { coding: [{ system: 's', code: 'a', display: 'A' }, { system: 't', code: 'b' }], text: 'x' };

  it('fixed needs exact equality, extra properties included', () => {
    assert.equal(equalsFixed('active', 'active'), true);
    assert.equal(equalsFixed({ system: 's', code: 'a' }, { system: 's', code: 'a' }), true);
    assert.equal(equalsFixed({ system: 's', code: 'a', display: 'A' }, { system: 's', code: 'a' }), false);
    assert.equal(equalsFixed([1, 2], [2, 1]), false);
  });

  it('pattern is a partial match; pattern array items may match any value item', () => {
    assert.equal(matchesPattern(cc, { coding: [{ system: 't', code: 'b' }] }), true);
    assert.equal(matchesPattern(cc, { coding: [{ system: 's', code: 'b' }] }), false);
    assert.equal(matchesPattern(cc, { text: 'y' }), false);
    assert.equal(matchesPattern({ coding: [] }, { coding: [{ code: 'a' }] }), false);
    assert.equal(matchesPattern(true, true), true);
    assert.equal(matchesPattern(false, true), false);
  });

  it('a repeating value matches a pattern when some item does', () => {
    assert.equal(matchesPattern([{ code: 'x' }, cc], { coding: [{ code: 'a' }] }), true);
    assert.equal(matchesPattern([{ code: 'x' }], { code: 'a' }), false);
  });

  it('finds the fixed or pattern property of an ElementDefinition', () => {
    assert.deepEqual(fixedOrPattern({ path: 'x', fixedUri: 'u' }), { kind: 'fixed', name: 'fixedUri', value: 'u' });
    assert.deepEqual(fixedOrPattern({ patternCoding: { code: 'a' } }), { kind: 'pattern', name: 'patternCoding', value: { code: 'a' } });
    assert.equal(fixedOrPattern({ path: 'x', min: 0 }), undefined);
  });
});
