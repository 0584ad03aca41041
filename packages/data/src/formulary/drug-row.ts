/** The shape of a drug row and the constructor the drug tables use. */
import type { DrugClassKey } from './drug-classes.js';

export interface Drug {
  readonly rxcui: string;
  /** RxNorm name as the source gives it. */
  readonly display: string;
  /** Active ingredients, " / "-separated for combinations. */
  readonly ingredient: string;
  /** Strength per ingredient ("" for multiphasic packs). */
  readonly strength: string;
  readonly doseForm: string;
  /** Brand name for branded drugs (SBD/BPCK); undefined for generic (SCD) names. */
  readonly brand: string | undefined;
  readonly drugClass: DrugClassKey;
  readonly source: 'vsac' | 'synthea';
  /** A brand drug's generic equivalent in this list. */
  readonly genericRxcui?: string;
  /** Generic name, but only the originator sells it (no generic on the market): tiers as a brand. */
  readonly singleSource?: true;
  /** Specialty drug regardless of its class (long-acting injectables, infused oncology drugs). */
  readonly specialty?: true;
}

type Flags = Pick<Drug, 'genericRxcui' | 'singleSource' | 'specialty'>;

/** One row of the tables: `source` `cv` = VSAC value sets (canvas-plugins), `sy` = Synthea. */
export function drug(rxcui: string, display: string, ingredient: string, strength: string, doseForm: string, brand: string | undefined, drugClass: DrugClassKey, source: 'cv' | 'sy', flags: Flags = {}): Drug {
  return { rxcui, display, ingredient, strength, doseForm, brand, drugClass, source: source === 'cv' ? 'vsac' : 'synthea', ...flags };
}
