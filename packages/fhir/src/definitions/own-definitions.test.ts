import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createIndexer } from '../indexing/indexer.js';
import { testRegistry } from '../testing.js';
import { loadRegistry } from './load-registry.js';
import { TEST_PACKAGE_DIRS, tempDir } from './test-packages.js';

const NEWPATIENTS = 'http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/newpatients';

describe("payerport's own search parameters", () => {
  it('are loaded with the IGs, one per type, from the package shipped with the code', async () => {
    const registry = await testRegistry();
    for (const [type, code] of [['PractitionerRole', 'new-patients'], ['HealthcareService', 'new-patients'], ['Location', 'new-patients'], ['Location', 'open-on'], ['HealthcareService', 'available-on'], ['PractitionerRole', 'available-on']] as const) {
      const def = registry.searchParam(type, code);
      assert.equal(def?.source, 'payerport.fhir@0.1.0', `${type}?${code}`);
      assert.equal(def?.type, 'token');
      assert.match(def!.url, /^https:\/\/payerport\.dev\/fhir\/SearchParameter\//);
    }
    assert.ok(registry.packages().some((p) => p.id === 'payerport.fhir'));
  });

  it('index what their expressions say', async () => {
    const registry = await testRegistry();
    const indexer = createIndexer(registry, ['PractitionerRole', 'Location']);
    const role = {
      resourceType: 'PractitionerRole', id: 'r',
      extension: [{ url: NEWPATIENTS, extension: [{ url: 'acceptingPatients', valueCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/us/davinci-pdex-plan-net/CodeSystem/AcceptingPatientsCS', code: 'newpt' }] } }] }],
      availableTime: [{ daysOfWeek: ['mon', 'tue'] }],
    };
    const rows = indexer.extract(role).filter((r) => r.kind === 'token' && (r.param === 'new-patients' || r.param === 'available-on'));
    assert.deepEqual(rows.map((r) => r.kind === 'token' && `${r.param}=${r.code}`).sort(), ['available-on=mon', 'available-on=tue', 'new-patients=newpt']);
    const location = { resourceType: 'Location', id: 'l', hoursOfOperation: [{ daysOfWeek: ['sat', 'sun'], allDay: true }] };
    assert.deepEqual(indexer.extract(location).filter((r) => r.param === 'open-on').map((r) => r.kind === 'token' && r.code).sort(), ['sat', 'sun']);
  });

  it('can be left out', async () => {
    const registry = await loadRegistry({ packageDirs: TEST_PACKAGE_DIRS, cacheDir: await tempDir(), packages: [], download: false, ownDefinitions: false });
    assert.equal(registry.searchParam('Location', 'open-on'), undefined);
  });
});
