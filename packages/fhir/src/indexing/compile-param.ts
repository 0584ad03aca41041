/**
 * Compiles one SearchParameter for one resource type: which row builder its type calls for,
 * and an evaluator per expression term (fast path or fhirpath.js, compiled once).
 * https://hl7.org/fhir/R4/searchparameter.html
 */
import type { SearchParamDef } from '../definitions/types.js';
import { isIndexed } from '../search/indexed-params.js';
import { dateRows } from './date-rows.js';
import { termsForType } from './expression-terms.js';
import { compileFhirPath } from './fhirpath-evaluator.js';
import type { IndexRow } from './index-row.js';
import { numberRows, quantityRows } from './number-rows.js';
import { positionRows } from './position-rows.js';
import type { ReferenceScope } from './reference-parse.js';
import { referenceRows } from './reference-rows.js';
import { compileSimplePath, type Evaluator } from './simple-path.js';
import { stringRows, wordStartRows } from './string-rows.js';
import { tokenRows } from './token-rows.js';
import type { TypedValue } from './typed-value.js';
import { uriRows } from './uri-rows.js';

export type RowBuilder = (param: string, value: TypedValue, out: IndexRow[], scope: ReferenceScope) => void;

export interface CompiledTerm {
  readonly term: string;
  /** `fast` = simple-path.ts walked the JSON; `fhirpath` = fhirpath.js evaluates it. */
  readonly engine: 'fast' | 'fhirpath';
  readonly evaluate: Evaluator;
}

export interface CompiledParam {
  readonly code: string;
  readonly def: SearchParamDef;
  readonly terms: readonly CompiledTerm[];
  readonly build: RowBuilder;
}

export interface SkippedParam {
  readonly code: string;
  readonly reason: string;
}

const BUILDERS: Readonly<Partial<Record<SearchParamDef['type'], RowBuilder>>> = {
  string: stringRows, token: tokenRows, reference: referenceRows, date: dateRows,
  number: numberRows, quantity: quantityRows, uri: uriRows,
};

/** Resource columns in the store, not index rows (https://hl7.org/fhir/R4/search.html#all). */
const RESOURCE_COLUMNS = new Set(['_id', '_lastUpdated']);

export function compileParam(def: SearchParamDef, type: string, scope: ReferenceScope, fastPaths: boolean): CompiledParam | SkippedParam {
  const skip = (reason: string): SkippedParam => ({ code: def.code, reason });
  // One list decides what is indexed (search/indexed-params.ts); the reasons are for diagnostics.
  if (!isIndexed(def)) {
    if (RESOURCE_COLUMNS.has(def.code)) return skip('stored as a resource column');
    if (def.type === 'composite') return skip('composite parameters are not indexed');
    return skip(def.expression ? 'special parameter without an index' : 'no expression');
  }
  const build = def.type === 'special' ? positionRows : def.matchesWords === true ? wordStartRows : BUILDERS[def.type];
  if (!build || !def.expression) return skip(`no row builder for type ${def.type}`);
  const terms: CompiledTerm[] = [];
  const problems: string[] = [];
  for (const term of termsForType(def.expression, type)) {
    // resolve() in any other form would need the target resource (and async evaluation).
    if (/\bresolve\(/.test(term)) {
      problems.push(`unsupported resolve() in '${term}'`);
      continue;
    }
    const fast = fastPaths ? compileSimplePath(term, type, scope) : undefined;
    if (fast) {
      terms.push({ term, engine: 'fast', evaluate: fast });
      continue;
    }
    try {
      terms.push({ term, engine: 'fhirpath', evaluate: compileFhirPath(term, scope) });
    } catch (error) {
      problems.push(`cannot compile '${term}': ${(error as Error).message}`);
    }
  }
  if (terms.length === 0) return skip(problems.join('; ') || `no term of '${def.expression}' applies to ${type}`);
  return { code: def.code, def, terms, build };
}
