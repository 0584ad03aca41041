/** usdf-FormularyItem (Basic): one drug on one formulary, with its tier and utilization management. */
import { reference, type DirectoryResource, type Extension } from '../directory/datatypes.js';
import type { Coverage } from './coverage-rules.js';
import { FORMULARY_ID } from './formulary-ids.js';
import { BENEFIT_DISPLAY, TIER_DISPLAY, USDF_EXTENSION as X, USDF_PROFILE, USDF_SYSTEM } from './usdf-canonicals.js';

export interface FormularyItemInput {
  readonly formularyId: string;
  readonly rxcui: string;
  readonly coverage: Coverage;
  readonly year: number;
  readonly lastUpdated: string;
}

export function formularyItem(input: FormularyItemInput): DirectoryResource {
  const { coverage: cov } = input;
  const extension: Extension[] = [
    { url: X.formularyReference, valueReference: reference('InsurancePlan', input.formularyId) },
    { url: X.availabilityStatus, valueCode: 'active' },
    { url: X.availabilityPeriod, valuePeriod: { start: `${input.year}-01-01`, end: `${input.year}-12-31` } },
    ...cov.benefitTypes.map((code) => ({ url: X.pharmacyBenefitType, valueCodeableConcept: { coding: [{ system: USDF_SYSTEM.pharmacyBenefitType, code, display: BENEFIT_DISPLAY[code] }] } })),
    { url: X.drugTier, valueCodeableConcept: { coding: [{ system: USDF_SYSTEM.drugTier, code: cov.tier, display: TIER_DISPLAY[cov.tier] }] } },
    { url: X.priorAuthorization, valueBoolean: cov.priorAuthorization },
  ];
  if (cov.priorAuthorization) extension.push({ url: X.priorAuthorizationNewStartsOnly, valueBoolean: cov.priorAuthorizationNewStartsOnly });
  extension.push({ url: X.stepTherapy, valueBoolean: cov.stepTherapy });
  if (cov.stepTherapy) extension.push({ url: X.stepTherapyNewStartsOnly, valueBoolean: cov.stepTherapyNewStartsOnly });
  extension.push({ url: X.quantityLimit, valueBoolean: cov.quantityLimit !== undefined });
  const ql = cov.quantityLimit;
  if (ql !== undefined) {
    extension.push({
      url: X.quantityLimitDetail,
      extension: [
        { url: 'Description', valueString: ql.description },
        { url: 'Rolling', valueTiming: { repeat: { count: ql.count, period: ql.periodDays, periodUnit: 'd' } } },
        { url: 'MaximumDaily', valueQuantity: { value: ql.maxDailyUnits } },
      ],
    });
  }
  return {
    resourceType: 'Basic', id: FORMULARY_ID.item(input.formularyId, input.rxcui),
    meta: { lastUpdated: input.lastUpdated, profile: [USDF_PROFILE.FormularyItem] },
    extension,
    code: { coding: [{ system: USDF_SYSTEM.insuranceItemType, code: 'formulary-item', display: 'Formulary Item' }] },
    subject: reference('MedicationKnowledge', FORMULARY_ID.drug(input.rxcui)),
  };
}
