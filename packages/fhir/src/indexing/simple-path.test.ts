/**
 * The fast path must extract exactly what fhirpath.js extracts: checked on every base R4, US
 * Core, Plan-Net and Formulary parameter, over the IG examples and over synthetic resources
 * that fill every element of every type.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createIndexer } from './indexer.js';
import { rowKey } from './row-key.js';
import { compileSimplePath } from './simple-path.js';
import { RESOURCE_TYPES, loadTestDefs } from './test-defs.js';
import { sampleResource } from './test-sample-resources.js';

const IGS = ['hl7.fhir.us.davinci-pdex-plan-net-1.1.0.tgz', 'hl7.fhir.us.core-6.1.0.tgz', 'hl7.fhir.us.davinci-drug-formulary-2.0.1.tgz', 'hl7.fhir.us.carin-bb-2.0.0.tgz'];
const scope = { resourceTypes: new Set(RESOURCE_TYPES), baseUrls: [] };

describe('compileSimplePath', () => {
  it('takes member paths, where(x = literal), extension(url), refIs and ofType', () => {
    for (const term of ['Patient.name.given', "Patient.telecom.where(system='email')", "Patient.extension('http://x').value",
      "Observation.subject.where(refIs('Patient'))", 'Observation.value.ofType(Quantity)', 'Resource.meta.tag', 'name']) {
      assert.ok(compileSimplePath(term, term === 'name' ? 'InsurancePlan' : term.startsWith('Obs') ? 'Observation' : 'Patient', scope), term);
    }
  });

  it('leaves everything else to fhirpath.js', () => {
    for (const term of ['Patient.deceased.exists() and Patient.deceased != false', 'Patient.name.first()', "Patient.telecom.where(system='email' or system='phone')",
      'Observation.value.ofType(CodeableConcept).text', 'Patient.nonexistent', "Patient.extension.where(url = 'a\\'b')", 'Observation.subject.ofType(Quantity)']) {
      assert.equal(compileSimplePath(term, term.startsWith('Obs') ? 'Observation' : 'Patient', scope), undefined, term);
    }
  });

  it('rejects a path rooted at another resource type', () => {
    assert.equal(compileSimplePath('Condition.code', 'Observation', scope), undefined);
  });
});

describe('fast path = fhirpath.js', () => {
  const defs = loadTestDefs(IGS);
  const errors: string[] = [];
  const onError = (e: unknown, w: { type: string; code: string }) => errors.push(`${w.type}.${w.code}: ${String(e)}`);
  const fast = createIndexer(defs, defs.resourceTypes, { onError });
  const engine = createIndexer(defs, defs.resourceTypes, { fastPaths: false, onError });

  const compare = (resource: Record<string, unknown>) => {
    const a = fast.extract(resource).map(rowKey).sort();
    const b = engine.extract(resource).map(rowKey).sort();
    assert.deepEqual(a, b, `${String(resource['resourceType'])}/${String(resource['id'])}`);
    return a.length;
  };

  it('nearly every term is on the fast path', () => {
    let fastTerms = 0;
    let all = 0;
    for (const type of defs.resourceTypes) for (const p of fast.params(type)) for (const t of p.terms) { all++; if (t.engine === 'fast') fastTerms++; }
    assert.ok(fastTerms / all > 0.99, `${fastTerms} of ${all}`);
  });

  it('on the IG example resources', () => {
    let rows = 0;
    for (const resource of defs.examples) rows += compare(resource);
    assert.ok(rows > 1000, `${rows} rows compared`);
    assert.deepEqual(errors, []);
  });

  it('on synthetic resources of every type', () => {
    const literals = new Set(['phone', 'email']);
    for (const type of defs.resourceTypes) {
      for (const def of defs.searchParams(type).values()) for (const m of (def.expression ?? '').matchAll(/'([^']*)'/g)) literals.add(m[1]!);
    }
    let rows = 0;
    for (const type of defs.resourceTypes) {
      for (let variant = 0; variant < 3; variant++) rows += compare(sampleResource(type, variant, { literals: [...literals] }));
    }
    assert.ok(rows > 10_000, `${rows} rows compared`);
    assert.deepEqual(errors, []);
  });
});
