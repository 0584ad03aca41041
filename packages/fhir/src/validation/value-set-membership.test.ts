import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DefinitionSource } from './definition-source.js';
import type { Json } from './json-value.js';
import { valueSetMembership } from './value-set-membership.js';

function source(resources: Json[]): DefinitionSource {
  const find = (type: string) => (url: string) => resources.find((r) => r.resourceType === type && r.url === url.split('|')[0]);
  return { structureDefinition: find('StructureDefinition'), valueSet: find('ValueSet'), codeSystem: find('CodeSystem') };
}

const cs = { resourceType: 'CodeSystem', url: 'http://cs', content: 'complete', concept: [{ code: 'a', concept: [{ code: 'a1' }] }, { code: 'b' }] };
const fragment = { resourceType: 'CodeSystem', url: 'http://frag', content: 'fragment', concept: [{ code: 'z' }] };
const vs = (url: string, compose: Json): Json => ({ resourceType: 'ValueSet', url, compose });
const defs = source([
  cs, fragment,
  vs('http://whole', { include: [{ system: 'http://cs' }], exclude: [{ system: 'http://cs', concept: [{ code: 'b' }] }] }),
  vs('http://listed', { include: [{ system: 'http://nucc', concept: [{ code: '207Q00000X' }] }] }),
  vs('http://filtered', { include: [{ system: 'http://rxnorm', filter: [{ property: 'TTY', op: '=', value: 'SCD' }] }] }),
  vs('http://union', { include: [{ valueSet: ['http://listed'] }, { valueSet: ['http://whole'] }] }),
  vs('http://frag-vs', { include: [{ system: 'http://frag' }] }),
  vs('http://missing-import', { include: [{ valueSet: ['http://nowhere'] }] }),
  { resourceType: 'ValueSet', url: 'http://expanded', expansion: { contains: [{ system: 'http://x', code: 'c' }] } },
]);

describe('valueSetMembership', () => {
  it('expands whole complete code systems (nested concepts too) minus excluded codes', () => {
    const m = valueSetMembership('http://whole|1.0', defs);
    assert.equal(m.contains('http://cs', 'a1'), 'yes');
    assert.equal(m.contains('http://cs', 'b'), 'no');
    assert.equal(m.contains('http://other', 'a'), 'no');
    assert.equal(m.contains(undefined, 'a'), 'yes', 'a plain code matches any included system');
    assert.equal(m.contains(undefined, 'q'), 'no');
  });

  it('decides explicit concept lists even for external systems', () => {
    const m = valueSetMembership('http://listed', defs);
    assert.equal(m.contains('http://nucc', '207Q00000X'), 'yes');
    assert.equal(m.contains('http://nucc', '363L00000X'), 'no');
  });

  it('answers unknown for filters, fragment code systems and unresolvable imports', () => {
    assert.equal(valueSetMembership('http://filtered', defs).contains('http://rxnorm', '1000091'), 'unknown');
    assert.equal(valueSetMembership('http://filtered', defs).contains('http://other', '1'), 'no', 'a system the value set never names is still decided');
    assert.equal(valueSetMembership('http://frag-vs', defs).contains('http://frag', 'z'), 'unknown');
    assert.equal(valueSetMembership('http://missing-import', defs).contains('http://x', 'c'), 'unknown');
    assert.equal(valueSetMembership('http://not-loaded', defs).contains('http://x', 'c'), 'unknown');
  });

  it('unions imported value sets and reads a bare expansion', () => {
    const m = valueSetMembership('http://union', defs);
    assert.equal(m.contains('http://nucc', '207Q00000X'), 'yes');
    assert.equal(m.contains('http://cs', 'a'), 'yes');
    assert.equal(m.contains('http://cs', 'b'), 'no');
    assert.equal(valueSetMembership('http://expanded', defs).contains('http://x', 'c'), 'yes');
  });
});
