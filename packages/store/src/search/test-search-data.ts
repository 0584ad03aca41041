/**
 * A small hand-made data set for the search suite: every value is chosen so that each query
 * in search.test.ts has a known answer (including near misses that must NOT match).
 */
const NPI = 'http://hl7.org/fhir/sid/us-npi';
const NUCC = 'http://nucc.org/provider-taxonomy';
const UCUM = 'http://unitsofmeasure.org';

const org = (id: string, name: string, city: string) => ({ resourceType: 'Organization', id, name, address: [{ city, state: 'HI' }] });
const loc = (id: string, city: string, postalCode: string, latitude: number, longitude: number, orgId: string) => ({
  resourceType: 'Location', id, name: `${city} office`, address: { line: ['1 Main St'], city, state: 'HI', postalCode },
  position: { latitude, longitude }, managingOrganization: { reference: `Organization/${orgId}` },
});
const role = (id: string, practitioner: Record<string, unknown>, locations: string[], orgId: string, code: string, display: string, active: boolean) => ({
  resourceType: 'PractitionerRole', id, active, practitioner, organization: { reference: `Organization/${orgId}` },
  location: locations.map((l) => ({ reference: `Location/${l}` })),
  specialty: [{ coding: [{ system: NUCC, code, display }] }],
});

export const SEARCH_DATA: Record<string, unknown>[] = [
  org('org-hilo', 'Hilo Family Clinic', 'Hilo'),
  org('org-kona', 'Kona Medical Group', 'Kailua-Kona'),
  loc('loc-hilo', 'Hilo', '96720', 19.7297, -155.09, 'org-hilo'),
  loc('loc-kona', 'Kailua-Kona', '96740', 19.64, -155.9969, 'org-kona'),
  loc('loc-honolulu', 'Honolulu', '96813', 21.3069, -157.8583, 'org-kona'),
  {
    resourceType: 'Practitioner', id: 'pr-keala', gender: 'female', birthDate: '1975-03-10',
    name: [{ family: 'Kealoha', given: ['Leilani'] }], identifier: [{ system: NPI, value: '1234567893' }],
    meta: { tag: [{ system: 'http://example.org/tags', code: 'reviewed' }] },
  },
  {
    resourceType: 'Practitioner', id: 'pr-kent', gender: 'male', name: [{ family: 'Kent', given: ['Clark'] }],
    meta: { profile: ['http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/plannet-Practitioner'] },
  },
  { resourceType: 'Practitioner', id: 'pr-jose', gender: 'male', name: [{ family: 'Núñez', given: ['José'] }] },
  {
    resourceType: 'Practitioner', id: 'pr-ana', name: [{ family: 'Smith', given: ['Ana'] }],
    meta: { security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' }] },
  },
  role('role-1', { reference: 'Practitioner/pr-keala' }, ['loc-hilo'], 'org-hilo', '207Q00000X', 'Family Medicine', true),
  role('role-2', { reference: 'Practitioner/pr-kent' }, ['loc-kona'], 'org-kona', '207R00000X', 'Internal Medicine', false),
  role('role-3', { reference: 'Practitioner/pr-jose' }, ['loc-hilo', 'loc-honolulu'], 'org-hilo', '207Q00000X', 'Family Medicine', true),
  role('role-4', { identifier: { system: NPI, value: '9999999999' } }, [], 'org-kona', '208D00000X', 'General Practice', true),
  {
    resourceType: 'Observation', id: 'obs-1', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] },
    subject: { reference: 'Patient/pat-1' }, effectiveDateTime: '2020-05-01T10:00:00Z', valueQuantity: { value: 120, unit: 'mmHg', system: UCUM, code: 'mm[Hg]' },
  },
  {
    resourceType: 'Observation', id: 'obs-2', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '2345-7' }] },
    subject: { reference: 'Patient/pat-1' }, effectivePeriod: { start: '2019-01-01', end: '2019-12-31' }, valueQuantity: { value: 80.5, unit: 'mg', system: UCUM, code: 'mg' },
  },
  {
    resourceType: 'Observation', id: 'obs-3', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '2345-7' }] },
    subject: { reference: 'Patient/pat-2' }, effectiveDateTime: '2021', valueQuantity: { value: 200, unit: 'mg', system: UCUM, code: 'mg' },
  },
  { resourceType: 'Patient', id: 'pat-1', name: [{ family: 'Kahale', given: ['Pua'] }], birthDate: '2010-06-15' },
  { resourceType: 'Patient', id: 'pat-2', name: [{ family: "O'Brien", given: ['Sean'] }], birthDate: '1950-01-01' },
  { resourceType: 'Patient', id: 'pat-3', name: [{ family: 'Doe' }] },
  { resourceType: 'RiskAssessment', id: 'ra-1', status: 'final', subject: { reference: 'Patient/pat-1' }, prediction: [{ probabilityDecimal: 0.25 }] },
  { resourceType: 'RiskAssessment', id: 'ra-2', status: 'final', subject: { reference: 'Patient/pat-2' }, prediction: [{ probabilityDecimal: 0.8 }] },
  { resourceType: 'ValueSet', id: 'vs-colors', status: 'active', url: 'http://example.org/fhir/ValueSet/colors', version: '1.0.0' },
];
