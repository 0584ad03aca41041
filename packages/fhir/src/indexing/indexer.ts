/**
 * Index extraction at write time: each active SearchParameter's expression, compiled once per
 * resource type, turns a resource into typed IndexRows. https://hl7.org/fhir/R4/search.html
 */
import type { SearchParamDef } from '../definitions/types.js';
import { compileParam, type CompiledParam, type SkippedParam } from './compile-param.js';
import type { IndexRow, Indexer } from './index-row.js';
import type { ReferenceScope } from './reference-parse.js';
import { rowKey } from './row-key.js';
import { extensionValue, isObject, type TypedValue } from './typed-value.js';

/** The one thing the indexer needs from the definitions (a Registry has it). */
export interface SearchParamSource {
  searchParams(type: string): ReadonlyMap<string, SearchParamDef>;
}

export interface IndexerOptions {
  /** Base URLs of this server (`https://x.org/fhir/R4`): absolute references under them are local. */
  readonly baseUrls?: readonly string[];
  /** Use the JSON-walking fast path for simple expressions (default true; false = fhirpath.js for all). */
  readonly fastPaths?: boolean;
  /** Called when an expression fails on a resource; that term then yields no rows (default: ignored). */
  readonly onError?: (error: unknown, where: { type: string; code: string; term: string }) => void;
}

export interface CompiledIndexer extends Indexer {
  /** The compiled parameters of a type (compiled on first use, then cached). */
  params(type: string): readonly CompiledParam[];
  /** Parameters of a type that produce no rows, and why. */
  skipped(type: string): readonly SkippedParam[];
}

interface Plan {
  params: CompiledParam[];
  skipped: SkippedParam[];
}

/** Builds an indexer over the parameters `defs` gives for each of `resourceTypes`. */
export function createIndexer(defs: SearchParamSource, resourceTypes: readonly string[], options: IndexerOptions = {}): CompiledIndexer {
  const scope: ReferenceScope = {
    resourceTypes: new Set(resourceTypes),
    baseUrls: (options.baseUrls ?? []).map((b) => b.replace(/\/+$/, '')),
  };
  const fastPaths = options.fastPaths ?? true;
  const plans = new Map<string, Plan>();

  const plan = (type: string): Plan => {
    let p = plans.get(type);
    if (!p) {
      p = { params: [], skipped: [] };
      if (scope.resourceTypes.has(type)) {
        for (const def of defs.searchParams(type).values()) {
          const compiled = compileParam(def, type, scope, fastPaths);
          if ('terms' in compiled) p.params.push(compiled);
          else p.skipped.push(compiled);
        }
      }
      plans.set(type, p);
    }
    return p;
  };

  const extract = (resource: Record<string, unknown>): IndexRow[] => {
    const type = resource['resourceType'];
    if (typeof type !== 'string') return [];
    const rows: IndexRow[] = [];
    for (const param of plan(type).params) {
      for (const term of param.terms) {
        let values: TypedValue[];
        try {
          values = term.evaluate(resource);
        } catch (error) {
          options.onError?.(error, { type, code: param.code, term: term.term });
          continue;
        }
        for (const value of values) {
          const typed = value.type === 'Extension' && isObject(value.value) ? extensionValue(value.value) : value;
          if (typed) param.build(param.code, typed, rows, scope);
        }
      }
    }
    return dedupe(rows);
  };

  return { extract, params: (type) => plan(type).params, skipped: (type) => plan(type).skipped };
}

function dedupe(rows: IndexRow[]): IndexRow[] {
  if (rows.length < 2) return rows;
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = rowKey(row);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
