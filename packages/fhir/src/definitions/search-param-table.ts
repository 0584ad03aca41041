/**
 * The per-type search parameter table: type → code → the winning definition, built from the base
 * SearchParameters and those of every loaded IG.
 */
import { searchParamDefsByType, type ConcreteTypes } from './search-param-defs.js';
import { outranks, type RankedParam } from './search-param-precedence.js';
import type { SearchParamDef } from './types.js';

type Json = Record<string, unknown>;

/** SearchParameters of one origin (the base specification or one package). */
export interface SearchParamSource {
  readonly searchParameters: readonly Json[];
  readonly source: string;
  readonly fromBase: boolean;
  readonly packageId: string;
  readonly packageVersion: string;
  readonly packageDate: string;
}

export interface SearchParamTableOptions {
  readonly warn: (msg: string) => void;
  /** Told about each overruled definition whose expression differs from the winner's. */
  readonly info: (msg: string) => void;
}

/** Builds type → code → definition, applying the precedence rules of search-param-precedence.ts. */
export function buildSearchParamTable(
  origins: readonly SearchParamSource[],
  types: ConcreteTypes,
  options: SearchParamTableOptions,
): Map<string, Map<string, SearchParamDef>> {
  const winners = new Map<string, Map<string, RankedParam>>(types.all.map((t) => [t, new Map()]));
  for (const origin of origins) {
    for (const sp of origin.searchParameters) {
      for (const [type, def] of searchParamDefsByType(sp, origin.source, types, options.warn)) {
        const candidate: RankedParam = { ...origin, def };
        const byCode = winners.get(type)!;
        const current = byCode.get(def.code);
        const winner = current === undefined || outranks(candidate, current) ? candidate : current;
        const loser = winner === candidate ? current : candidate;
        // Also when the URL is the same: two versions of one IG may word a parameter differently (US Core 6.1.0 / 7.0.0).
        if (loser && loser.def.expression !== winner.def.expression) {
          options.info(`${type}?${def.code}: using ${winner.def.url} (${winner.def.source}), not ${loser.def.url} (${loser.def.source}) whose expression differs`);
        }
        byCode.set(def.code, winner);
      }
    }
  }
  const table = new Map<string, Map<string, SearchParamDef>>();
  for (const [type, byCode] of winners) {
    const sorted = [...byCode].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    table.set(type, new Map(sorted.map(([code, ranked]) => [code, ranked.def])));
  }
  return table;
}
