import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { profileFacts } from './profile-facts.js';

const header = {
  resourceType: 'StructureDefinition',
  id: 'plannet-Practitioner',
  text: { status: 'generated', div: '<div>mentions \\"snapshot\\" and "snapshot": in prose</div>' },
  url: 'http://example.org/StructureDefinition/p',
  version: '1.1.0',
  name: 'PlannetPractitioner',
  kind: 'resource',
  type: 'Practitioner',
  derivation: 'constraint',
};
const snapshot = { element: [{ path: 'Practitioner' }] };
const bytes = (json: object): Buffer => Buffer.from(JSON.stringify(json));

describe('profileFacts', () => {
  it('reads url, version, name and type of a resource profile', () => {
    assert.deepEqual(profileFacts(bytes({ ...header, snapshot }), 'x@1'), {
      url: header.url, version: '1.1.0', name: 'PlannetPractitioner', type: 'Practitioner', source: 'x@1',
    });
  });

  it('falls back to a full parse when derivation comes after the snapshot', () => {
    const { derivation: _, ...early } = header;
    const facts = profileFacts(bytes({ ...early, snapshot, derivation: 'constraint' }), 'x@1');
    assert.equal(facts?.name, 'PlannetPractitioner');
  });

  it('skips specialisations, logical models and files without a snapshot alike', () => {
    assert.equal(profileFacts(bytes({ ...header, derivation: 'specialization', snapshot }), 'x@1'), undefined);
    assert.equal(profileFacts(bytes({ ...header, kind: 'logical', snapshot }), 'x@1'), undefined);
    assert.equal(profileFacts(bytes(header), 'x@1')?.type, 'Practitioner');
  });
});
