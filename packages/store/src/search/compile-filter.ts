/**
 * Compiles a SearchFilter into a boolean SQL condition on a resource row alias. Positive
 * filters become `rid IN (index range)` so the database drives from the selective index;
 * chains join through `idx_reference` to the target resource; `_has` looks references up
 * from the other side. https://hl7.org/fhir/R4/search.html
 */
import type { SearchFilter, SearchParamDef, SearchValue } from '@payerport/fhir';
import { badRequest } from '@payerport/fhir';
import { type Fragment, anyOf, frag, inList, join } from './fragment.js';
import { indexTable } from './index-table.js';
import { rangeCondition, valueCondition } from './value-condition.js';
import type { SearchContext } from './run-search.js';

/** Compilation state: the context and a counter for unique table aliases. */
export interface Compiler {
  readonly ctx: SearchContext;
  alias(prefix: string): string;
}

export function createCompiler(ctx: SearchContext): Compiler {
  let n = 0;
  return { ctx, alias: (prefix) => `${prefix}${++n}` };
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
    const rows = join([frag(`SELECT x.rid FROM ${table} x WHERE x.env = ? AND `, c.ctx.envId), pid], '');
    return join([frag(`${alias}.rid ${first.missing ? 'NOT IN' : 'IN'} (`), rows, frag(')')], '');
  }
  if (!pid) {
    if (modifier === 'not') return frag('1 = 1');
    throw badRequest(`Search parameter '${param.code}' is not indexed on this server`, 'not-supported', param.code);
  }
  const matching = anyOf(values.map((v) => valueCondition(v, modifier)));
  const rows = join([frag(`SELECT x.rid FROM ${table} x WHERE x.env = ? AND `, c.ctx.envId), pid, frag(' AND '), matching], '');
  // :not — resources with no matching value, including those with no value at all.
  return join([frag(`${alias}.rid ${modifier === 'not' ? 'NOT IN' : 'IN'} (`), rows, frag(')')], '');
}

function compileId(c: Compiler, modifier: string | undefined, values: SearchValue[], alias: string): Fragment {
  const ids = values.flatMap((v) => (v.kind === 'token' && v.code !== undefined ? [v.code] : []));
  if (values[0]?.kind === 'missing') return frag(values[0].missing ? '1 = 0' : '1 = 1');
  const condition = inList(c.ctx.exec.dialect, `${alias}.id`, ids);
  return modifier === 'not' ? join([frag('NOT ('), condition, frag(')')], '') : condition;
}

/**
 * `ref.param=value`: some reference through `ref` points at a live target matching the inner
 * filter. Written so the database drives from the (usually selective) inner filter: matching
 * targets first, then the references to them through the (env, pid, target_id, target_type) index.
 */
function compileChain(c: Compiler, filter: Extract<SearchFilter, { kind: 'chain' }>, alias: string, types: readonly string[]): Fragment {
  const ref = c.alias('ref');
  const target = c.alias('t');
  const pid = pidCondition(c, `${ref}.pid`, types, filter.param.code);
  if (!pid) return frag('1 = 0');
  return join([
    frag(`${alias}.rid IN (SELECT ${ref}.rid FROM idx_reference ${ref} WHERE ${ref}.env = ? AND `, c.ctx.envId),
    pid,
    frag(` AND (${ref}.target_id, ${ref}.target_type) IN (SELECT ${target}.id, ${target}.type FROM resource ${target} WHERE ${target}.env = ? AND `, c.ctx.envId),
    inList(c.ctx.exec.dialect, `${target}.type`, filter.targetTypes),
    frag(` AND ${target}.deleted = 0 AND `),
    compileFilter(c, filter.filter, target, filter.targetTypes),
    frag('))'),
  ], '');
}

/**
 * `_has:Type:ref:param=value`: some live `Type` resource referring here through `ref` matches.
 * Drives from the referring resources that match, then their reference rows by rid.
 */
function compileHas(c: Compiler, filter: Extract<SearchFilter, { kind: 'has' }>, alias: string, types: readonly string[]): Fragment {
  const ref = c.alias('ref');
  const other = c.alias('o');
  const pid = pidCondition(c, `${ref}.pid`, [filter.type], filter.param.code);
  if (!pid) return frag('1 = 0');
  return join([
    frag(`(${alias}.type, ${alias}.id) IN (SELECT ${ref}.target_type, ${ref}.target_id FROM idx_reference ${ref} WHERE ${ref}.env = ? AND `, c.ctx.envId),
    pid,
    frag(' AND '),
    inList(c.ctx.exec.dialect, `${ref}.target_type`, types),
    frag(` AND ${ref}.rid IN (SELECT ${other}.rid FROM resource ${other} WHERE ${other}.env = ? AND ${other}.type = ? AND ${other}.deleted = 0 AND `, c.ctx.envId, filter.type),
    compileFilter(c, filter.filter, other, [filter.type]),
    frag('))'),
  ], '');
}
