/** plannet-HealthcareService resources: what a site offers, when, to whom, and whether it takes new patients. */
import { phone } from './contact-details.js';
import { concept, meta, reference, type DirectoryResource, type Extension } from './datatypes.js';
import type { Taxonomy } from './nucc-taxonomy.js';
import { availableTime, type Hours } from './opening-hours.js';
import type { Network } from './payers.js';
import { SYSTEM } from './plannet-canonicals.js';
import { deliveryMethod, newPatients } from './plannet-extensions.js';

export interface HealthcareServiceInput {
  readonly id: string;
  readonly name: string;
  readonly organizationId: string;
  /** HealthcareServiceCategoryCS code and display. */
  readonly category: readonly [code: string, display: string];
  /** service-type codes (Plan-Net HealthcareServiceTypeVS). */
  readonly types?: readonly (readonly [code: string, display: string])[];
  readonly specialties: readonly Taxonomy[];
  readonly locationId?: string;
  readonly coverageAreaIds?: readonly string[];
  readonly phone: string;
  readonly hours: Hours;
  /** Networks in which the service takes new patients (newpatients extension per network). */
  readonly acceptingIn?: readonly Network[];
  /** Virtual modalities when the service is (also) delivered remotely. */
  readonly virtual?: readonly string[];
  readonly physical: boolean;
  readonly appointmentRequired: boolean;
  readonly comment?: string;
  readonly endpointId?: string;
  readonly lastUpdated: string;
}

export function healthcareService(input: HealthcareServiceInput): DirectoryResource {
  const extension: Extension[] = [];
  if (input.physical) extension.push(deliveryMethod('physical'));
  if (input.virtual !== undefined) extension.push(deliveryMethod('virtual', input.virtual));
  for (const net of input.acceptingIn ?? []) extension.push(newPatients('newpt', net.id));
  const service: DirectoryResource = {
    resourceType: 'HealthcareService', id: input.id, meta: meta('HealthcareService', input.lastUpdated),
    extension,
    active: true,
    providedBy: reference('Organization', input.organizationId),
    category: [concept(SYSTEM.healthcareServiceCategory, input.category[0], input.category[1])],
  };
  if (input.types !== undefined && input.types.length > 0) service.type = input.types.map(([code, display]) => concept(SYSTEM.serviceType, code, display));
  service.specialty = input.specialties.map((s) => concept(SYSTEM.nucc, s.code, s.display));
  if (input.locationId !== undefined) service.location = [reference('Location', input.locationId)];
  service.name = input.name;
  if (input.comment !== undefined) service.comment = input.comment;
  service.telecom = [phone(input.phone, input.hours)];
  if (input.coverageAreaIds !== undefined) service.coverageArea = input.coverageAreaIds.map((id) => reference('Location', id));
  service.appointmentRequired = input.appointmentRequired;
  service.availableTime = availableTime(input.hours);
  if (input.endpointId !== undefined) service.endpoint = [reference('Endpoint', input.endpointId)];
  return service;
}
