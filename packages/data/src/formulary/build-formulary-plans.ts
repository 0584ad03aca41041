/**
 * The InsurancePlans of the Formulary API: usdf-Formulary (the drug list) and usdf-PayerInsurancePlan
 * (a directory product's drug benefit). The directory's own InsurancePlans stay Plan-Net ones; a
 * payer plan is a separate resource linked to its directory twin by the same plan-id identifier,
 * the same network and the same coverage-area Locations.
 */
import { concept, reference, type DirectoryResource } from '../directory/datatypes.js';
import { ID } from '../directory/ids.js';
import { PRODUCT_LINES, type Network } from '../directory/payers.js';
import { SYNTHETIC_SYSTEM, SYSTEM } from '../directory/plannet-canonicals.js';
import { BENEFIT_TYPES, costOf, TIERS_BY_MARKET, type Cost } from './cost-sharing.js';
import { FORMULARY_ID, marketOf, type Market } from './formulary-ids.js';
import { BENEFIT_DISPLAY, TIER_DISPLAY, USDF_EXTENSION, USDF_PROFILE, USDF_SYSTEM } from './usdf-canonicals.js';

const DRUGPOL = concept(USDF_SYSTEM.actCode, 'DRUGPOL', 'drug policy');
const DRUG_PLAN = concept(USDF_SYSTEM.insurancePlanType, 'drug', 'Drug');
const MARKET_NAME: Record<Market, string> = { commercial: 'Commercial', medicare: 'Medicare Part D' };

export function formulary(payerKey: string, payerName: string, market: Market, year: number, lastUpdated: string): DirectoryResource {
  return {
    resourceType: 'InsurancePlan', id: FORMULARY_ID.formulary(payerKey, market, year),
    meta: { lastUpdated, profile: [USDF_PROFILE.Formulary] },
    identifier: [{ system: SYNTHETIC_SYSTEM.planId, value: `${payerKey.toUpperCase()}-RX-${market.toUpperCase()}-${year}` }],
    status: 'active',
    type: [DRUGPOL],
    name: `${payerName} ${MARKET_NAME[market]} Formulary ${year}`,
    period: { start: `${year}-01-01`, end: `${year}-12-31` },
  };
}

function cost(value: Cost): Record<string, unknown> {
  const qualifiers = [concept(USDF_SYSTEM.costShareOption, value.qualifier)];
  return value.kind === 'copay'
    ? { type: concept(USDF_SYSTEM.benefitCostType, 'copay', 'Copay'), qualifiers, value: { value: value.amount, unit: '$', system: USDF_SYSTEM.currency, code: 'USD' } }
    : { type: concept(USDF_SYSTEM.benefitCostType, 'coinsurance', 'Coinsurance'), qualifiers, value: { value: value.percent, unit: '%', system: USDF_SYSTEM.ucum, code: '%' } };
}

/** The drug benefit of one directory product (network): its formulary and cost-sharing per tier and pharmacy benefit. */
export function payerInsurancePlan(net: Network, year: number, lastUpdated: string): DirectoryResource {
  const { payer, line } = net;
  const info = PRODUCT_LINES[line];
  const market = marketOf(line);
  const formularyId = FORMULARY_ID.formulary(payer.key, market, year);
  const website = (path: string, code: string, text: string) => ({
    purpose: concept(USDF_SYSTEM.planContactType, code), name: { text }, telecom: [{ system: 'url', value: `https://www.${payer.domain}/${path}` }],
  });
  return {
    resourceType: 'InsurancePlan', id: FORMULARY_ID.payerPlan(payer.key, line, year),
    meta: { lastUpdated, profile: [USDF_PROFILE.PayerInsurancePlan] },
    // The same plan id as the directory's Plan-Net InsurancePlan of this product: that is the link between the two.
    identifier: [{ system: SYNTHETIC_SYSTEM.planId, value: `${payer.key.toUpperCase()}-${line.toUpperCase()}-${year}` }],
    status: 'active',
    type: [concept(SYSTEM.insuranceProductType, info.productType, info.productDisplay)],
    name: `${payer.name} ${info.productDisplay} ${year} Drug Benefit`,
    period: { start: `${year}-01-01`, end: `${year}-12-31` },
    ownedBy: reference('Organization', ID.payer(payer.key), payer.name),
    administeredBy: reference('Organization', ID.payer(payer.key), payer.name),
    coverageArea: payer.counties.map((county) => reference('Location', ID.county(county))),
    contact: [
      website(`plans/${line}`, 'MARKETING', `${payer.name} ${info.productDisplay} plan information`),
      website(`plans/${line}/drug-benefit`, 'SUMMARY', `${payer.name} ${info.productDisplay} drug benefit summary`),
      website(`formulary/${market}-${year}`, 'FORMULARY', `${payer.name} ${MARKET_NAME[market]} formulary`),
    ],
    network: [reference('Organization', net.id, net.name)],
    coverage: [{
      extension: [{ url: USDF_EXTENSION.formularyReference, valueReference: reference('InsurancePlan', formularyId) }],
      type: DRUGPOL,
      benefit: [{ type: DRUG_PLAN }],
    }],
    plan: [{
      type: DRUG_PLAN,
      specificCost: BENEFIT_TYPES.map((benefit) => ({
        category: concept(USDF_SYSTEM.pharmacyBenefitType, benefit, BENEFIT_DISPLAY[benefit]),
        benefit: TIERS_BY_MARKET[market].map((tier) => ({
          type: concept(USDF_SYSTEM.drugTier, tier, TIER_DISPLAY[tier]),
          cost: [cost(costOf(line, tier, benefit))],
        })),
      })),
    }],
  };
}
