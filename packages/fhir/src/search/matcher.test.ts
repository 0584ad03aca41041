import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchesAll, matchesFilter } from './matcher.js';
import { contextOf, date, ident, missing, near, num, param, paramDef, qty, ref, refUrl, str, tok, tokText, uri } from './matcher-test-kit.js';
import type { SearchFilter } from './query.js';

type Resource = Record<string, unknown>;
const ctx = contextOf([]);
const m = (resource: Resource, filter: SearchFilter) => matchesFilter(resource, filter, ctx);

const patient: Resource = {
  resourceType: 'Patient', id: 'p1', meta: { lastUpdated: '2024-05-01T10:00:00.000Z', tag: [{ system: 'http://tags', code: 'vip', display: 'Very Important' }] },
  name: [{ family: 'Núñez', given: ['Ana María'] }], gender: 'female', birthDate: '1980-02',
  identifier: [{ system: 'http://mrn', value: 'M1', type: { text: 'Medical record number' } }],
  telecom: [{ system: 'email', value: 'ana@example.org' }],
};
const bare: Resource = { resourceType: 'Patient', id: 'p2' };

describe('string (https://hl7.org/fhir/R4/search.html#string)', () => {
  it('default: starts-with, case- and accent-insensitive, on any name part', () => {
    assert.equal(m(patient, param('Patient', 'name', [str('nun')])), true);
    assert.equal(m(patient, param('Patient', 'name', [str('MARÍA')])), false, 'starts-with on the whole part, not on words');
    assert.equal(m(patient, param('Patient', 'name', [str('ana m')])), true);
    assert.equal(m(patient, param('Patient', 'name', [str('unez')])), false);
  });
  it(':exact compares the value as written', () => {
    assert.equal(m(patient, param('Patient', 'family', [str('Núñez')], 'exact')), true);
    assert.equal(m(patient, param('Patient', 'family', [str('Nunez')], 'exact')), false);
    assert.equal(m(patient, param('Patient', 'family', [str('Núñ')], 'exact')), false);
  });
  it(':contains matches anywhere, normalised', () => {
    assert.equal(m(patient, param('Patient', 'family', [str('ÚÑE')], 'contains')), true);
    assert.equal(m(patient, param('Patient', 'family', [str('zz')], 'contains')), false);
  });
  it('values are OR-ed', () => {
    assert.equal(m(patient, param('Patient', 'family', [str('smith'), str('nu')])), true);
  });
});

describe('token (https://hl7.org/fhir/R4/search.html#token)', () => {
  it('code, system|code, |code, system|', () => {
    assert.equal(m(patient, param('Patient', 'identifier', [tok(undefined, 'M1')])), true);
    assert.equal(m(patient, param('Patient', 'identifier', [tok('http://mrn', 'M1')])), true);
    assert.equal(m(patient, param('Patient', 'identifier', [tok('http://other', 'M1')])), false);
    assert.equal(m(patient, param('Patient', 'identifier', [tok('http://mrn', undefined)])), true);
    assert.equal(m(patient, param('Patient', 'identifier', [tok('', 'M1')])), false, '|M1 requires no system');
    assert.equal(m(patient, param('Patient', 'gender', [tok('', 'female')])), true);
    assert.equal(m(patient, param('Patient', 'gender', [tok(undefined, 'Female')])), false, 'codes are case-sensitive');
  });
  it(':not matches resources without a matching value, including those with none', () => {
    assert.equal(m(patient, param('Patient', 'gender', [tok(undefined, 'male')], 'not')), true);
    assert.equal(m(patient, param('Patient', 'gender', [tok(undefined, 'female')], 'not')), false);
    assert.equal(m(patient, param('Patient', 'gender', [tok(undefined, 'male'), tok(undefined, 'female')], 'not')), false);
    assert.equal(m(bare, param('Patient', 'gender', [tok(undefined, 'female')], 'not')), true);
  });
  it(':text starts-with on display, CodeableConcept.text and Identifier.type.text', () => {
    assert.equal(m(patient, param('Patient', '_tag', [tokText('very imp')], 'text')), true);
    assert.equal(m(patient, param('Patient', '_tag', [tokText('important')], 'text')), false);
    assert.equal(m(patient, param('Patient', 'identifier', [tokText('medical')], 'text')), true);
    const role = { resourceType: 'PractitionerRole', id: 'r', specialty: [{ coding: [{ code: 'x', display: 'Cardiology' }], text: 'Heart doctor' }] };
    assert.equal(m(role, param('PractitionerRole', 'specialty', [tokText('heart')], 'text')), true);
    assert.equal(m(role, param('PractitionerRole', 'specialty', [tokText('cardio')], 'text')), true);
  });
  it('ContactPoint: system|value', () => {
    assert.equal(m(patient, param('Patient', 'telecom', [tok('email', 'ana@example.org')])), true);
    assert.equal(m(patient, param('Patient', 'phone', [tok(undefined, 'ana@example.org')])), false);
  });
});

describe(':missing on every parameter type (https://hl7.org/fhir/R4/search.html#missing)', () => {
  const cases: [string, string, Resource, Resource][] = [
    ['Patient', 'family', patient, bare],
    ['Patient', 'gender', patient, bare],
    ['Patient', 'birthdate', patient, bare],
    ['Patient', 'general-practitioner', { ...bare, generalPractitioner: [{ reference: 'Practitioner/1' }] }, bare],
    ['RiskAssessment', 'probability', { resourceType: 'RiskAssessment', id: 'a', prediction: [{ probabilityDecimal: 0.5 }] }, { resourceType: 'RiskAssessment', id: 'b' }],
    ['Observation', 'value-quantity', { resourceType: 'Observation', id: 'a', valueQuantity: { value: 1 } }, { resourceType: 'Observation', id: 'b' }],
    ['ValueSet', 'url', { resourceType: 'ValueSet', id: 'a', url: 'http://vs' }, { resourceType: 'ValueSet', id: 'b' }],
    ['Location', 'near', { resourceType: 'Location', id: 'a', position: { latitude: 1, longitude: 2 } }, { resourceType: 'Location', id: 'b' }],
  ];
  for (const [type, code, withValue, without] of cases) {
    it(`${type}.${code}`, () => {
      assert.equal(m(withValue, param(type, code, [missing(true)], 'missing')), false);
      assert.equal(m(withValue, param(type, code, [missing(false)], 'missing')), true);
      assert.equal(m(without, param(type, code, [missing(true)], 'missing')), true);
      assert.equal(m(without, param(type, code, [missing(false)], 'missing')), false);
    });
  }
});

describe('reference (https://hl7.org/fhir/R4/search.html#reference)', () => {
  const obs: Resource = {
    resourceType: 'Observation', id: 'o', subject: { reference: 'Patient/p1', identifier: { system: 'http://mrn', value: 'M1' } },
    performer: [{ reference: 'https://other.org/fhir/Practitioner/9' }],
    basedOn: [{ reference: 'https://payer.example/fhir/R4/ServiceRequest/s1' }],
  };
  it('by id, Type/id, and :Type', () => {
    assert.equal(m(obs, param('Observation', 'subject', [ref(undefined, 'p1')])), true);
    assert.equal(m(obs, param('Observation', 'subject', [ref('Patient', 'p1')])), true);
    assert.equal(m(obs, param('Observation', 'subject', [ref('Group', 'p1')])), false);
    assert.equal(m(obs, param('Observation', 'subject', [ref(undefined, 'p2')])), false);
  });
  it('by absolute url; references under our base are local', () => {
    assert.equal(m(obs, param('Observation', 'performer', [refUrl('https://other.org/fhir/Practitioner/9')])), true);
    assert.equal(m(obs, param('Observation', 'performer', [ref(undefined, '9')])), false, 'a foreign server\'s id is not ours');
    assert.equal(m(obs, param('Observation', 'based-on', [ref('ServiceRequest', 's1')])), true);
  });
  it('canonical with and without version', () => {
    const map = { resourceType: 'ConceptMap', id: 'c', sourceCanonical: 'http://vs/a|2.0' };
    assert.equal(m(map, param('ConceptMap', 'source', [refUrl('http://vs/a')])), true);
    assert.equal(m(map, param('ConceptMap', 'source', [refUrl('http://vs/a', '2.0')])), true);
    assert.equal(m(map, param('ConceptMap', 'source', [refUrl('http://vs/a', '1.0')])), false);
  });
  it(':identifier', () => {
    assert.equal(m(obs, param('Observation', 'subject', [ident('http://mrn', 'M1')], 'identifier')), true);
    assert.equal(m(obs, param('Observation', 'subject', [ident(undefined, 'M1')], 'identifier')), true);
    assert.equal(m(obs, param('Observation', 'subject', [ident('http://mrn', 'M2')], 'identifier')), false);
    assert.equal(m(obs, param('Observation', 'performer', [ident(undefined, undefined)], 'identifier')), false, 'no identifier at all');
  });
});

describe('date (https://hl7.org/fhir/R4/search.html#date)', () => {
  // birthDate 1980-02 covers [1980-02-01, 1980-03-01).
  const cases: [string, 'eq' | 'ne' | 'gt' | 'lt' | 'ge' | 'le' | 'sa' | 'eb', string, boolean][] = [
    ['eq', 'eq', '1980-02', true], ['eq', 'eq', '1980', true], ['eq', 'eq', '1980-02-10', false],
    ['ne', 'ne', '1980-02-10', true], ['ne', 'ne', '1980', false],
    ['gt', 'gt', '1980-01', true], ['gt', 'gt', '1980-02', false], ['gt', 'gt', '1980-02-28', true],
    ['lt', 'lt', '1980-03', true], ['lt', 'lt', '1980-02', false], ['lt', 'lt', '1980-02-02', true],
    ['ge', 'ge', '1980-02', true], ['ge', 'ge', '1980-03', false],
    ['le', 'le', '1980-02', true], ['le', 'le', '1980-01', false],
    ['sa', 'sa', '1980-01-31', true], ['sa', 'sa', '1980-02-01', false],
    ['eb', 'eb', '1980-03-01', true], ['eb', 'eb', '1980-02-29', false],
  ];
  for (const [, prefix, text, expected] of cases) {
    it(`birthDate 1980-02 ${prefix}${text} → ${expected}`, () => {
      assert.equal(m(patient, param('Patient', 'birthdate', [date(prefix, text)])), expected);
    });
  }
  it('ap: within 10 % of the distance from now', () => {
    const now = Date.parse('2024-01-01T00:00:00Z');
    // 1980-02 is ~44 years before now: ±4.4 years around the search value.
    assert.equal(m(patient, param('Patient', 'birthdate', [date('ap', '1984', now)])), true);
    assert.equal(m(patient, param('Patient', 'birthdate', [date('ap', '1986', now)])), false);
  });
  it('Period: eq needs the whole period inside; ge/le see open ends', () => {
    const enc = { resourceType: 'Encounter', id: 'e', period: { start: '2020-01-10' } };
    assert.equal(m(enc, param('Encounter', 'date', [date('eq', '2020')])), false);
    assert.equal(m(enc, param('Encounter', 'date', [date('ge', '2030')])), true, 'an open end reaches every later date');
    assert.equal(m(enc, param('Encounter', 'date', [date('lt', '2020-01-10')])), false);
    assert.equal(m(enc, param('Encounter', 'date', [date('sa', '2020-01-09')])), true);
  });
});

describe('number and quantity (https://hl7.org/fhir/R4/search.html#number)', () => {
  const seq = { resourceType: 'MolecularSequence', id: 's', variant: [{ start: 100 }] }; // [99.5, 100.5)
  it('number: the stored value against the search precision range (eq) or exact value (gt/lt)', () => {
    assert.equal(m(seq, param('MolecularSequence', 'variant-start', [num('eq', '100')])), true);
    assert.equal(m(seq, param('MolecularSequence', 'variant-start', [num('eq', '1e2')])), true);
    assert.equal(m(seq, param('MolecularSequence', 'variant-start', [num('eq', '100.0')])), true, '100 lies in [99.95, 100.05)');
    assert.equal(m(seq, param('MolecularSequence', 'variant-start', [num('eq', '100.1')])), false);
    assert.equal(m(seq, param('MolecularSequence', 'variant-start', [num('lt', '100.2')])), true, 'lt compares with exactly 100.2');
    assert.equal(m(seq, param('MolecularSequence', 'variant-start', [num('gt', '99')])), true);
    assert.equal(m(seq, param('MolecularSequence', 'variant-start', [num('gt', '100')])), false);
    assert.equal(m(seq, param('MolecularSequence', 'variant-start', [num('ap', '105')])), true, '10 % of 105 reaches 100');
    assert.equal(m(seq, param('MolecularSequence', 'variant-start', [num('ap', '120')])), false);
  });
  const obs = { resourceType: 'Observation', id: 'q', valueQuantity: { value: 5.4, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } };
  it('quantity: number only, system|code, ||code matching code or unit', () => {
    assert.equal(m(obs, param('Observation', 'value-quantity', [qty('eq', '5.4')])), true);
    assert.equal(m(obs, param('Observation', 'value-quantity', [qty('eq', '5.4', 'http://unitsofmeasure.org', 'mg')])), true);
    assert.equal(m(obs, param('Observation', 'value-quantity', [qty('eq', '5.4', 'http://unitsofmeasure.org', 'g')])), false);
    assert.equal(m(obs, param('Observation', 'value-quantity', [qty('eq', '5.4', 'http://other', 'mg')])), false);
    assert.equal(m(obs, param('Observation', 'value-quantity', [qty('eq', '5.4', undefined, 'mg')])), true);
    const unitOnly = { ...obs, valueQuantity: { value: 5.4, unit: 'mg' } };
    assert.equal(m(unitOnly, param('Observation', 'value-quantity', [qty('eq', '5.4', undefined, 'mg')])), true, 'matches the unit');
    assert.equal(m(unitOnly, param('Observation', 'value-quantity', [qty('eq', '5.4', 'http://unitsofmeasure.org', 'mg')])), false);
    assert.equal(m(obs, param('Observation', 'value-quantity', [qty('lt', '5.5', undefined, 'mg')])), true);
  });
});

describe('uri (https://hl7.org/fhir/R4/search.html#uri)', () => {
  const vs = { resourceType: 'ValueSet', id: 'v', url: 'http://acme.org/fhir/ValueSet/123' };
  it('exact by default; :below and :above by prefix', () => {
    assert.equal(m(vs, param('ValueSet', 'url', [uri('http://acme.org/fhir/ValueSet/123')])), true);
    assert.equal(m(vs, param('ValueSet', 'url', [uri('http://acme.org/fhir/ValueSet')])), false);
    assert.equal(m(vs, param('ValueSet', 'url', [uri('http://acme.org/fhir/')], 'below')), true);
    assert.equal(m(vs, param('ValueSet', 'url', [uri('http://other.org/')], 'below')), false);
    assert.equal(m(vs, param('ValueSet', 'url', [uri('http://acme.org/fhir/ValueSet/123/_history/5')], 'above')), true);
    assert.equal(m(vs, param('ValueSet', 'url', [uri('http://acme.org/fhir')], 'above')), false);
  });
});

describe('near (https://hl7.org/fhir/R4/location.html#positional)', () => {
  const hartford = { resourceType: 'Location', id: 'h', position: { latitude: 41.7658, longitude: -72.6734 } };
  it('within the great-circle distance', () => {
    assert.equal(m(hartford, param('Location', 'near', [near(40.7128, -74.006, 170)])), true);
    assert.equal(m(hartford, param('Location', 'near', [near(40.7128, -74.006, 150)])), false);
  });
});

describe('_id and _lastUpdated (resource columns)', () => {
  it('_id by id or Type/id, and :not', () => {
    assert.equal(m(patient, param('Patient', '_id', [tok(undefined, 'p1')])), true);
    assert.equal(m(patient, param('Patient', '_id', [tok('Patient', 'p1')])), true);
    assert.equal(m(patient, param('Patient', '_id', [tok(undefined, 'p2'), tok(undefined, 'p1')])), true);
    assert.equal(m(patient, param('Patient', '_id', [tok(undefined, 'p2')])), false);
    assert.equal(m(patient, param('Patient', '_id', [tok(undefined, 'p1')], 'not')), false);
  });
  it('_lastUpdated on meta.lastUpdated', () => {
    assert.equal(m(patient, param('Patient', '_lastUpdated', [date('ge', '2024-05-01')])), true);
    assert.equal(m(patient, param('Patient', '_lastUpdated', [date('gt', '2024-05-01')])), false);
    assert.equal(m(patient, param('Patient', '_lastUpdated', [date('eq', '2024-05-01T10:00:00.000Z')])), true);
    assert.equal(m(bare, param('Patient', '_lastUpdated', [date('ge', '2000')])), false);
  });
});

describe('matchesAll', () => {
  it('ANDs the filters', () => {
    const filters = [param('Patient', 'gender', [tok(undefined, 'female')]), param('Patient', 'family', [str('nu')])];
    assert.equal(matchesAll(patient, filters, ctx), true);
    assert.equal(matchesAll(patient, [...filters, param('Patient', 'birthdate', [date('eq', '1990')])], ctx), false);
    assert.equal(matchesAll(patient, [], ctx), true);
  });
  it('refuses composite parameters rather than guessing', () => {
    const composite = paramDef('Observation', 'code-value-quantity');
    assert.equal(composite.type, 'composite');
    assert.throws(() => m(patient, { kind: 'param', param: composite, modifier: undefined, values: [] }), /composite/);
  });
});
