/** The size-independent start of the directory: coverage areas, payers, their networks and products. */
import { fhirEndpoint } from './build-endpoint.js';
import { insurancePlan } from './build-insurance-plan.js';
import { countyLocation, islandLocation } from './build-location.js';
import { network } from './build-network.js';
import { organization } from './build-organization.js';
import type { DirectoryResource } from './datatypes.js';
import type { DirectoryShape } from './directory-shape.js';
import { COUNTIES, ISLANDS, town } from './hawaii-places.js';
import { ID } from './ids.js';
import { HOURS } from './opening-hours.js';
import { NETWORKS, PAYERS } from './payers.js';
import { labelHash, rngFor } from './prng.js';
import { placeIn, type Place } from './sites.js';

const K_PAYER = labelHash('payer');
const PLAN_NET = 'http://hl7.org/fhir/us/davinci-pdex-plan-net';

export function* coverageAreas(shape: DirectoryShape): Generator<DirectoryResource> {
  for (const county of COUNTIES) yield countyLocation(county, shape.lastUpdated);
  for (const island of ISLANDS) yield islandLocation(island, shape.lastUpdated);
}

/**
 * The head office of payer number `p` (downtown Honolulu), a pure function of the seed: the
 * members' CARIN twin of a payer (../members/build-payer.ts) gives the same address and phone.
 */
export function payerPlace(seed: number, p: number): Place {
  return placeIn(town('honolulu-downtown'), rngFor(seed, K_PAYER, p));
}

/** Payers with their directory endpoint, then networks, then one InsurancePlan per network. */
export function* payersAndPlans(shape: DirectoryShape): Generator<DirectoryResource> {
  const { lastUpdated } = shape;
  const year = Number(lastUpdated.slice(0, 4));
  const phones = new Map<string, string>();
  for (const [p, payer] of PAYERS.entries()) {
    const place = payerPlace(shape.seed, p);
    phones.set(payer.key, place.phone);
    yield fhirEndpoint({
      id: ID.payerEndpoint(payer.key), name: `${payer.name} Provider Directory API`, organizationId: ID.payer(payer.key),
      address: `https://api.${payer.domain}/fhir/r4`, usecase: 'HOPERAT', standard: PLAN_NET,
      contactEmail: `interop@${payer.domain}`, lastUpdated,
    });
    yield organization({
      id: ID.payer(payer.key), name: payer.name, type: 'payer', place, phoneHours: HOURS.callCenter,
      website: `https://www.${payer.domain}`, description: payer.description, endpointId: ID.payerEndpoint(payer.key), lastUpdated,
    });
  }
  for (const net of NETWORKS) yield network(net, phones.get(net.payer.key) as string, lastUpdated);
  for (const net of NETWORKS) yield insurancePlan(net, phones.get(net.payer.key) as string, year, lastUpdated);
}
