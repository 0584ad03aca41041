import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { customDef, indexerFor, rowsFor } from './test-defs.js';

const ref = (fields: Partial<Record<'targetType' | 'targetId' | 'url' | 'urlVersion' | 'identifierSystem' | 'identifierValue', string>>) => ({
  kind: 'reference', targetType: null, targetId: null, url: null, urlVersion: null, identifierSystem: null, identifierValue: null, ...fields,
});

describe('reference rows (https://hl7.org/fhir/R4/search.html#reference)', () => {
  it('relative Type/id and Type/id/_history/n are local targets', () => {
    const role = { resourceType: 'PractitionerRole', practitioner: { reference: 'Practitioner/p1' }, location: [{ reference: 'Location/l1/_history/3' }] };
    assert.deepEqual(rowsFor(role, 'practitioner'), [ref({ targetType: 'Practitioner', targetId: 'p1' })]);
    assert.deepEqual(rowsFor(role, 'location'), [ref({ targetType: 'Location', targetId: 'l1' })]);
  });

  it('absolute URLs stay URLs, except under our own base', () => {
    const role = { resourceType: 'PractitionerRole', location: [{ reference: 'https://other.org/fhir/Location/9' }, { reference: 'https://payer.example/fhir/R4/Location/7' }] };
    assert.deepEqual(rowsFor(role, 'location'), [ref({ url: 'https://other.org/fhir/Location/9' }), ref({ targetType: 'Location', targetId: '7' })]);
  });

  it('contained (#id) targets are skipped, but a logical identifier on them is kept', () => {
    const role = { resourceType: 'PractitionerRole', practitioner: { reference: '#p' }, organization: { reference: '#o', identifier: { system: 'http://npi', value: '123' } } };
    assert.deepEqual(rowsFor(role, 'practitioner'), []);
    assert.deepEqual(rowsFor(role, 'organization'), [ref({ identifierSystem: 'http://npi', identifierValue: '123' })]);
  });

  it('Reference.identifier for :identifier, alongside the target', () => {
    const eob = { resourceType: 'ExplanationOfBenefit', patient: { reference: 'Patient/m1', identifier: { system: 'http://payer/member', value: 'M-9' } } };
    assert.deepEqual(rowsFor(eob, 'patient'), [ref({ targetType: 'Patient', targetId: 'm1', identifierSystem: 'http://payer/member', identifierValue: 'M-9' })]);
  });

  it('a reference to an unknown type or a urn is kept as a URL', () => {
    const role = { resourceType: 'PractitionerRole', practitioner: { reference: 'Doctor/1' }, organization: { reference: 'urn:uuid:7d1f' } };
    assert.deepEqual(rowsFor(role, 'practitioner'), [ref({ url: 'Doctor/1' })]);
    assert.deepEqual(rowsFor(role, 'organization'), [ref({ url: 'urn:uuid:7d1f' })]);
  });

  it('canonical and uri: url with |version split off', () => {
    const map = { resourceType: 'ConceptMap', sourceCanonical: 'http://vs/a|2.0', targetUri: 'http://vs/b' };
    assert.deepEqual(rowsFor(map, 'source'), [ref({ url: 'http://vs/a', urlVersion: '2.0' })]);
    assert.deepEqual(rowsFor(map, 'target-uri'), [ref({ url: 'http://vs/b' })]);
    // FHIRPath: canonical derives from uri, so `(ConceptMap.source as uri)` also takes the canonical (as fhirpath.js does).
    assert.deepEqual(rowsFor(map, 'source-uri'), [ref({ url: 'http://vs/a', urlVersion: '2.0' })]);
    assert.deepEqual(rowsFor(map, 'target'), [], 'target is a uri, not a canonical');
    const qr = { resourceType: 'QuestionnaireResponse', questionnaire: 'http://q/intake' };
    assert.deepEqual(rowsFor(qr, 'questionnaire'), [ref({ url: 'http://q/intake' })]);
  });
});

describe('where(resolve() is T) (rewritten to a check of the reference type)', () => {
  it('keeps only references whose type is T', () => {
    const toPatient = { resourceType: 'Observation', subject: { reference: 'Patient/p1' } };
    const toGroup = { resourceType: 'Observation', subject: { reference: 'Group/g1' } };
    assert.deepEqual(rowsFor(toPatient, 'patient'), [ref({ targetType: 'Patient', targetId: 'p1' })]);
    assert.deepEqual(rowsFor(toGroup, 'patient'), []);
    assert.deepEqual(rowsFor(toGroup, 'subject'), [ref({ targetType: 'Group', targetId: 'g1' })], 'subject has no type condition');
  });

  it('reads the type from an absolute URL, or from Reference.type when there is only an identifier', () => {
    const absolute = { resourceType: 'Observation', subject: { reference: 'https://other.org/fhir/Patient/9' } };
    assert.deepEqual(rowsFor(absolute, 'patient'), [ref({ url: 'https://other.org/fhir/Patient/9' })]);
    const logical = { resourceType: 'Observation', subject: { type: 'Patient', identifier: { system: 'http://mrn', value: '7' } } };
    assert.deepEqual(rowsFor(logical, 'patient'), [ref({ identifierSystem: 'http://mrn', identifierValue: '7' })]);
    const contained = { resourceType: 'Observation', contained: [{ resourceType: 'Patient', id: 'c' }], subject: { reference: '#c' } };
    assert.deepEqual(rowsFor(contained, 'patient'), []);
  });

  it('works the same when fhirpath.js evaluates it (a where() with two types)', () => {
    const ix = indexerFor([customDef('person', 'reference', 'Observation.performer.where(resolve() is Practitioner or resolve() is PractitionerRole)', ['Observation'])]);
    assert.equal(ix.params('Observation')[0]!.terms[0]!.engine, 'fhirpath');
    const obs = { resourceType: 'Observation', performer: [{ reference: 'Practitioner/a' }, { reference: 'Organization/b' }, { reference: 'PractitionerRole/c' }] };
    assert.deepEqual(rowsFor(obs, 'person', ix), [ref({ targetType: 'Practitioner', targetId: 'a' }), ref({ targetType: 'PractitionerRole', targetId: 'c' })]);
  });
});

describe('extension-based reference parameters (Plan-Net)', () => {
  it('PractitionerRole network: the extension stands for its valueReference', () => {
    const role = {
      resourceType: 'PractitionerRole',
      extension: [
        { url: 'http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/network-reference', valueReference: { reference: 'Organization/net1' } },
        { url: 'http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/other', valueReference: { reference: 'Organization/not-a-network' } },
      ],
    };
    assert.deepEqual(rowsFor(role, 'network'), [ref({ targetType: 'Organization', targetId: 'net1' })]);
  });
});
