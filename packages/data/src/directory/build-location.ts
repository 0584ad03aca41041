/** plannet-Location resources: coverage areas (counties, islands) and the sites where care is given. */
import { address, phone } from './contact-details.js';
import { concept, meta, reference, type DirectoryResource } from './datatypes.js';
import type { County, Island } from './hawaii-places.js';
import { ID } from './ids.js';
import { hoursOfOperation, type Hours } from './opening-hours.js';
import { SYSTEM } from './plannet-canonicals.js';
import { accessibility } from './plannet-extensions.js';
import type { Place } from './sites.js';

/** A county as a coverage area (InsurancePlan.coverageArea, network location-reference). */
export function countyLocation(county: County, lastUpdated: string): DirectoryResource {
  return {
    resourceType: 'Location', id: ID.county(county.key), meta: meta('Location', lastUpdated),
    status: 'active',
    name: county.name,
    description: `Service area: ${county.name}, Hawaii`,
    address: { district: county.name, state: 'HI', country: 'US' },
    physicalType: concept(SYSTEM.locationPhysicalType, 'jdn', 'Jurisdiction'),
    position: { longitude: county.longitude, latitude: county.latitude },
  };
}

/** An island as a coverage area; part of its county when the whole island is in one. */
export function islandLocation(island: Island, lastUpdated: string): DirectoryResource {
  const location: DirectoryResource = {
    resourceType: 'Location', id: ID.island(island.key), meta: meta('Location', lastUpdated),
    status: 'active',
    name: island.name,
    description: `Service area: the island of ${island.name}`,
    address: { state: 'HI', country: 'US' },
    physicalType: concept(SYSTEM.locationPhysicalType, 'area', 'Area'),
    position: { longitude: island.longitude, latitude: island.latitude },
  };
  if (island.county !== undefined) location.partOf = reference('Location', ID.county(island.county));
  return location;
}

export interface SiteLocationInput {
  readonly id: string;
  readonly name: string;
  readonly place: Place;
  readonly hours: Hours;
  /** v3-RoleCode ServiceDeliveryLocationRoleType code and display. */
  readonly type: readonly [code: string, display: string];
  readonly organizationId: string;
  readonly endpointId?: string;
  readonly accessibility?: readonly string[];
  readonly lastUpdated: string;
}

/** A site: address, coordinates, phone and hours (the "near" and "open on Sunday" questions read these). */
export function siteLocation(input: SiteLocationInput): DirectoryResource {
  const { place } = input;
  const location: DirectoryResource = {
    resourceType: 'Location', id: input.id, meta: meta('Location', input.lastUpdated),
  };
  if (input.accessibility !== undefined) location.extension = input.accessibility.map(accessibility);
  Object.assign(location, {
    status: 'active',
    name: input.name,
    type: [concept(SYSTEM.roleCode, input.type[0], input.type[1])],
    telecom: [phone(place.phone, input.hours)],
    address: address(place),
    position: { longitude: place.longitude, latitude: place.latitude },
    managingOrganization: reference('Organization', input.organizationId),
    hoursOfOperation: hoursOfOperation(input.hours),
  });
  if (input.hours.length > 0 && input.hours[0]?.open !== undefined) location.availabilityExceptions = 'Closed on state holidays.';
  if (input.endpointId !== undefined) location.endpoint = [reference('Endpoint', input.endpointId)];
  return location;
}
