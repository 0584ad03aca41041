/**
 * In-memory search matcher: FHIR search semantics evaluated directly over the IndexRows the
 * indexer produces. The test oracle for the SQL search. https://hl7.org/fhir/R4/search.html
 */
import type { IndexRow, Indexer, ReferenceIndexRow } from '../indexing/index-row.js';
import { matchesId, matchesLastUpdated } from './matcher-columns.js';
import { valueMatchesRow } from './matcher-values.js';
import type { SearchFilter } from './query.js';

type Resource = Record<string, unknown>;

/** What the matcher may look at besides the resource: its rows, and other resources for chains and `_has`. */
export interface MatchContext {
  readonly indexer: Indexer;
  /** The current resource `type/id`, or undefined (missing or deleted). */
  resolve(type: string, id: string): Resource | undefined;
  /** Every current resource (any type), for `_has`. */
  all(): Iterable<Resource>;
}

// Rows per resource object, per indexer. Resources are treated as immutable while matched.
const rowCache = new WeakMap<Indexer, WeakMap<Resource, IndexRow[]>>();

function rowsOf(resource: Resource, ctx: MatchContext, param: string): IndexRow[] {
  let byResource = rowCache.get(ctx.indexer);
  if (!byResource) rowCache.set(ctx.indexer, (byResource = new WeakMap()));
  let rows = byResource.get(resource);
  if (!rows) byResource.set(resource, (rows = ctx.indexer.extract(resource)));
  return rows.filter((r) => r.param === param);
}

function localTargets(resource: Resource, ctx: MatchContext, param: string): ReferenceIndexRow[] {
  return rowsOf(resource, ctx, param).filter((r): r is ReferenceIndexRow => r.kind === 'reference' && r.targetType !== null && r.targetId !== null);
}

/** True when `resource` satisfies `filter` (its values OR-ed). */
export function matchesFilter(resource: Resource, filter: SearchFilter, ctx: MatchContext): boolean {
  switch (filter.kind) {
    case 'param': {
      const { param, modifier, values } = filter;
      if (param.code === '_id') return matchesId(resource, modifier, values);
      if (param.code === '_lastUpdated') return matchesLastUpdated(resource, values);
      if (param.type === 'composite') throw new Error(`matcher: composite parameter '${param.code}' is not supported`);
      const rows = rowsOf(resource, ctx, param.code);
      // :missing — https://hl7.org/fhir/R4/search.html#missing
      if (values.some((v) => v.kind === 'missing')) {
        return values.some((v) => v.kind === 'missing' && (rows.length === 0) === v.missing);
      }
      const hit = rows.some((row) => values.some((v) => valueMatchesRow(v, row, modifier)));
      // :not — resources with no matching value, including those with no value at all.
      return modifier === 'not' ? !hit : hit;
    }
    case 'chain':
      // https://hl7.org/fhir/R4/search.html#chaining — some referenced target matches.
      return localTargets(resource, ctx, filter.param.code).some((row) => {
        if (filter.targetTypes.length > 0 && !filter.targetTypes.includes(row.targetType!)) return false;
        const target = ctx.resolve(row.targetType!, row.targetId!);
        return target !== undefined && matchesFilter(target, filter.filter, ctx);
      });
    case 'has': {
      // https://hl7.org/fhir/R4/search.html#has — some `type` resource refers here and matches.
      const { resourceType: type, id } = resource;
      if (typeof id !== 'string') return false;
      for (const other of ctx.all()) {
        if (other['resourceType'] !== filter.type) continue;
        const refersHere = localTargets(other, ctx, filter.param.code).some((r) => r.targetType === type && r.targetId === id);
        if (refersHere && matchesFilter(other, filter.filter, ctx)) return true;
      }
      return false;
    }
  }
}

/** True when `resource` satisfies every filter (AND). */
export function matchesAll(resource: Resource, filters: readonly SearchFilter[], ctx: MatchContext): boolean {
  return filters.every((f) => matchesFilter(resource, f, ctx));
}
