/** Canonical URLs and code systems of Da Vinci US Drug Formulary 2.0.1 (http://hl7.org/fhir/us/davinci-drug-formulary/STU2.0.1/). */

const IG = 'http://hl7.org/fhir/us/davinci-drug-formulary';
const SD = `${IG}/StructureDefinition`;
const CS = `${IG}/CodeSystem`;

export const USDF_PROFILE = {
  PayerInsurancePlan: `${SD}/usdf-PayerInsurancePlan`,
  Formulary: `${SD}/usdf-Formulary`,
  FormularyItem: `${SD}/usdf-FormularyItem`,
  FormularyDrug: `${SD}/usdf-FormularyDrug`,
} as const;

export const USDF_EXTENSION = {
  formularyReference: `${SD}/usdf-FormularyReference-extension`,
  availabilityStatus: `${SD}/usdf-AvailabilityStatus-extension`,
  availabilityPeriod: `${SD}/usdf-AvailabilityPeriod-extension`,
  pharmacyBenefitType: `${SD}/usdf-PharmacyBenefitType-extension`,
  drugTier: `${SD}/usdf-DrugTierID-extension`,
  priorAuthorization: `${SD}/usdf-PriorAuthorization-extension`,
  priorAuthorizationNewStartsOnly: `${SD}/usdf-PriorAuthorizationNewStartsOnly-extension`,
  stepTherapy: `${SD}/usdf-StepTherapyLimit-extension`,
  stepTherapyNewStartsOnly: `${SD}/usdf-StepTherapyLimitNewStartsOnly-extension`,
  quantityLimit: `${SD}/usdf-QuantityLimit-extension`,
  quantityLimitDetail: `${SD}/usdf-QuantityLimitDetail-extension`,
} as const;

export const USDF_SYSTEM = {
  // The "-TEMPORARY-TRIAL-USE" suffixes are part of the STU2 canonical URLs.
  drugTier: `${CS}/usdf-DrugTierCS-TEMPORARY-TRIAL-USE`,
  pharmacyBenefitType: `${CS}/usdf-PharmacyBenefitTypeCS-TEMPORARY-TRIAL-USE`,
  benefitCostType: `${CS}/usdf-BenefitCostTypeCS-TEMPORARY-TRIAL-USE`,
  costShareOption: `${CS}/usdf-CostShareOptionCS-TEMPORARY-TRIAL-USE`,
  planContactType: `${CS}/usdf-PlanContactTypeCS-TEMPORARY-TRIAL-USE`,
  insuranceItemType: `${CS}/usdf-InsuranceItemTypeCS`,
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  insurancePlanType: 'http://terminology.hl7.org/CodeSystem/insurance-plan-type',
  ucum: 'http://unitsofmeasure.org',
  currency: 'urn:iso:std:iso:4217',
  /** payerport's own therapeutic classes (drug-classes.ts); under example.org so nobody takes them for an official classification. */
  therapeuticClass: 'https://payerport.example.org/fhir/CodeSystem/synthetic-therapeutic-class',
} as const;

export type DrugTier = 'generic' | 'preferred-brand' | 'non-preferred-brand' | 'specialty' | 'zero-cost-share-preventative';
export const TIER_DISPLAY: Record<DrugTier, string> = {
  'generic': 'Generic', 'preferred-brand': 'Preferred Brand', 'non-preferred-brand': 'Non-preferred Brand',
  'specialty': 'Specialty', 'zero-cost-share-preventative': 'Zero cost-share preventative',
};

export type BenefitType = '1-month-in-retail' | '3-month-in-retail' | '1-month-in-mail' | '3-month-in-mail';
export const BENEFIT_DISPLAY: Record<BenefitType, string> = {
  '1-month-in-retail': '1 month in network retail', '3-month-in-retail': '3 month in network retail',
  '1-month-in-mail': '1 month in network mail order', '3-month-in-mail': '3 month in network mail order',
};
