/** plannet-Network resources: an Organization of type "ntwk", part of its payer, with its coverage counties. */
import { phone } from './contact-details.js';
import { concept, meta, reference, type DirectoryResource } from './datatypes.js';
import { ID } from './ids.js';
import { HOURS } from './opening-hours.js';
import type { Network } from './payers.js';
import { SYSTEM } from './plannet-canonicals.js';
import { locationReference } from './plannet-extensions.js';

/** A network. Plan-Net forbids Network.telecom, so its phone sits on the provider-relations contact. */
export function network(net: Network, contactPhone: string, lastUpdated: string): DirectoryResource {
  return {
    resourceType: 'Organization', id: net.id, meta: meta('Network', lastUpdated),
    extension: net.payer.counties.map((county) => locationReference(ID.county(county))),
    active: true,
    type: [concept(SYSTEM.orgType, 'ntwk', 'Network')],
    name: net.name,
    partOf: reference('Organization', ID.payer(net.payer.key), net.payer.name),
    contact: [{
      purpose: concept('http://terminology.hl7.org/CodeSystem/contactentity-type', 'ADMIN', 'Administrative'),
      name: { text: `${net.payer.name} Provider Relations` },
      telecom: [phone(contactPhone, HOURS.office)],
    }],
  };
}
