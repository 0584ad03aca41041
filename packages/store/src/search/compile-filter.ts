/**
 * Compiles a SearchFilter into a boolean SQL condition on a resource row alias, in one of two
 * shapes. `materialize`: positive filters become `rid IN (index range)`, so the database drives
 * from the selective index and collects every match. `correlate`: `EXISTS (… WHERE x.rid =
 * r.rid …)`, checked row by row while walking resources in rid order — cheap when matches are
 * common and only a page is wanted (see windowed-page.ts). Chains and `_has` are in
 * compile-links.ts. https://hl7.org/fhir/R4/search.html
 */
import type { SearchAccess, SearchFilter, SearchParamDef, SearchValue } from '@payerport/fhir';
import { badRequest } from '@payerport/fhir';
import { type Fragment, anyOf, frag, inList, join } from './fragment.js';
import { indexTable } from './index-table.js';
import { compileChain, compileHas } from './compile-links.js';
import { rangeCondition, valueCondition } from './value-condition.js';
import type { SearchContext } from './run-search.js';

export type CompileMode = 'materialize' | 'correlate';

/** Compilation state: the context, the condition shape, and a counter for unique table aliases. */
export interface Compiler {
  readonly ctx: SearchContext;
  readonly mode: CompileMode;
  /** The caller's view: chains and `_has` only reach resources it shows (see access-condition.ts). */
  readonly access: SearchAccess | undefined;
  alias(prefix: string): string;
}

export function createCompiler(ctx: SearchContext, mode: CompileMode = 'materialize', access?: SearchAccess): Compiler {
  let n = 0;
  return { ctx, mode, access, alias: (prefix) => `${prefix}${++n}` };
}

/**
 * "`alias` has (or, negated, has no) row in `table` matching `where`": `rid [NOT] IN (SELECT …)`
 * or `[NOT] EXISTS (SELECT 1 … WHERE x.rid = alias.rid …)` by the compiler's mode.
 */
function rowCondition(c: Compiler, alias: string, table: string, negate: boolean, where: Fragment): Fragment {
  if (c.mode === 'correlate') {
    return join([frag(`${negate ? 'NOT ' : ''}EXISTS (SELECT 1 FROM ${table} x WHERE x.rid = ${alias}.rid AND `), where, frag(')')], '');
  }
  return join([frag(`${alias}.rid ${negate ? 'NOT IN' : 'IN'} (SELECT x.rid FROM ${table} x WHERE x.env = ? AND `, c.ctx.envId), where, frag(')')], '');
}

/** `pid` condition for a parameter code across the resource types an alias may hold. */
export function pidCondition(c: Compiler, column: string, types: readonly string[], code: string): Fragment | undefined {
  const pids = types.map((t) => c.ctx.paramId(t, code)).filter((p): p is number => p !== undefined);
  return pids.length === 0 ? undefined : inList(c.ctx.exec.dialect, column, pids);
}

/** Condition for `filter` on resource rows aliased `alias`, whose type is one of `types`. */
export function compileFilter(c: Compiler, filter: SearchFilter, alias: string, types: readonly string[]): Fragment {
  switch (filter.kind) {
    case 'param': return compileParam(c, filter.param, filter.modifier, filter.values, alias, types);
    case 'chain': return compileChain(c, filter, alias, types);
    case 'has': return compileHas(c, filter, alias, types);
  }
}

function compileParam(c: Compiler, param: SearchParamDef, modifier: string | undefined, values: SearchValue[], alias: string, types: readonly string[]): Fragment {
  if (param.code === '_id') return compileId(c, modifier, values, alias);
  if (param.code === '_lastUpdated') {
    return anyOf(values.map((v) => v.kind === 'date'
      ? rangeCondition(`${alias}.last_updated_ms`, `(${alias}.last_updated_ms + 1)`, v.prefix, v.low, v.high)
      : frag('1 = 0')));
  }
  const table = indexTable(param.type);
  const pid = pidCondition(c, 'x.pid', types, param.code);
  const first = values[0];
  if (first?.kind === 'missing') {
    // No rows at all for the parameter: missing=true is everything, missing=false nothing.
    if (!pid) return frag(first.missing ? '1 = 1' : '1 = 0');
    return rowCondition(c, alias, table, first.missing, pid);
  }
  if (!pid) {
    if (modifier === 'not') return frag('1 = 1');
    throw badRequest(`Search parameter '${param.code}' is not indexed on this server`, 'not-supported', param.code);
  }
  const matching = anyOf(values.map((v) => valueCondition(v, modifier)));
  // :not — resources with no matching value, including those with no value at all.
  return rowCondition(c, alias, table, modifier === 'not', join([pid, frag(' AND '), matching], ''));
}

function compileId(c: Compiler, modifier: string | undefined, values: SearchValue[], alias: string): Fragment {
  const ids = values.flatMap((v) => (v.kind === 'token' && v.code !== undefined ? [v.code] : []));
  if (values[0]?.kind === 'missing') return frag(values[0].missing ? '1 = 0' : '1 = 1');
  const condition = inList(c.ctx.exec.dialect, `${alias}.id`, ids);
  return modifier === 'not' ? join([frag('NOT ('), condition, frag(')')], '') : condition;
}
