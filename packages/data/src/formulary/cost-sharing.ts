/**
 * Member cost-sharing per drug tier and pharmacy benefit, by product line: the figures sit in the
 * ranges seen on 2024–2025 plan summaries (low generic copays, brand copays that rise by tier,
 * specialty as coinsurance). A 90-day fill costs 2.5 retail months at retail and 2 by mail.
 */
import type { ProductLine } from '../directory/payers.js';
import type { Market } from './formulary-ids.js';
import type { BenefitType, DrugTier } from './usdf-canonicals.js';

export type Cost =
  | { readonly kind: 'copay'; readonly amount: number; readonly qualifier: 'after-deductible' | 'before-deductible' | 'no-charge' }
  // CoinsuranceOptionVS has no "before-deductible": coinsurance without a deductible is "deductible-waived".
  | { readonly kind: 'coinsurance'; readonly percent: number; readonly qualifier: 'after-deductible' | 'deductible-waived' };

/** One-month retail copays (or specialty coinsurance) per product line. */
const MONTH_RETAIL: Record<ProductLine, { generic: number; preferred: number; nonPreferred: number; specialty: number; deductible: boolean }> = {
  hmo: { generic: 10, preferred: 35, nonPreferred: 70, specialty: 20, deductible: false },
  ppo: { generic: 15, preferred: 45, nonPreferred: 80, specialty: 25, deductible: false },
  ma: { generic: 5, preferred: 47, nonPreferred: 100, specialty: 28, deductible: true },
  qhp: { generic: 20, preferred: 50, nonPreferred: 100, specialty: 40, deductible: true },
};

const MULTIPLIER: Record<BenefitType, number> = { '1-month-in-retail': 1, '3-month-in-retail': 2.5, '1-month-in-mail': 1, '3-month-in-mail': 2 };

export const TIERS_BY_MARKET: Record<Market, readonly DrugTier[]> = {
  commercial: ['generic', 'preferred-brand', 'non-preferred-brand', 'specialty', 'zero-cost-share-preventative'],
  medicare: ['generic', 'preferred-brand', 'non-preferred-brand', 'specialty'],
};

export const BENEFIT_TYPES: readonly BenefitType[] = ['1-month-in-retail', '3-month-in-retail', '1-month-in-mail', '3-month-in-mail'];

/** What a member pays for one fill of a `tier` drug under `benefit` on a `line` plan. */
export function costOf(line: ProductLine, tier: DrugTier, benefit: BenefitType): Cost {
  const base = MONTH_RETAIL[line];
  const afterDeductible = base.deductible ? 'after-deductible' : 'before-deductible';
  const copay = (amount: number): Cost => ({ kind: 'copay', amount: Math.round(amount * MULTIPLIER[benefit]), qualifier: afterDeductible });
  switch (tier) {
    case 'generic': return { kind: 'copay', amount: Math.round(base.generic * MULTIPLIER[benefit]), qualifier: 'before-deductible' };
    case 'preferred-brand': return copay(base.preferred);
    case 'non-preferred-brand': return copay(base.nonPreferred);
    case 'specialty': return { kind: 'coinsurance', percent: base.specialty, qualifier: base.deductible ? 'after-deductible' : 'deductible-waived' };
    case 'zero-cost-share-preventative': return { kind: 'copay', amount: 0, qualifier: 'no-charge' };
  }
}
