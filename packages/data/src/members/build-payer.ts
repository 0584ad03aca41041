/**
 * The members' payer as a C4BB-Organization. The directory already has this plan as a Plan-Net
 * Organization (org-payer-kokua), but CARIN's Coverage.payor must resolve to a C4BB-Organization
 * and a resource keeps one profile, so this is a twin — as the formularies' payer plans are twins
 * of the directory's InsurancePlans — with the same name, head-office address, phone and website
 * when generated with the directory's seed.
 */
import { address, phone, website } from '../directory/contact-details.js';
import { coding, concept, type DirectoryResource } from '../directory/datatypes.js';
import { payerPlace } from '../directory/emit-plans.js';
import { PAYERS } from '../directory/payers.js';
import { C4BB_PROFILE, MEMBER_SYSTEM } from './c4bb-canonicals.js';
import { MEMBER_ID } from './member-facts.js';
import { MEMBER_PAYER } from './member-products.js';

/** Payer ids have no public namespace here either (see SYNTHETIC_SYSTEM in plannet-canonicals.ts). */
const PAYER_ID_SYSTEM = 'https://payerport.example.org/sid/payer-id';

export function payerOrganization(seed: number, lastUpdated: string): DirectoryResource {
  const payer = MEMBER_PAYER;
  const place = payerPlace(seed, PAYERS.indexOf(payer));
  return {
    resourceType: 'Organization', id: MEMBER_ID.payer(payer.key),
    meta: { lastUpdated, profile: [C4BB_PROFILE.Organization] },
    identifier: [{
      type: { coding: [coding(MEMBER_SYSTEM.c4bbIdentifierType, 'payerid', 'Payer ID')] },
      system: PAYER_ID_SYSTEM, value: payer.key.toUpperCase(),
    }],
    active: true,
    type: [concept(MEMBER_SYSTEM.organizationType, 'pay', 'Payer')],
    name: payer.name,
    telecom: [phone(place.phone, undefined, 1), website(`https://www.${payer.domain}`, 2)],
    address: [address(place)],
  };
}
