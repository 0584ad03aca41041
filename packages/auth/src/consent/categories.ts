/**
 * Plain-language groups of FHIR resource types, for members choosing what an app may see.
 * The groups follow what a health plan holds for the Patient Access API (42 CFR 422.119(b)):
 * claims and encounter data (CARIN Blue Button), coverage, clinical data (US Core, PDex),
 * the member's own details, and the providers who cared for them.
 */

export type CategoryId = 'claims' | 'coverage' | 'clinical' | 'demographics' | 'providers' | 'other' | 'offline';

/** Categories grouping resource types, in the order the consent page lists them. */
export const RESOURCE_CATEGORIES: ReadonlyArray<{ readonly id: Exclude<CategoryId, 'other' | 'offline'>; readonly resourceTypes: readonly string[] }> = [
  { id: 'claims', resourceTypes: ['ExplanationOfBenefit', 'Claim', 'ClaimResponse'] },
  { id: 'coverage', resourceTypes: ['Coverage', 'InsurancePlan'] },
  {
    id: 'clinical',
    resourceTypes: [
      'Condition', 'Observation', 'MedicationRequest', 'MedicationDispense', 'MedicationStatement', 'Medication',
      'AllergyIntolerance', 'Procedure', 'Immunization', 'DiagnosticReport', 'DocumentReference', 'Encounter',
      'CarePlan', 'CareTeam', 'Goal', 'Device', 'ServiceRequest', 'Specimen', 'FamilyMemberHistory', 'ImagingStudy',
      'QuestionnaireResponse', 'Provenance',
    ],
  },
  { id: 'demographics', resourceTypes: ['Patient', 'RelatedPerson', 'Person'] },
  {
    id: 'providers',
    resourceTypes: ['Practitioner', 'PractitionerRole', 'Organization', 'Location', 'HealthcareService', 'Endpoint', 'OrganizationAffiliation'],
  },
];

/** Every category id in display order: resource categories, then other records, then "stay connected". */
export const CATEGORY_ORDER: readonly CategoryId[] = [...RESOURCE_CATEGORIES.map((c) => c.id), 'other', 'offline'];

const BY_TYPE = new Map<string, CategoryId>(RESOURCE_CATEGORIES.flatMap((c) => c.resourceTypes.map((t) => [t, c.id] as const)));

/** The category of a resource type; types no group names are `other` (still shown, still removable). */
export function categoryOfType(type: string): CategoryId {
  return BY_TYPE.get(type) ?? 'other';
}

/** The resource types of a resource category (empty for `other` and `offline`). */
export function typesOfCategory(id: CategoryId): readonly string[] {
  return RESOURCE_CATEGORIES.find((c) => c.id === id)?.resourceTypes ?? [];
}
