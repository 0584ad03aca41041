/**
 * The caller's view (SearchAccess: scopes and patient compartment) as a SQL condition on a
 * resource alias, compiled into the page, the total, includes, chains and `_has` — never a
 * filter over a fetched page, which would break paging and totals. Compartment membership is a
 * reference index row from the resource to the compartment's resource through one of the
 * compartment's parameters (idx_reference, index (env, target_type, target_id, pid, rid)).
 * https://hl7.org/fhir/R4/compartmentdefinition.html
 */
import type { CompartmentMembership, TypeVisibility } from '@payerport/fhir';
import { type Compiler, compileFilter } from './compile-filter.js';
import { type Fragment, allOf, anyOf, frag, inList, join } from './fragment.js';

/**
 * "`alias` (of one of `types`) is visible to the caller", or undefined when the caller sees every
 * resource of those types (no access restriction, or only unrestricted types): no SQL is added.
 */
export function accessCondition(c: Compiler, alias: string, types: readonly string[]): Fragment | undefined {
  const access = c.access;
  if (access === undefined) return undefined;
  const views = types.map((type) => [type, access.visibility(type)] as const);
  if (views.every(([, v]) => v.kind === 'all')) return undefined;
  if (views.length === 1) return visibleAs(c, alias, views[0]![0], views[0]![1]);
  // Several possible types (a chain to Patient|Group): each row is judged by its own type's view.
  return anyOf(views.filter(([, v]) => v.kind !== 'none').map(([type, v]) =>
    join([frag(`${alias}.type = ? AND `, type), visibleAs(c, alias, type, v)], '')));
}

/** True when an access restriction leaves some type less than fully visible. */
export function restricts(c: Compiler, type: string): boolean {
  return c.access !== undefined && c.access.visibility(type).kind !== 'all';
}

function visibleAs(c: Compiler, alias: string, type: string, view: TypeVisibility): Fragment {
  switch (view.kind) {
    case 'all': return frag('1 = 1');
    case 'none': return frag('1 = 0');
    case 'some': {
      const parts: Fragment[] = [];
      if (view.compartment) parts.push(inCompartment(c, alias, type, view.compartment));
      // Granular scopes (`Observation.rs?category=laboratory`): OR over scopes, AND within one.
      if (view.anyOf) parts.push(anyOf(view.anyOf.map((group) => allOf(group.map((f) => compileFilter(c, f, alias, [type]))))));
      return allOf(parts);
    }
  }
}

function inCompartment(c: Compiler, alias: string, type: string, compartment: CompartmentMembership): Fragment {
  const pids = compartment.params.map((code) => c.ctx.paramId(type, code)).filter((p): p is number => p !== undefined);
  const self = type === compartment.type ? frag(`${alias}.id = ?`, compartment.id) : undefined;
  if (pids.length === 0) return self ?? frag('1 = 0');
  const x = c.alias('cm');
  const pointsAt = join([
    frag(`${x}.target_type = ? AND ${x}.target_id = ? AND `, compartment.type, compartment.id),
    inList(c.ctx.exec.dialect, `${x}.pid`, pids),
  ], '');
  const member = c.mode === 'correlate'
    ? join([frag(`EXISTS (SELECT 1 FROM idx_reference ${x} WHERE ${x}.rid = ${alias}.rid AND `), pointsAt, frag(')')], '')
    : join([frag(`${alias}.rid IN (SELECT ${x}.rid FROM idx_reference ${x} WHERE ${x}.env = ? AND `, c.ctx.envId), pointsAt, frag(')')], '');
  return self ? anyOf([self, member]) : member;
}
