/**
 * Resource ids of the synthetic formularies: readable and computable from keys alone
 * ("rxdrug-860975", "formulary-kokua-commercial-2025", "fi-kokua-commercial-2025-860975"), and
 * prefixed so they never meet the directory's ids or the IG examples' ("FormularyD1002").
 */
import type { ProductLine } from '../directory/payers.js';

/** A payer's commercial products (HMO, PPO, QHP) share one drug list; Medicare Advantage has its own (Part D rules differ). */
export type Market = 'commercial' | 'medicare';

export const marketOf = (line: ProductLine): Market => (line === 'ma' ? 'medicare' : 'commercial');

export const FORMULARY_ID = {
  drug: (rxcui: string) => `rxdrug-${rxcui}`,
  formulary: (payer: string, market: Market, year: number) => `formulary-${payer}-${market}-${year}`,
  item: (formularyId: string, rxcui: string) => `fi-${formularyId.slice('formulary-'.length)}-${rxcui}`,
  payerPlan: (payer: string, line: ProductLine, year: number) => `rxplan-${payer}-${line}-${year}`,
} as const;
