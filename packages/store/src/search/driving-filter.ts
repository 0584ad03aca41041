/**
 * The first page of an unsorted search is cheapest when the database walks one filter's index
 * range in rid order and stops after `count` rows, instead of collecting every match first
 * (40,000 matches cost ~8 ms to collect; 11 rows from an ordered index walk cost microseconds).
 * That works when the filter pins every index column before `rid` to one value — an exact
 * `system|code` token or a typed reference — so the range is already in rid order.
 */
import type { SearchFilter } from '@payerport/fhir';
import type { Compiler } from './compile-filter.js';
import { type Fragment, frag, join } from './fragment.js';
import { indexTable } from './index-table.js';
import { valueCondition } from './value-condition.js';

export interface DrivingFilter {
  /** Index of the filter in the query's filter list (the others stay conditions on `r`). */
  readonly index: number;
  /** `FROM <idx> x JOIN resource r ON r.rid = x.rid WHERE x.env = ? AND x.pid = ? AND <value>` (without the r conditions). */
  readonly from: Fragment;
}

/** The filter to drive the page from, if one qualifies. */
export function drivingFilter(c: Compiler, filters: readonly SearchFilter[], type: string): DrivingFilter | undefined {
  for (let index = 0; index < filters.length; index++) {
    const f = filters[index]!;
    if (f.kind !== 'param' || f.values.length !== 1 || (f.modifier !== undefined && f.modifier !== 'type')) continue;
    const v = f.values[0]!;
    const exact = (v.kind === 'token' && v.system !== undefined && v.system !== '' && v.code !== undefined && f.param.code !== '_id')
      || (v.kind === 'reference' && v.targetType !== undefined && v.id !== undefined);
    const pid = c.ctx.paramId(type, f.param.code);
    if (!exact || pid === undefined) continue;
    // SQLite: CROSS JOIN keeps the index walk on the outside, so ORDER BY x.rid LIMIT stops early.
    const joinKeyword = c.ctx.exec.dialect === 'sqlite' ? 'CROSS JOIN' : 'JOIN';
    const from = join([
      frag(`FROM ${indexTable(f.param.type)} x ${joinKeyword} resource r ON r.rid = x.rid WHERE x.env = ? AND x.pid = ? AND `, c.ctx.envId, pid),
      valueCondition(v, f.modifier),
    ], '');
    return { index, from };
  }
  return undefined;
}
