/**
 * Da Vinci US Drug Formulary 2.0.1 canonical URLs and codes the importer writes
 * (http://hl7.org/fhir/us/davinci-drug-formulary/STU2.0.1/), and the mapping of the CMS
 * TIER_LEVEL_VALUE to the IG's DrugTierCS — docs/formulary-import.md explains the choice.
 */
const IG = 'http://hl7.org/fhir/us/davinci-drug-formulary';

export const PROFILE = {
  formulary: `${IG}/StructureDefinition/usdf-Formulary`,
  item: `${IG}/StructureDefinition/usdf-FormularyItem`,
  drug: `${IG}/StructureDefinition/usdf-FormularyDrug`,
} as const;

export const EXT = {
  formularyReference: `${IG}/StructureDefinition/usdf-FormularyReference-extension`,
  availabilityStatus: `${IG}/StructureDefinition/usdf-AvailabilityStatus-extension`,
  availabilityPeriod: `${IG}/StructureDefinition/usdf-AvailabilityPeriod-extension`,
  pharmacyBenefitType: `${IG}/StructureDefinition/usdf-PharmacyBenefitType-extension`,
  drugTier: `${IG}/StructureDefinition/usdf-DrugTierID-extension`,
  priorAuthorization: `${IG}/StructureDefinition/usdf-PriorAuthorization-extension`,
  stepTherapy: `${IG}/StructureDefinition/usdf-StepTherapyLimit-extension`,
  quantityLimit: `${IG}/StructureDefinition/usdf-QuantityLimit-extension`,
  quantityLimitDetail: `${IG}/StructureDefinition/usdf-QuantityLimitDetail-extension`,
} as const;

/**
 * The version of the formulary file a Formulary was imported from. InsurancePlan has no version
 * element and the IG defines none, so payerport keeps FORMULARY_VERSION in its own extension:
 * it is what decides "newer, same or older" on the next import.
 */
export const FORMULARY_VERSION_URL = 'https://payerport.dev/fhir/StructureDefinition/formulary-version';

export const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
export const ITEM_TYPE = { system: `${IG}/CodeSystem/usdf-InsuranceItemTypeCS`, code: 'formulary-item', display: 'Formulary Item' } as const;
export const DRUG_POLICY = { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'DRUGPOL' } as const;
export const PLAN_TYPE_DRUG = { system: 'http://terminology.hl7.org/CodeSystem/insurance-plan-type', code: 'drug', display: 'Drug' } as const;

const DRUG_TIER_CS = `${IG}/CodeSystem/usdf-DrugTierCS-TEMPORARY-TRIAL-USE`;
const BENEFIT_TYPE_CS = `${IG}/CodeSystem/usdf-PharmacyBenefitTypeCS-TEMPORARY-TRIAL-USE`;

/**
 * TIER_LEVEL_VALUE → DrugTierCS, following the CMS Part D standard tier model (tier 1 preferred
 * generic … tier 5 specialty, tier 6 the optional select-care / $0 preventive tier).
 */
export const TIER_CODES: ReadonlyMap<number, { readonly code: string; readonly display: string }> = new Map([
  [1, { code: 'preferred-generic', display: 'Preferred Generic' }],
  [2, { code: 'generic', display: 'Generic' }],
  [3, { code: 'preferred-brand', display: 'Preferred Brand' }],
  [4, { code: 'non-preferred-brand', display: 'Non-preferred Brand' }],
  [5, { code: 'specialty', display: 'Specialty' }],
  [6, { code: 'zero-cost-share-preventative', display: 'Zero cost-share preventative' }],
]);

export const drugTierCoding = (tier: number): Record<string, string> => ({ system: DRUG_TIER_CS, ...TIER_CODES.get(tier)! });

/**
 * The CMS file says nothing about where a drug may be dispensed, yet FormularyItem requires at
 * least one pharmacy benefit type: every imported item gets the Part D baseline, a one-month
 * supply at an in-network retail pharmacy.
 */
export const DEFAULT_BENEFIT_TYPE = { system: BENEFIT_TYPE_CS, code: '1-month-in-retail', display: '1 month in network retail' } as const;
