/**
 * The Da Vinci PDex Plan-Net 1.1.0 canonical URLs and codes a roster maps to.
 * https://hl7.org/fhir/us/davinci-pdex-plan-net/STU1.1/
 */

const PLAN_NET = 'http://hl7.org/fhir/us/davinci-pdex-plan-net';

export const PROFILE = Object.freeze({
  practitioner: `${PLAN_NET}/StructureDefinition/plannet-Practitioner`,
  location: `${PLAN_NET}/StructureDefinition/plannet-Location`,
  practitionerRole: `${PLAN_NET}/StructureDefinition/plannet-PractitionerRole`,
});

export const EXTENSION = Object.freeze({
  newPatients: `${PLAN_NET}/StructureDefinition/newpatients`,
  networkReference: `${PLAN_NET}/StructureDefinition/network-reference`,
});

export const SYSTEM = Object.freeze({
  npi: 'http://hl7.org/fhir/sid/us-npi',
  nucc: 'http://nucc.org/provider-taxonomy',
  providerRole: `${PLAN_NET}/CodeSystem/ProviderRoleCS`,
  acceptingPatients: `${PLAN_NET}/CodeSystem/AcceptingPatientsCS`,
  bcp47: 'urn:ietf:bcp:47',
  identifierType: 'http://terminology.hl7.org/CodeSystem/v2-0203',
});

/** ProviderRoleCS codes (the `PractitionerRole.code` binding is required to PractitionerRoleVS). */
export const PROVIDER_ROLE_CODES: ReadonlySet<string> = new Set((
  'ap apn at au bh ba bt cnw crnp ch cs co dp de drr dn om em ho lpn mt ma nh na nu ot op oo os rx pt ph pa po py rn rt sw sp sh te'
).split(' '));

/** AcceptingPatientsCS: nopt, newpt, existptonly, existptfam. */
export const ACCEPTING_PATIENTS_CODES: ReadonlySet<string> = new Set(['nopt', 'newpt', 'existptonly', 'existptfam']);
