/** plannet-Organization resources: payers and the organizations that run hospitals, clinics, labs and pharmacies. */
import { address, phone, website } from './contact-details.js';
import { concept, meta, reference, type DirectoryResource, type Extension } from './datatypes.js';
import type { Hours } from './opening-hours.js';
import { SYSTEM } from './plannet-canonicals.js';
import { orgDescription } from './plannet-extensions.js';
import type { Place } from './sites.js';

const ORG_TYPE_DISPLAY = { fac: 'Facility', prvgrp: 'Provider Group', payer: 'Payer' } as const;

export interface OrganizationInput {
  readonly id: string;
  readonly name: string;
  readonly type: keyof typeof ORG_TYPE_DISPLAY;
  readonly place: Place;
  /** Hours the main phone is answered. */
  readonly phoneHours?: Hours;
  readonly website?: string;
  readonly npi?: string;
  readonly clia?: string;
  readonly description?: string;
  readonly qualification?: Extension;
  readonly endpointId?: string;
  readonly lastUpdated: string;
}

export function organization(input: OrganizationInput): DirectoryResource {
  const org: DirectoryResource = { resourceType: 'Organization', id: input.id, meta: meta('Organization', input.lastUpdated) };
  const extension: Extension[] = [];
  if (input.qualification !== undefined) extension.push(input.qualification);
  if (input.description !== undefined) extension.push(orgDescription(input.description));
  if (extension.length > 0) org.extension = extension;
  const identifier: Record<string, unknown>[] = [];
  if (input.npi !== undefined) identifier.push({ system: SYSTEM.npi, value: input.npi });
  if (input.clia !== undefined) identifier.push({ system: SYSTEM.clia, value: input.clia });
  if (identifier.length > 0) org.identifier = identifier;
  org.active = true;
  org.type = [concept(SYSTEM.orgType, input.type, ORG_TYPE_DISPLAY[input.type])];
  org.name = input.name;
  const telecom = [phone(input.place.phone, input.phoneHours, 1)];
  if (input.website !== undefined) telecom.push(website(input.website, 2));
  org.telecom = telecom;
  org.address = [address(input.place, true)];
  if (input.endpointId !== undefined) org.endpoint = [reference('Endpoint', input.endpointId)];
  return org;
}
