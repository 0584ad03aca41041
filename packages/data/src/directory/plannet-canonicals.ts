/** Canonical URLs and code systems of Da Vinci PDex Plan-Net 1.1.0 and the terminologies it binds. */

const IG = 'http://hl7.org/fhir/us/davinci-pdex-plan-net';
const SD = `${IG}/StructureDefinition`;
const CS = `${IG}/CodeSystem`;

/** Profile canonical URL per Plan-Net profile name (http://hl7.org/fhir/us/davinci-pdex-plan-net/1.1.0/). */
export const PROFILE = {
  Endpoint: `${SD}/plannet-Endpoint`,
  HealthcareService: `${SD}/plannet-HealthcareService`,
  InsurancePlan: `${SD}/plannet-InsurancePlan`,
  Location: `${SD}/plannet-Location`,
  Network: `${SD}/plannet-Network`,
  Organization: `${SD}/plannet-Organization`,
  OrganizationAffiliation: `${SD}/plannet-OrganizationAffiliation`,
  Practitioner: `${SD}/plannet-Practitioner`,
  PractitionerRole: `${SD}/plannet-PractitionerRole`,
} as const;

export type ProfileName = keyof typeof PROFILE;

export const EXTENSION = {
  accessibility: `${SD}/accessibility`,
  communicationProficiency: `${SD}/communication-proficiency`,
  contactpointAvailableTime: `${SD}/contactpoint-availabletime`,
  deliveryMethod: `${SD}/delivery-method`,
  endpointUsecase: `${SD}/endpoint-usecase`,
  locationReference: `${SD}/location-reference`,
  networkReference: `${SD}/network-reference`,
  newPatients: `${SD}/newpatients`,
  orgDescription: `${SD}/org-description`,
  practitionerQualification: `${SD}/practitioner-qualification`,
  qualification: `${SD}/qualification`,
  geolocation: 'http://hl7.org/fhir/StructureDefinition/geolocation',
} as const;

export const SYSTEM = {
  acceptingPatients: `${CS}/AcceptingPatientsCS`,
  accessibility: `${CS}/AccessibilityCS`,
  deliveryMethod: `${CS}/DeliveryMethodCS`,
  endpointPayloadType: `${CS}/EndpointPayloadTypeCS`,
  healthcareServiceCategory: `${CS}/HealthcareServiceCategoryCS`,
  insurancePlanType: `${CS}/InsurancePlanTypeCS`,
  insuranceProductType: `${CS}/InsuranceProductTypeCS`,
  languageProficiency: `${CS}/LanguageProficiencyCS`,
  orgType: `${CS}/OrgTypeCS`,
  organizationAffiliationRole: `${CS}/OrganizationAffiliationRoleCS`,
  providerRole: `${CS}/ProviderRoleCS`,
  virtualModalities: `${CS}/VirtualModalitiesCS`,
  endpointConnectionType: 'http://terminology.hl7.org/CodeSystem/endpoint-connection-type',
  organizationRole: 'http://hl7.org/fhir/organization-role',
  actReason: 'http://terminology.hl7.org/CodeSystem/v3-ActReason',
  roleCode: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode',
  locationPhysicalType: 'http://terminology.hl7.org/CodeSystem/location-physical-type',
  serviceType: 'http://terminology.hl7.org/CodeSystem/service-type',
  degree: 'http://terminology.hl7.org/CodeSystem/v2-0360',
  nucc: 'http://nucc.org/provider-taxonomy',
  npi: 'http://hl7.org/fhir/sid/us-npi',
  clia: 'urn:oid:2.16.840.1.113883.4.7',
  usps: 'https://www.usps.com/',
  bcp47: 'urn:ietf:bcp:47',
  mimeType: 'urn:ietf:bcp:13',
} as const;

/**
 * Identifier systems for numbers that have no public namespace (state licences, plan ids).
 * They live under example.org so nobody mistakes the synthetic numbers for real ones.
 */
export const SYNTHETIC_SYSTEM = {
  hawaiiLicence: 'https://payerport.example.org/sid/hawaii-professional-licence',
  hawaiiFacilityLicence: 'https://payerport.example.org/sid/hawaii-facility-licence',
  planId: 'https://payerport.example.org/sid/plan-id',
} as const;
