/** Slicing on a hand-made profile: identifier slices told apart by a pattern on system, open and closed. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Json } from './json-value.js';
import { profileOf, registryWith } from './test-validator.js';
import { createValidator } from './validator.js';

const URL_OPEN = 'http://example.org/StructureDefinition/patient-mrn';
const URL_CLOSED = 'http://example.org/StructureDefinition/patient-mrn-closed';

/** Patient with identifier sliced by the value of system: `mrn` (1..1, system http://mrn) and `ssn` (0..1). */
async function mrnProfile(url: string, rules: 'open' | 'closed'): Promise<Json> {
  const sd = await profileOf('Patient', url);
  const elements = sd.snapshot.element;
  const at = elements.findIndex((e) => e.id === 'Patient.identifier');
  // A base snapshot does not list a datatype's children; a profile that slices on them does.
  const identifier = (await profileOf('Identifier', 'http://example.org/unused')).snapshot.element.slice(1);
  const children = identifier.map((e) => ({ ...e, id: String(e.id).replace('Identifier.', 'Patient.identifier.'), path: String(e.path).replace('Identifier.', 'Patient.identifier.') }));
  elements[at] = { ...elements[at], slicing: { discriminator: [{ type: 'value', path: 'system' }], rules } };
  const slice = (name: string, min: number, system: string): Json[] => [
    { ...elements[at], id: `Patient.identifier:${name}`, sliceName: name, min, max: '1', slicing: undefined, mustSupport: true },
    ...children.map((c) => {
      const id = String(c.id).replace('Patient.identifier.', `Patient.identifier:${name}.`);
      return c.path === 'Patient.identifier.system' ? { ...c, id, min: 1, patternUri: system } : { ...c, id };
    }),
  ];
  elements.splice(at + 1, 0, ...children, ...slice('mrn', 1, 'http://mrn'), ...slice('ssn', 0, 'http://ssn'));
  return sd;
}

describe('slicing', async () => {
  const validator = createValidator(await registryWith([await mrnProfile(URL_OPEN, 'open'), await mrnProfile(URL_CLOSED, 'closed')]));
  const patient = (identifier: Json[], profile = URL_OPEN) => ({ resourceType: 'Patient', meta: { profile: [profile] }, identifier });
  const errors = (r: Json) => validator.validate(r).errors.map((e) => `${e.location} | ${e.message}`);

  it('assigns items to slices by the discriminator and accepts others under open slicing', () => {
    assert.deepEqual(errors(patient([{ system: 'http://other', value: '1' }, { system: 'http://mrn', value: '2' }])), []);
  });

  it('reports a required slice with no match, and one matched too often', () => {
    assert.deepEqual(errors(patient([{ system: 'http://ssn', value: '1' }])), [
      'Patient.identifier:mrn | Slice mrn of Patient.identifier needs at least 1 value(s), found 0',
    ]);
    assert.deepEqual(errors(patient([{ system: 'http://mrn', value: '1' }, { system: 'http://mrn', value: '2' }])), [
      'Patient.identifier:mrn | Slice mrn of Patient.identifier allows at most 1 value(s), found 2',
    ]);
  });

  it('checks a matched item against its slice, including the base element children', () => {
    assert.deepEqual(errors(patient([{ system: 'http://mrn', value: '1', period: { start: 'yesterday' } }])), [
      'Patient.identifier[0].period.start | Period.start: "yesterday" is not a dateTime (a date, or date and time with a time zone)',
    ]);
  });

  it('rejects an item matching no slice when the slicing is closed', () => {
    assert.deepEqual(errors(patient([{ system: 'http://mrn', value: '1' }, { system: 'http://other', value: '2' }], URL_CLOSED)), [
      'Patient.identifier[1] | Matches none of the slices of Patient.identifier (mrn, ssn), and the slicing is closed',
    ]);
  });

  it('lists an absent must-support slice', () => {
    const report = validator.validate(patient([{ system: 'http://mrn', value: '1' }]));
    assert.deepEqual(report.mustSupportMissing, ['Patient.identifier:ssn']);
  });
});
