/**
 * Synthetic drug formularies (Da Vinci US Drug Formulary 2.0.1) for the synthetic directory's
 * health plans: one usdf-PayerInsurancePlan per directory product, one usdf-Formulary per payer
 * and market (commercial or Medicare), one usdf-FormularyDrug per drug and one usdf-FormularyItem
 * per (formulary, drug). Seeded and streaming like the directory; references point into the
 * directory (payers, networks, coverage-area Locations), so load both together.
 */
import type { DirectoryResource } from '../directory/datatypes.js';
import { NETWORKS, PAYERS } from '../directory/payers.js';
import { labelHash, rngFor } from '../directory/prng.js';
import { buildFormularyDrugs } from './emit-drugs.js';
import { coverageOf, tierOf } from './coverage-rules.js';
import { DRUGS } from './drug-list.js';
import { formularyItem } from './build-formulary-item.js';
import { formulary, payerInsurancePlan } from './build-formulary-plans.js';
import { FORMULARY_ID, marketOf, type Market } from './formulary-ids.js';

export interface FormularyOptions {
  /** PRNG seed (default 1). Same options, same output. */
  readonly seed?: number;
  /** meta.lastUpdated of every resource (default 2025-01-01T00:00:00Z); its year is the plan year. */
  readonly lastUpdated?: string;
}

/** The sandbox's formularies (`npm start`), seeded like SANDBOX_DIRECTORY. */
export const SANDBOX_FORMULARIES: FormularyOptions = Object.freeze({ seed: 808 });

const K_ITEM = labelHash('formulary-item');

/** Formularies in a fixed order: payer, then market (commercial first). */
function formularies(): { payerKey: string; payerName: string; market: Market }[] {
  return PAYERS.flatMap((payer) => {
    const markets = new Set(payer.lines.map(marketOf));
    return (['commercial', 'medicare'] as const).filter((m) => markets.has(m)).map((market) => ({ payerKey: payer.key, payerName: payer.name, market }));
  });
}

/** Streams the formulary resources, referenced-first: drugs, formularies, payer plans, then formulary items. */
export function* syntheticFormularies(options: FormularyOptions = SANDBOX_FORMULARIES): Generator<DirectoryResource> {
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const lastUpdated = options.lastUpdated ?? '2025-01-01T00:00:00Z';
  const year = Number(lastUpdated.slice(0, 4));
  yield* buildFormularyDrugs(lastUpdated);
  const lists = formularies();
  for (const f of lists) yield formulary(f.payerKey, f.payerName, f.market, year, lastUpdated);
  for (const net of NETWORKS) yield payerInsurancePlan(net, year, lastUpdated);
  for (const [index, f] of lists.entries()) {
    const formularyId = FORMULARY_ID.formulary(f.payerKey, f.market, year);
    for (const [d, drug] of DRUGS.entries()) {
      // One stream per (formulary, drug): a drug's treatment never depends on the drugs before it.
      const rng = rngFor(seed, K_ITEM, index * DRUGS.length + d);
      const tier = tierOf(drug, f.market, rng);
      if (tier === undefined) continue;
      yield formularyItem({ formularyId, rxcui: drug.rxcui, coverage: coverageOf(drug, tier, rng), year, lastUpdated });
    }
  }
}
