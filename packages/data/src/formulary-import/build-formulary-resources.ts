/**
 * Checked CSV rows → US Drug Formulary resources: a drug-names row → usdf-FormularyDrug
 * (MedicationKnowledge), a formulary's first row → usdf-Formulary (InsurancePlan), every row →
 * usdf-FormularyItem (Basic). Shapes follow the IG's examples (Basic-FormularyItem-D1002-1000091).
 */
import type { Json } from '../roster/import-plan.js';
import type { DrugRow, FormularyRow } from './formulary-columns.js';
import { drugId, formularyResourceId, itemId } from './formulary-ids.js';
import {
  DEFAULT_BENEFIT_TYPE, DRUG_POLICY, EXT, FORMULARY_VERSION_URL, ITEM_TYPE, PLAN_TYPE_DRUG, PROFILE, RXNORM, drugTierCoding,
} from './usdf-terms.js';

export function drugResource(drug: DrugRow): Json {
  const label = [drug.name, drug.strength, drug.doseForm].filter((p) => p !== undefined).join(' ');
  return {
    resourceType: 'MedicationKnowledge', id: drugId(drug.rxcui), meta: { profile: [PROFILE.drug] },
    code: { coding: [{ system: RXNORM, code: drug.rxcui, display: drug.name }], ...(label !== drug.name ? { text: label } : {}) },
    status: 'active',
    ...(drug.doseForm !== undefined ? { doseForm: { text: drug.doseForm } } : {}),
  };
}

const contractPeriod = (year: number): Json => ({ start: `${year}-01-01`, end: `${year}-12-31` });

export function formularyResource(row: FormularyRow): Json {
  return {
    resourceType: 'InsurancePlan', id: formularyResourceId(row.formularyId), meta: { profile: [PROFILE.formulary] },
    extension: [{ url: FORMULARY_VERSION_URL, valueInteger: row.version }],
    identifier: [{ value: row.formularyId }],
    status: 'active',
    type: [{ coding: [{ ...DRUG_POLICY }] }],
    name: `Formulary ${row.formularyId} (contract year ${row.contractYear})`,
    period: contractPeriod(row.contractYear),
    plan: [{ type: { coding: [{ ...PLAN_TYPE_DRUG }] } }],
  };
}

const flag = (url: string, value: boolean): Json => ({ url, valueBoolean: value });

/** The quantity limit in words always; as a Timing (`count` per `period` days) when the amount is whole. */
function quantityLimitDetail(amount: number, days: number): Json {
  const parts: Json[] = [{ url: 'Description', valueString: `${amount} per ${days} day${days === 1 ? '' : 's'}` }];
  if (Number.isInteger(amount)) parts.push({ url: 'Rolling', valueTiming: { repeat: { count: amount, period: days, periodUnit: 'd' } } });
  return { url: EXT.quantityLimitDetail, extension: parts };
}

export function itemResource(row: FormularyRow): Json {
  const extension: Json[] = [
    { url: EXT.formularyReference, valueReference: { reference: `InsurancePlan/${formularyResourceId(row.formularyId)}` } },
    { url: EXT.availabilityStatus, valueCode: 'active' },
    { url: EXT.pharmacyBenefitType, valueCodeableConcept: { coding: [{ ...DEFAULT_BENEFIT_TYPE }] } },
    { url: EXT.drugTier, valueCodeableConcept: { coding: [drugTierCoding(row.tier)] } },
    { url: EXT.availabilityPeriod, valuePeriod: contractPeriod(row.contractYear) },
    flag(EXT.priorAuthorization, row.priorAuthorization),
    flag(EXT.stepTherapy, row.stepTherapy),
    flag(EXT.quantityLimit, row.quantityLimit),
  ];
  if (row.quantityLimit) extension.push(quantityLimitDetail(row.quantityLimitAmount!, row.quantityLimitDays!));
  return {
    resourceType: 'Basic', id: itemId(row.formularyId, row.rxcui), meta: { profile: [PROFILE.item] },
    extension,
    code: { coding: [{ ...ITEM_TYPE }] },
    subject: { reference: `MedicationKnowledge/${drugId(row.rxcui)}` },
  };
}
