/**
 * How one formulary treats one drug: tier, prior authorization, step therapy, quantity limit and
 * the pharmacy benefits it can be filled under. Drawn from a stream keyed by (formulary, drug), so
 * the same drug lands differently on different payers' lists, as it does in real life, and
 * proportions follow published norms: most generics unrestricted, brands often behind PA or
 * step therapy, specialty drugs nearly always behind PA and filled by mail.
 */
import type { Rng } from '../directory/prng.js';
import { DRUG_CLASSES } from './drug-classes.js';
import type { Drug } from './drug-list.js';
import type { Market } from './formulary-ids.js';
import type { BenefitType, DrugTier } from './usdf-canonicals.js';

export interface QuantityLimit {
  /** Units per rolling period. */
  readonly count: number;
  readonly periodDays: number;
  readonly maxDailyUnits: number;
  readonly description: string;
}

export interface Coverage {
  readonly tier: DrugTier;
  readonly priorAuthorization: boolean;
  readonly priorAuthorizationNewStartsOnly: boolean;
  readonly stepTherapy: boolean;
  readonly stepTherapyNewStartsOnly: boolean;
  readonly quantityLimit: QuantityLimit | undefined;
  readonly benefitTypes: readonly BenefitType[];
}

/** Oral solid forms are counted in units per day; everything else gets a fills-per-period limit. */
const UNIT_FORMS = /Tablet|Capsule|Film|Lozenge|Gum/;

/** The tier of `drug` on a `market` formulary, or undefined when the formulary leaves it off. */
export function tierOf(drug: Drug, market: Market, rng: Rng): DrugTier | undefined {
  const cls = DRUG_CLASSES[drug.drugClass];
  if (market === 'medicare' && cls.partDExcluded) return undefined;
  // Every formulary leaves a few drugs off (about 4 %), more often brands with a generic twin.
  if (rng.chance(drug.genericRxcui !== undefined ? 0.2 : 0.04)) return undefined;
  if (market === 'commercial' && cls.preventive) return 'zero-cost-share-preventative';
  if (drug.specialty) return 'specialty';
  const brand = drug.brand !== undefined || drug.singleSource === true;
  if (!brand) return 'generic';
  // A brand with a generic twin is usually non-preferred; a single-source brand is preferred about 60 % of the time.
  return rng.chance(drug.genericRxcui !== undefined ? 0.25 : 0.6) ? 'preferred-brand' : 'non-preferred-brand';
}

const PA_RATE: Record<DrugTier, number> = { 'generic': 0.03, 'preferred-brand': 0.2, 'non-preferred-brand': 0.4, 'specialty': 0.92, 'zero-cost-share-preventative': 0 };
const ST_RATE: Record<DrugTier, number> = { 'generic': 0.01, 'preferred-brand': 0.15, 'non-preferred-brand': 0.45, 'specialty': 0.3, 'zero-cost-share-preventative': 0 };

export function coverageOf(drug: Drug, tier: DrugTier, rng: Rng): Coverage {
  const cls = DRUG_CLASSES[drug.drugClass];
  const priorAuthorization = rng.chance(PA_RATE[tier]);
  const stepTherapy = rng.chance(ST_RATE[tier]);
  const limited = cls.controlled ? rng.chance(0.9) : rng.chance(tier === 'generic' ? 0.08 : 0.2);
  return {
    tier,
    priorAuthorization,
    priorAuthorizationNewStartsOnly: priorAuthorization && rng.chance(0.3),
    stepTherapy,
    stepTherapyNewStartsOnly: stepTherapy && rng.chance(0.5),
    quantityLimit: limited ? quantityLimit(drug, cls.controlled, rng) : undefined,
    benefitTypes: benefitTypes(drug, tier, cls.maintenance && !cls.controlled),
  };
}

function quantityLimit(drug: Drug, controlled: boolean, rng: Rng): QuantityLimit {
  if (UNIT_FORMS.test(drug.doseForm)) {
    const perDay = controlled ? rng.pick([1, 2, 3, 4]) : rng.pick([1, 1, 2]);
    return { count: perDay * 30, periodDays: 30, maxDailyUnits: perDay, description: `${perDay * 30} units per 30 days` };
  }
  return { count: 1, periodDays: 30, maxDailyUnits: 1, description: '1 package per 30 days' };
}

/** Specialty drugs ship from the plan's specialty (mail) pharmacy; acute drugs fill a month at a time. */
function benefitTypes(drug: Drug, tier: DrugTier, maintenance: boolean): BenefitType[] {
  if (tier === 'specialty') return ['1-month-in-mail'];
  if (!maintenance) return ['1-month-in-retail'];
  return ['1-month-in-retail', '3-month-in-retail', '1-month-in-mail', '3-month-in-mail'];
}
