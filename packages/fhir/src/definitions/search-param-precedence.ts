/**
 * Which definition wins when several packages define the same code for the same type
 * (base R4 and an IG; US Core 3.1.1 and 6.1.0; CARIN BB and PDex). See docs/decisions/0002.
 *
 * 1. a definition with an expression beats one without (nothing can be indexed without it);
 * 2. the base specification beats IGs (the IGs restate base parameters with the same meaning,
 *    and base is what every client expects);
 * 3. among IGs, the most recently built package (package.json `date`), then the higher version,
 *    then the package id, so the choice never depends on load timing.
 */
import { compareVersions } from './package-ref.js';
import type { SearchParamDef } from './types.js';

/** A definition with what is needed to rank it. */
export interface RankedParam {
  readonly def: SearchParamDef;
  readonly fromBase: boolean;
  readonly packageId: string;
  readonly packageVersion: string;
  /** package.json `date` (`yyyyMMddHHmmss`), '' when absent. */
  readonly packageDate: string;
}

/** True when `candidate` should replace `current`. */
export function outranks(candidate: RankedParam, current: RankedParam): boolean {
  return compareRank(candidate, current) < 0;
}

function compareRank(a: RankedParam, b: RankedParam): number {
  const expression = Number(a.def.expression === undefined) - Number(b.def.expression === undefined);
  if (expression !== 0) return expression;
  if (a.fromBase !== b.fromBase) return a.fromBase ? -1 : 1;
  if (a.packageDate !== b.packageDate) return a.packageDate > b.packageDate ? -1 : 1;
  const version = compareVersions(b.packageVersion, a.packageVersion);
  if (version !== 0) return version;
  return a.packageId < b.packageId ? -1 : a.packageId > b.packageId ? 1 : 0;
}
