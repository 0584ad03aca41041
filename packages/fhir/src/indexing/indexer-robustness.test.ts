/** Malformed input must never break a write: extraction yields what it can and never throws. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createIndexer } from './indexer.js';
import { customDef, loadTestDefs } from './test-defs.js';
import { sampleResource } from './test-sample-resources.js';

/** Replaces values with ones of the wrong shape, differently per `seed`. */
function scramble(value: unknown, seed: number, depth = 0): unknown {
  const pick = (seed * 7919 + depth * 104729) % 5;
  if (Array.isArray(value)) return pick === 0 ? 'not-an-array' : value.map((v, i) => scramble(v, seed + i, depth + 1));
  if (typeof value === 'object' && value !== null) {
    if (pick === 0) return 42;
    return Object.fromEntries(Object.entries(value).map(([k, v], i) => [k, k === 'resourceType' ? v : scramble(v, seed + i, depth + 1)]));
  }
  return [{ nested: value }, null, 1e308, '', true][pick];
}

describe('extraction on malformed resources', () => {
  const defs = loadTestDefs();
  for (const fastPaths of [true, false]) {
    it(`never throws (${fastPaths ? 'fast path' : 'fhirpath.js only'})`, () => {
      const indexer = createIndexer(defs, defs.resourceTypes, { fastPaths });
      let resources = 0;
      for (const type of ['Patient', 'Observation', 'PractitionerRole', 'Organization', 'Location', 'InsurancePlan', 'Encounter', 'Condition']) {
        for (let seed = 1; seed <= 6; seed++) {
          const resource = scramble(sampleResource(type, seed, { literals: ['email', 'phone'] }), seed) as Record<string, unknown>;
          assert.doesNotThrow(() => indexer.extract(resource), `${type} seed ${seed}`);
          resources++;
        }
      }
      assert.equal(resources, 48);
      assert.deepEqual(indexer.extract({ resourceType: 'NotAType' }), []);
      assert.deepEqual(indexer.extract({}), []);
    });
  }

  it('reports expression failures through onError and keeps the other rows', () => {
    const failures: string[] = [];
    const source = { searchParams: () => new Map([
      ['first-given', customDef('first-given', 'string', 'Patient.name.given.single()', ['Patient'])],
      ['family', customDef('family', 'string', 'Patient.name.family', ['Patient'])],
    ]) };
    const indexer = createIndexer(source, defs.resourceTypes, { onError: (_e, w) => failures.push(`${w.code}: ${w.term}`) });
    // single() on two given names is an error in FHIRPath.
    const rows = indexer.extract({ resourceType: 'Patient', name: [{ family: 'Doe', given: ['A', 'B'] }] });
    assert.deepEqual(rows.map((r) => r.param), ['family']);
    assert.deepEqual(failures, ['first-given: Patient.name.given.single()']);
    assert.deepEqual(indexer.extract({ resourceType: 'Patient', name: [{ given: ['A'] }] }).map((r) => r.param), ['first-given']);
  });
});
