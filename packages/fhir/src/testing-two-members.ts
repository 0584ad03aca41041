/**
 * Test data for access enforcement (tests only, via `@payerport/fhir/testing`): two plan members
 * A and B, each with a Coverage, claims (ExplanationOfBenefit) and a laboratory and a vital-signs
 * Observation, sharing one payer Organization and one Practitioner. Resources of A and B are
 * interleaved so a confined search cannot page correctly by accident, and one of A's claims names
 * B's Coverage (a data-entry slip) so an `_include` must not follow it out of A's compartment.
 */
type Resource = Record<string, unknown>;

const OBS_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';

export const MEMBER_A = Object.freeze({ patient: 'pat-a', family: 'Aukai', coverage: 'cov-a', claims: ['eob-a1', 'eob-a2', 'eob-a3'], lab: 'obs-a-lab', vitals: 'obs-a-vitals' });
export const MEMBER_B = Object.freeze({ patient: 'pat-b', family: 'Bertelsen', coverage: 'cov-b', claims: ['eob-b1', 'eob-b2'], lab: 'obs-b-lab', vitals: 'obs-b-vitals' });
export const SHARED = Object.freeze({ organization: 'org-payer', practitioner: 'pr-shared' });

const patient = (id: string, family: string): Resource => ({ resourceType: 'Patient', id, active: true, name: [{ family, given: ['Kim'] }], gender: 'unknown' });
const coverage = (id: string, patientId: string): Resource => ({
  resourceType: 'Coverage', id, status: 'active',
  beneficiary: { reference: `Patient/${patientId}` }, subscriber: { reference: `Patient/${patientId}` },
  payor: [{ reference: `Organization/${SHARED.organization}` }],
});
const claim = (id: string, patientId: string, coverageId: string): Resource => ({
  resourceType: 'ExplanationOfBenefit', id, status: 'active', use: 'claim', outcome: 'complete', created: '2024-03-01',
  type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'professional' }] },
  patient: { reference: `Patient/${patientId}` },
  insurer: { reference: `Organization/${SHARED.organization}` },
  provider: { reference: `Practitioner/${SHARED.practitioner}` },
  insurance: [{ focal: true, coverage: { reference: `Coverage/${coverageId}` } }],
});
const observation = (id: string, patientId: string, category: 'laboratory' | 'vital-signs'): Resource => ({
  resourceType: 'Observation', id, status: 'final',
  category: [{ coding: [{ system: OBS_CATEGORY, code: category }] }],
  code: { coding: [{ system: 'http://loinc.org', code: category === 'laboratory' ? '2345-7' : '8867-4' }] },
  subject: { reference: `Patient/${patientId}` },
  performer: [{ reference: `Practitioner/${SHARED.practitioner}` }],
});

/** The data set, in load order. */
export function twoMembers(): Resource[] {
  const a = MEMBER_A;
  const b = MEMBER_B;
  return [
    { resourceType: 'Organization', id: SHARED.organization, name: 'Aloha Health Plan', active: true },
    { resourceType: 'Practitioner', id: SHARED.practitioner, name: [{ family: 'Shared', given: ['Pat'] }] },
    patient(b.patient, b.family),
    patient(a.patient, a.family),
    coverage(b.coverage, b.patient),
    coverage(a.coverage, a.patient),
    claim(b.claims[0]!, b.patient, b.coverage),
    claim(a.claims[0]!, a.patient, a.coverage),
    claim(b.claims[1]!, b.patient, b.coverage),
    claim(a.claims[1]!, a.patient, a.coverage),
    claim(a.claims[2]!, a.patient, b.coverage),
    observation(b.lab, b.patient, 'laboratory'),
    observation(a.lab, a.patient, 'laboratory'),
    observation(b.vitals, b.patient, 'vital-signs'),
    observation(a.vitals, a.patient, 'vital-signs'),
  ];
}
