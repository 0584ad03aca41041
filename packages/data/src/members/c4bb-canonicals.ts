/**
 * Canonical URLs and code systems the test members use: CARIN Blue Button 2.0.0 profiles
 * (http://hl7.org/fhir/us/carin-bb/STU2/), the US Core 3.1.1 extensions its Patient inherits,
 * and the HL7 terminology of coverage and relationships.
 */

const C4BB = 'http://hl7.org/fhir/us/carin-bb';
const US_CORE = 'http://hl7.org/fhir/us/core/StructureDefinition';

/**
 * Versioned on purpose: each C4BB profile carries an invariant (e.g. patient-meta-profile-version)
 * requiring meta.profile to start with `<url>|2.0.`, so an unversioned canonical would not conform.
 */
export const C4BB_PROFILE = {
  Patient: `${C4BB}/StructureDefinition/C4BB-Patient|2.0.0`,
  Coverage: `${C4BB}/StructureDefinition/C4BB-Coverage|2.0.0`,
  Organization: `${C4BB}/StructureDefinition/C4BB-Organization|2.0.0`,
  RelatedPerson: `${C4BB}/StructureDefinition/C4BB-RelatedPerson|2.0.0`,
} as const;

export type C4bbProfileName = keyof typeof C4BB_PROFILE;

export const US_CORE_EXTENSION = {
  race: `${US_CORE}/us-core-race`,
  ethnicity: `${US_CORE}/us-core-ethnicity`,
  birthsex: `${US_CORE}/us-core-birthsex`,
} as const;

export const MEMBER_SYSTEM = {
  identifierType: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  c4bbIdentifierType: `${C4BB}/CodeSystem/C4BBIdentifierType`,
  organizationType: 'http://terminology.hl7.org/CodeSystem/organization-type',
  coverageClass: 'http://terminology.hl7.org/CodeSystem/coverage-class',
  subscriberRelationship: 'http://terminology.hl7.org/CodeSystem/subscriber-relationship',
  /** Source of Payment Typology: the US payer-type codes USCDI names for Coverage.type. */
  sopt: 'https://nahdo.org/sopt',
  roleCode: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode',
  /** CDC Race & Ethnicity code set (OMB categories). */
  cdcRace: 'urn:oid:2.16.840.1.113883.6.238',
  bcp47: 'urn:ietf:bcp:47',
} as const;
