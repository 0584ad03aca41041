/**
 * Conditions that follow references: forward chains (`ref.param=value`) and reverse chains
 * (`_has:Type:ref:param=value`), in the compiler's two shapes (see compile-filter.ts).
 * https://hl7.org/fhir/R4/search.html#chaining, #has
 */
import type { SearchFilter } from '@payerport/fhir';
import { type Compiler, compileFilter, pidCondition } from './compile-filter.js';
import { type Fragment, frag, inList, join } from './fragment.js';
import { accessCondition } from './access-condition.js';

type Chain = Extract<SearchFilter, { kind: 'chain' }>;
type Has = Extract<SearchFilter, { kind: 'has' }>;

/**
 * Some reference through `ref` points at a live target matching the inner filter. Materialized:
 * matching targets first, then the references to them through the (env, target_type, target_id,
 * pid) index. Correlated: this resource's reference rows, then their targets.
 */
export function compileChain(c: Compiler, filter: Chain, alias: string, types: readonly string[]): Fragment {
  const ref = c.alias('ref');
  const target = c.alias('t');
  const pid = pidCondition(c, `${ref}.pid`, types, filter.param.code);
  if (!pid) return frag('1 = 0');
  // A chain may only look at targets the caller sees (another patient's name must not select).
  const visible = accessCondition(c, target, filter.targetTypes);
  const live = join([
    inList(c.ctx.exec.dialect, `${target}.type`, filter.targetTypes),
    frag(` AND ${target}.deleted = 0 AND `),
    compileFilter(c, filter.filter, target, filter.targetTypes),
    ...(visible ? [frag(' AND '), visible] : []),
  ], '');
  if (c.mode === 'correlate') {
    return join([
      frag(`EXISTS (SELECT 1 FROM idx_reference ${ref} JOIN resource ${target} ON ${target}.env = ${ref}.env AND ${target}.type = ${ref}.target_type AND ${target}.id = ${ref}.target_id WHERE ${ref}.rid = ${alias}.rid AND `),
      pid, frag(' AND '), live, frag(')'),
    ], '');
  }
  return join([
    frag(`${alias}.rid IN (SELECT ${ref}.rid FROM idx_reference ${ref} WHERE ${ref}.env = ? AND `, c.ctx.envId),
    pid,
    frag(` AND (${ref}.target_id, ${ref}.target_type) IN (SELECT ${target}.id, ${target}.type FROM resource ${target} WHERE ${target}.env = ? AND `, c.ctx.envId),
    live,
    frag('))'),
  ], '');
}

/**
 * Some live `Type` resource referring here through `ref` matches the inner filter. Materialized:
 * the matching referrers first, then their reference rows by rid. Correlated: the reference
 * rows pointing at this resource, through the (env, target_type, target_id, pid) index.
 */
export function compileHas(c: Compiler, filter: Has, alias: string, types: readonly string[]): Fragment {
  const ref = c.alias('ref');
  const other = c.alias('o');
  // Materialized, the referrers the inner filter selects drive: their reference rows are found by
  // rid. The unary `+` keeps SQLite from scanning every row of the parameter through the
  // (env, pid, …) index instead (160 ms for a network's references at 1M); PostgreSQL ignores it.
  const pid = pidCondition(c, c.mode === 'correlate' ? `${ref}.pid` : `+${ref}.pid`, [filter.type], filter.param.code);
  if (!pid) return frag('1 = 0');
  // Only referrers the caller sees count: `Organization?_has:Coverage:payor:beneficiary=Patient/B`
  // must not reveal B's coverage through a public type.
  const visible = accessCondition(c, other, [filter.type]);
  const filtered = compileFilter(c, filter.filter, other, [filter.type]);
  const inner = visible ? join([filtered, frag(' AND '), visible], '') : filtered;
  if (c.mode === 'correlate') {
    return join([
      frag(`EXISTS (SELECT 1 FROM idx_reference ${ref} JOIN resource ${other} ON ${other}.rid = ${ref}.rid WHERE ${ref}.env = ${alias}.env AND ${ref}.target_type = ${alias}.type AND ${ref}.target_id = ${alias}.id AND `),
      pid, frag(` AND ${other}.deleted = 0 AND `), inner, frag(')'),
    ], '');
  }
  return join([
    frag(`(${alias}.type, ${alias}.id) IN (SELECT ${ref}.target_type, ${ref}.target_id FROM idx_reference ${ref} WHERE +${ref}.env = ? AND `, c.ctx.envId),
    pid,
    frag(' AND '),
    inList(c.ctx.exec.dialect, `${ref}.target_type`, types),
    frag(` AND ${ref}.rid IN (SELECT ${other}.rid FROM resource ${other} WHERE ${other}.env = ? AND ${other}.type = ? AND ${other}.deleted = 0 AND `, c.ctx.envId, filter.type),
    inner,
    frag('))'),
  ], '');
}
