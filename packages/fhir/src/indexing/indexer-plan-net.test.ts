/** The indexer on the Plan-Net 1.1.0 package: its SearchParameters and its example resources. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createIndexer } from './indexer.js';
import { PLAN_NET, loadTestDefs, readPackage, rowsFor, testIndexer } from './test-defs.js';

const defs = loadTestDefs();
const example = (id: string) => {
  const found = defs.examples.find((e) => e['id'] === id);
  assert.ok(found, `Plan-Net example ${id}`);
  return found;
};
const planNetParams = [...readPackage(PLAN_NET).values()].filter((r) => r['resourceType'] === 'SearchParameter');

describe('Plan-Net 1.1.0 search parameters', () => {
  it('every one compiles for its base type, each term on the fast path', () => {
    assert.ok(planNetParams.length >= 40, `found ${planNetParams.length}`);
    for (const sp of planNetParams) {
      for (const type of sp['base'] as string[]) {
        const param = testIndexer().params(type).find((p) => p.code === sp['code']);
        assert.ok(param, `${type}.${String(sp['code'])} is indexed`);
        assert.equal(param.def.source, 'hl7.fhir.us.davinci-pdex-plan-net@1.1.0', `${type}.${param.code} comes from Plan-Net`);
        assert.deepEqual(param.terms.map((t) => t.engine), param.terms.map(() => 'fast'), `${type}.${param.code}`);
      }
    }
  });

  it('indexes every example without an expression error, each with rows', () => {
    const errors: string[] = [];
    const indexer = createIndexer(defs, defs.resourceTypes, { onError: (e, w) => errors.push(`${w.type}.${w.code}: ${String(e)}`) });
    assert.ok(defs.examples.length >= 45, `found ${defs.examples.length}`);
    for (const resource of defs.examples) assert.ok(indexer.extract(resource).length > 0, String(resource['id']));
    assert.deepEqual(errors, []);
  });
});

describe('Plan-Net examples', () => {
  const ref = (targetType: string, targetId: string) => ({ kind: 'reference', targetType, targetId, url: null, urlVersion: null, identifierSystem: null, identifierValue: null });

  it('PractitionerRole HansSoloRole1: network (extension), specialty, location, practitioner', () => {
    const role = example('HansSoloRole1');
    assert.deepEqual(rowsFor(role, 'network'), [ref('Organization', 'AcmeofCTStdNet')]);
    assert.deepEqual(rowsFor(role, 'specialty'), [{ kind: 'token', system: 'http://nucc.org/provider-taxonomy', code: '207R00000X', text: 'internal medicine physician' }]);
    assert.deepEqual(rowsFor(role, 'location'), [ref('Location', 'HansSoloClinic')]);
    assert.deepEqual(rowsFor(role, 'practitioner'), [ref('Practitioner', 'HansSolo')]);
    assert.deepEqual(rowsFor(role, 'active'), [{ kind: 'token', system: null, code: 'true', text: null }]);
  });

  it('Organization AcmeofCTPremNet: coverage-area from the location-reference extension', () => {
    assert.deepEqual(rowsFor(example('AcmeofCTPremNet'), 'coverage-area'), [ref('Location', 'StateOfCTLocation')]);
  });

  it('InsurancePlan: name from the relative expression `name | alias`; coverage-area', () => {
    const plan = example('AcmeQHPBronze');
    assert.deepEqual(rowsFor(plan, 'name'), [{ kind: 'string', norm: 'acme of ct qhp bronze', exact: 'Acme of CT QHP Bronze' }]);
    assert.deepEqual(rowsFor({ ...plan, alias: ['Bronze'] }, 'name').length, 2);
    assert.deepEqual(rowsFor(plan, 'coverage-area'), [ref('Location', 'StateOfCTLocation')]);
  });

  it('Location HospLoc1: address parts and position for near', () => {
    const loc = example('HospLoc1');
    assert.deepEqual(rowsFor(loc, 'near'), [{ kind: 'position', latitude: 15, longitude: 3 }]);
    assert.deepEqual(rowsFor(loc, 'address-postalcode'), [{ kind: 'string', norm: '00014-1234', exact: '00014-1234' }]);
    assert.deepEqual(rowsFor(loc, 'address').map((r) => (r as { norm: string }).norm), ['456 main street', 'anytown', 'ct', '00014-1234']);
  });

  it('HealthcareService HansSoloService: service-category and specialty tokens', () => {
    const svc = example('HansSoloService');
    assert.deepEqual(rowsFor(svc, 'service-category'), [{ kind: 'token', system: 'http://hl7.org/fhir/us/davinci-pdex-plan-net/CodeSystem/HealthcareServiceCategoryCS', code: 'outpat', text: null }]);
    assert.deepEqual(rowsFor(svc, 'specialty').map((r) => (r as { code: string }).code), ['207Q00000X']);
  });

  it('resource columns and parameters without an expression produce no rows, with a reason', () => {
    const skipped = new Map(testIndexer().skipped('PractitionerRole').map((s) => [s.code, s.reason]));
    assert.equal(skipped.get('_id'), 'stored as a resource column');
    assert.equal(skipped.get('_lastUpdated'), 'stored as a resource column');
    assert.equal(skipped.get('_text'), 'no expression');
    assert.equal(testIndexer().extract(example('HansSoloRole1')).some((r) => r.param === '_id' || r.param === '_lastUpdated'), false);
  });
});
