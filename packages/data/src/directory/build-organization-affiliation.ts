/**
 * plannet-OrganizationAffiliation resources of two kinds: a provider organization's participation
 * in one payer's networks (organization = the payer), and a clinic's clinical affiliation with
 * the hospital where its doctors admit (organization = the hospital).
 */
import { concept, meta, reference, type DirectoryResource } from './datatypes.js';
import type { Taxonomy } from './nucc-taxonomy.js';
import type { Network } from './payers.js';
import { SYSTEM } from './plannet-canonicals.js';

const ROLE_DISPLAY: Record<string, string> = {
  group: 'Medical Group', hospital: 'Hospital', laboratory: 'Laboratory', pharmacy: 'Pharmacy', outpatient: 'Clinic or Outpatient Facility', urgent: 'Urgent Care Center', behavioral: 'Outpatient Behavioral Health Provider',
};

export interface ParticipationInput {
  readonly id: string;
  readonly payerId: string;
  readonly participantId: string;
  readonly networks: readonly Network[];
  /** OrganizationAffiliationRoleCS code. */
  readonly role: string;
  readonly specialty: Taxonomy;
  readonly locationId: string;
  readonly serviceId: string;
  readonly endpointId?: string;
  readonly since: string;
  readonly lastUpdated: string;
}

export function networkParticipation(input: ParticipationInput): DirectoryResource {
  const affiliation: DirectoryResource = {
    resourceType: 'OrganizationAffiliation', id: input.id, meta: meta('OrganizationAffiliation', input.lastUpdated),
    active: true,
    period: { start: input.since },
    organization: reference('Organization', input.payerId),
    participatingOrganization: reference('Organization', input.participantId),
    network: input.networks.map((n) => reference('Organization', n.id, n.name)),
    code: [concept(SYSTEM.organizationAffiliationRole, input.role, ROLE_DISPLAY[input.role])],
    specialty: [concept(SYSTEM.nucc, input.specialty.code, input.specialty.display)],
    location: [reference('Location', input.locationId)],
    healthcareService: [reference('HealthcareService', input.serviceId)],
  };
  if (input.endpointId !== undefined) affiliation.endpoint = [reference('Endpoint', input.endpointId)];
  return affiliation;
}

export interface HospitalAffiliationInput {
  readonly id: string;
  readonly hospitalId: string;
  readonly hospitalLocationId: string;
  readonly clinicId: string;
  readonly since: string;
  readonly lastUpdated: string;
}

/** The clinic provides care at the hospital (its doctors hold privileges there). */
export function hospitalAffiliation(input: HospitalAffiliationInput): DirectoryResource {
  return {
    resourceType: 'OrganizationAffiliation', id: input.id, meta: meta('OrganizationAffiliation', input.lastUpdated),
    active: true,
    period: { start: input.since },
    organization: reference('Organization', input.hospitalId),
    participatingOrganization: reference('Organization', input.clinicId),
    code: [concept(SYSTEM.organizationRole, 'provider', 'Provider')],
    location: [reference('Location', input.hospitalLocationId)],
  };
}
