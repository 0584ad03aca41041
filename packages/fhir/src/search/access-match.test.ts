/** The in-memory access check on single versions: compartment by reference or id, granular filters, all/none. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VISIBLE_ALL, VISIBLE_NONE, type TypeVisibility } from './access.js';
import { visibleInMemory } from './access-match.js';
import { testIndexer } from '../indexing/test-defs.js';
import { param, tok } from './matcher-test-kit.js';
import type { SearchFilter } from './query.js';

const CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
const coverage = (beneficiary: string) => ({ resourceType: 'Coverage', id: 'cov-1', status: 'active', beneficiary: { reference: `Patient/${beneficiary}` }, payor: [{ reference: 'Organization/o' }] });
const observation = (subject: string, category: string) => ({
  resourceType: 'Observation', id: 'obs-1', status: 'final', code: { text: 'x' },
  category: [{ coding: [{ system: CATEGORY, code: category }] }], subject: { reference: `Patient/${subject}` },
});
const confinedTo = (patient: string, params: string[], anyOf?: SearchFilter[][]): TypeVisibility => ({
  kind: 'some', compartment: { type: 'Patient', id: patient, params }, anyOf,
});

describe('visibleInMemory', () => {
  const indexer = testIndexer();
  it('shows everything or nothing for unrestricted and refused types', () => {
    assert.equal(visibleInMemory(coverage('b'), VISIBLE_ALL, indexer), true);
    assert.equal(visibleInMemory(coverage('a'), VISIBLE_NONE, indexer), false);
  });
  it('a version is in the compartment only through its own compartment references', () => {
    const view = confinedTo('a', ['beneficiary', 'subscriber', 'policy-holder', 'payor']);
    assert.equal(visibleInMemory(coverage('a'), view, indexer), true);
    assert.equal(visibleInMemory(coverage('b'), view, indexer), false);
    // The same reference through a parameter that does not put it in the compartment does not count.
    assert.equal(visibleInMemory(coverage('a'), confinedTo('a', ['payor']), indexer), false);
  });
  it('the compartment\'s own resource is in it by id', () => {
    const view = confinedTo('a', ['link']);
    assert.equal(visibleInMemory({ resourceType: 'Patient', id: 'a' }, view, indexer), true);
    assert.equal(visibleInMemory({ resourceType: 'Patient', id: 'b' }, view, indexer), false);
  });
  it('granular scopes: a version outside the scope\'s query is hidden even in the compartment', () => {
    const view = confinedTo('a', ['subject', 'performer'], [[param('Observation', 'category', [tok(CATEGORY, 'laboratory')])]]);
    assert.equal(visibleInMemory(observation('a', 'laboratory'), view, indexer), true);
    assert.equal(visibleInMemory(observation('a', 'vital-signs'), view, indexer), false);
    assert.equal(visibleInMemory(observation('b', 'laboratory'), view, indexer), false);
  });
});
