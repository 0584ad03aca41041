/** plannet-InsurancePlan resources: one product per network, with its cost-sharing plans and coverage counties. */
import { phone, website } from './contact-details.js';
import { concept, meta, reference, type DirectoryResource } from './datatypes.js';
import { ID } from './ids.js';
import { HOURS } from './opening-hours.js';
import { PRODUCT_LINES, type Network } from './payers.js';
import { SYNTHETIC_SYSTEM, SYSTEM } from './plannet-canonicals.js';

export function insurancePlan(net: Network, memberPhone: string, year: number, lastUpdated: string): DirectoryResource {
  const { payer, line } = net;
  const info = PRODUCT_LINES[line];
  const counties = payer.counties.map((county) => reference('Location', ID.county(county)));
  return {
    resourceType: 'InsurancePlan', id: ID.plan(payer.key, line), meta: meta('InsurancePlan', lastUpdated),
    identifier: [{ system: SYNTHETIC_SYSTEM.planId, value: `${payer.key.toUpperCase()}-${line.toUpperCase()}-${year}` }],
    status: 'active',
    type: [concept(SYSTEM.insuranceProductType, info.productType, info.productDisplay)],
    name: `${payer.name} ${info.productDisplay} ${year}`,
    period: { start: `${year}-01-01`, end: `${year}-12-31` },
    ownedBy: reference('Organization', ID.payer(payer.key), payer.name),
    administeredBy: reference('Organization', ID.payer(payer.key), payer.name),
    coverageArea: counties,
    contact: [{
      purpose: concept('http://terminology.hl7.org/CodeSystem/contactentity-type', 'PATINF', 'Patient'),
      name: { text: `${payer.name} Member Services` },
      telecom: [phone(memberPhone, HOURS.callCenter), website(`https://www.${payer.domain}/plans/${line}`)],
    }],
    endpoint: [reference('Endpoint', ID.payerEndpoint(payer.key))],
    network: [reference('Organization', net.id, net.name)],
    plan: info.planTypes.map(([code, display]) => ({
      identifier: [{ system: SYNTHETIC_SYSTEM.planId, value: `${payer.key.toUpperCase()}-${line.toUpperCase()}-${code.toUpperCase()}-${year}` }],
      type: concept(SYSTEM.insurancePlanType, code, display),
      coverageArea: counties,
      network: [reference('Organization', net.id)],
    })),
  };
}
