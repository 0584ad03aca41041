import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { customDef, indexerFor, rowsFor } from './test-defs.js';

const s = (exact: string, norm: string) => ({ kind: 'string', norm, exact });
const t = (system: string | null, code: string | null, text: string | null = null) => ({ kind: 'token', system, code, text });

describe('string rows (https://hl7.org/fhir/R4/search.html#string)', () => {
  it('indexes a string as written and normalised', () => {
    const org = { resourceType: 'Organization', name: '  Hôpital  Saint-Éloi ' };
    assert.deepEqual(rowsFor(org, 'name'), [s('  Hôpital  Saint-Éloi ', 'hopital saint-eloi')]);
  });

  it('folds the ʻokina and apostrophes, so Kaiulani finds Kaʻiulani and obrien finds O’Brien', () => {
    const patient = { resourceType: 'Patient', name: [{ family: "O'Brien", given: ['Kaʻiulani', 'Keʼala', 'Pua‘ena', 'Hōkū’olu'] }] };
    assert.deepEqual(rowsFor(patient, 'name').map((r) => (r as { norm: string }).norm), ['obrien', 'kaiulani', 'keala', 'puaena', 'hokuolu']);
  });

  it('indexes every HumanName part as its own row', () => {
    const patient = { resourceType: 'Patient', name: [{ family: 'Ñúñez', given: ['Ana', 'María'], prefix: ['Dr.'], suffix: ['PhD'], text: 'Dr. Ana María Ñúñez', use: 'official' }] };
    assert.deepEqual(rowsFor(patient, 'name'), [
      s('Ñúñez', 'nunez'), s('Ana', 'ana'), s('María', 'maria'), s('Dr.', 'dr.'), s('PhD', 'phd'), s('Dr. Ana María Ñúñez', 'dr. ana maria nunez'),
    ]);
    assert.deepEqual(rowsFor(patient, 'family'), [s('Ñúñez', 'nunez')]);
  });

  it('indexes every Address part (line, city, district, state, postalCode, country, text)', () => {
    const patient = { resourceType: 'Patient', address: [{ line: ['1 Main St', 'Apt 2'], city: 'Hartford', district: 'Hartford County', state: 'CT', postalCode: '06101', country: 'US', text: '1 Main St, Hartford', use: 'home' }] };
    assert.deepEqual(rowsFor(patient, 'address').map((r) => (r as { exact: string }).exact),
      ['1 Main St', 'Apt 2', 'Hartford', 'Hartford County', 'CT', '06101', 'US', '1 Main St, Hartford']);
    assert.deepEqual(rowsFor(patient, 'address-city'), [s('Hartford', 'hartford')]);
  });

  it('indexes markdown', () => {
    const cs = { resourceType: 'CodeSystem', description: 'A **bold** claim' };
    assert.deepEqual(rowsFor(cs, 'description'), [s('A **bold** claim', 'a **bold** claim')]);
  });

  it('removes duplicate rows (name | alias with the same text)', () => {
    const org = { resourceType: 'Organization', name: 'Acme', alias: ['Acme', 'ACME Inc'] };
    assert.deepEqual(rowsFor(org, 'name'), [s('Acme', 'acme'), s('ACME Inc', 'acme inc')]);
  });

  it('skips empty strings', () => {
    assert.deepEqual(rowsFor({ resourceType: 'Organization', name: '   ' }, 'name'), []);
  });
});

describe('token rows (https://hl7.org/fhir/R4/search.html#token)', () => {
  it('Coding: system, code and display as text', () => {
    const obs = { resourceType: 'Observation', meta: { tag: [{ system: 'http://tags', code: 'x', display: 'Ex Tag' }] } };
    assert.deepEqual(rowsFor(obs, '_tag'), [t('http://tags', 'x', 'ex tag')]);
  });

  it('CodeableConcept: a row per coding, and its text as a row of its own', () => {
    const role = { resourceType: 'PractitionerRole', specialty: [{ coding: [{ system: 'http://nucc.org/provider-taxonomy', code: '207R00000X', display: 'Internal Medicine' }, { system: 'http://snomed.info/sct', code: '419192003' }], text: 'Internists' }] };
    assert.deepEqual(rowsFor(role, 'specialty'), [
      t('http://nucc.org/provider-taxonomy', '207R00000X', 'internal medicine'), t('http://snomed.info/sct', '419192003'), t(null, null, 'internists'),
    ]);
  });

  it('CodeableConcept with only text: one row with no system or code', () => {
    assert.deepEqual(rowsFor({ resourceType: 'PractitionerRole', code: [{ text: 'Nurse Practitioner' }] }, 'role'), [t(null, null, 'nurse practitioner')]);
  });

  it('Identifier: system|value with the type text as text', () => {
    const patient = { resourceType: 'Patient', identifier: [{ system: 'http://hospital/mrn', value: 'M-1', type: { text: 'Medical Record Number', coding: [{ code: 'MR' }] } }, { value: 'no-system' }] };
    assert.deepEqual(rowsFor(patient, 'identifier'), [t('http://hospital/mrn', 'M-1', 'medical record number'), t(null, 'no-system')]);
  });

  it('ContactPoint: value as code and system as system; where(system=...) picks email and phone', () => {
    const patient = { resourceType: 'Patient', telecom: [{ system: 'phone', value: '555-0100', use: 'work' }, { system: 'email', value: 'a@b.org' }, { system: 'fax' }] };
    assert.deepEqual(rowsFor(patient, 'telecom'), [t('phone', '555-0100'), t('email', 'a@b.org')]);
    assert.deepEqual(rowsFor(patient, 'email'), [t('email', 'a@b.org')]);
    assert.deepEqual(rowsFor(patient, 'phone'), [t('phone', '555-0100')]);
  });

  it('code and boolean: the value with no system', () => {
    const patient = { resourceType: 'Patient', gender: 'female', active: false };
    assert.deepEqual(rowsFor(patient, 'gender'), [t(null, 'female')]);
    assert.deepEqual(rowsFor(patient, 'active'), [t(null, 'false')]);
  });

  it('boolean computed by an expression (Patient.deceased.exists() and Patient.deceased != false)', () => {
    assert.deepEqual(rowsFor({ resourceType: 'Patient', deceasedDateTime: '2020-01-01' }, 'deceased'), [t(null, 'true')]);
    assert.deepEqual(rowsFor({ resourceType: 'Patient', deceasedBoolean: false }, 'deceased'), [t(null, 'false')]);
  });

  it('string, id and uri as tokens', () => {
    const ix = indexerFor([
      customDef('udi', 'token', 'Device.udiCarrier.carrierHRF', ['Device']),
      customDef('the-id', 'token', 'Device.id', ['Device']),
      customDef('the-url', 'token', 'Device.url', ['Device']),
    ]);
    const device = { resourceType: 'Device', id: 'd-1', url: 'http://dev/1', udiCarrier: [{ carrierHRF: '(01)123' }] };
    assert.deepEqual(rowsFor(device, 'udi', ix), [t(null, '(01)123')]);
    assert.deepEqual(rowsFor(device, 'the-id', ix), [t(null, 'd-1')]);
    assert.deepEqual(rowsFor(device, 'the-url', ix), [t(null, 'http://dev/1')]);
  });

  it('choice types: only the CodeableConcept option of Observation.value', () => {
    const coded = { resourceType: 'Observation', valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: '260385009' }] } };
    assert.deepEqual(rowsFor(coded, 'value-concept'), [t('http://snomed.info/sct', '260385009')]);
    assert.deepEqual(rowsFor({ resourceType: 'Observation', valueString: 'x' }, 'value-concept'), []);
  });

  it('extension values: US Core race is reached through nested extensions', () => {
    const patient = {
      resourceType: 'Patient',
      extension: [{ url: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race', extension: [{ url: 'ombCategory', valueCoding: { system: 'urn:oid:2.16.840.1.113883.6.238', code: '2106-3', display: 'White' } }, { url: 'text', valueString: 'White' }] }],
    };
    const ix = indexerFor([customDef('race', 'token', "Patient.extension.where(url = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race').extension.value.code", ['Patient'])]);
    assert.deepEqual(rowsFor(patient, 'race', ix), [t(null, '2106-3')]);
  });
});
