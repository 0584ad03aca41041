/**
 * plannet-PractitionerRole resources. Plan-Net allows one network per role (network-reference
 * is 0..1), so a practitioner has one role per network at their site, plus a role for admitting
 * privileges at a hospital, which belongs to no network.
 */
import { faxFor, phone } from './contact-details.js';
import { concept, meta, reference, type DirectoryResource, type Extension } from './datatypes.js';
import { availableTime, type Hours } from './opening-hours.js';
import { SYSTEM } from './plannet-canonicals.js';
import { networkReference, newPatients } from './plannet-extensions.js';
import type { Accepting, PractitionerFacts } from './practitioner-facts.js';

const ROLE_DISPLAY: Record<string, string> = {
  ph: 'Physician', crnp: 'Certified Registered Nurse Practitioner', pa: 'Physician Assistant', cnw: 'Certified Nurse Midwife',
  py: 'Psychologist', sw: 'Social Worker', co: 'Counselor', ap: 'Admitting Privileges',
};

export interface RoleSite {
  readonly organizationId: string;
  readonly locationId: string;
  readonly serviceId: string;
  readonly endpointId: string;
  readonly phone: string;
  readonly hours: Hours;
}

export interface RoleInput {
  readonly id: string;
  readonly practitionerId: string;
  readonly facts: PractitionerFacts;
  readonly site: RoleSite;
  /** The network of the role; absent for admitting privileges. */
  readonly networkId?: string;
  readonly accepting?: Accepting;
  readonly privileges?: boolean;
  readonly since: string;
  readonly lastUpdated: string;
}

export function practitionerRole(input: RoleInput): DirectoryResource {
  const { facts, site } = input;
  const roleCode = input.privileges === true ? 'ap' : facts.specialty.discipline.role;
  const extension: Extension[] = [];
  if (input.networkId !== undefined) {
    if (input.accepting !== undefined) {
      const note = facts.languages.length > 1 ? `Also sees patients in ${facts.languages.slice(1).map((l) => l.display).join(' and ')}` : undefined;
      extension.push(newPatients(input.accepting, input.networkId, note));
    }
    extension.push(networkReference(input.networkId));
  }
  const role: DirectoryResource = { resourceType: 'PractitionerRole', id: input.id, meta: meta('PractitionerRole', input.lastUpdated) };
  if (extension.length > 0) role.extension = extension;
  Object.assign(role, {
    active: true,
    period: { start: input.since },
    practitioner: reference('Practitioner', input.practitionerId),
    organization: reference('Organization', site.organizationId),
    code: [concept(SYSTEM.providerRole, roleCode, ROLE_DISPLAY[roleCode])],
    specialty: [concept(SYSTEM.nucc, facts.specialty.code, facts.specialty.display)],
    location: [reference('Location', site.locationId)],
    healthcareService: [reference('HealthcareService', site.serviceId)],
    telecom: [phone(site.phone, site.hours), faxFor(site.phone)],
    availableTime: availableTime(site.hours),
    endpoint: [reference('Endpoint', site.endpointId)],
  });
  return role;
}
