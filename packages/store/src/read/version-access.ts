/**
 * vread and `_history` under a caller's view (SearchAccess). History rows have no index rows, so
 * two checks stand in for the search's one: the resource must be visible *now* (the SQL access
 * condition on its current row, as a read), and each version must be visible *as it was* (the
 * same view judged in memory on the version's own content): a version written while the
 * resource sat in another patient's compartment, or outside a granular scope, is never shown.
 */
import { visibleInMemory, type Indexer, type SearchAccess } from '@payerport/fhir';
import { accessCondition } from '../search/access-condition.js';
import { createCompiler } from '../search/compile-filter.js';
import { type Fragment, frag, join } from '../search/fragment.js';
import type { SearchContext } from '../search/run-search.js';
import type { StoredResource } from '../store.js';
import { vreadResource } from './read-resource.js';

/** A view of one type that is restricted (a view showing the whole type needs none of this). */
export interface RestrictedView {
  readonly type: string;
  readonly access: SearchAccess;
}

/** The restriction `access` puts on `type`, or undefined when it shows every resource of it. */
export function restrictedView(access: SearchAccess | undefined, type: string): RestrictedView | undefined {
  return access === undefined || access.visibility(type).kind === 'all' ? undefined : { type, access };
}

/** "`alias`.rid is a current, undeleted resource the view shows": `rid IN (SELECT …)`. */
export function visibleRids(ctx: SearchContext, view: RestrictedView, column: string): Fragment {
  const condition = accessCondition(createCompiler(ctx, 'materialize', view.access), 'r', [view.type]);
  return join([
    frag(`${column} IN (SELECT r.rid FROM resource r WHERE r.env = ? AND r.type = ? AND r.deleted = 0`, ctx.envId, view.type),
    ...(condition ? [frag(' AND '), condition] : []),
    frag(')'),
  ], '');
}

/** The rid of `type/id` when its current version is visible (a deleted one never is, as for reads). */
export async function visibleRid(ctx: SearchContext, view: RestrictedView, id: string): Promise<number | undefined> {
  const sql = join([frag('SELECT rid FROM resource WHERE env = ? AND type = ? AND id = ? AND ', ctx.envId, view.type, id), visibleRids(ctx, view, 'rid')], '');
  const row = await ctx.exec.one<{ rid: number }>(sql.sql, sql.params);
  return row === undefined ? undefined : Number(row.rid);
}

/** True when the view shows this version's content (its JSON text as stored). */
export function visibleVersion(view: RestrictedView, indexer: Indexer, json: string): boolean {
  return visibleInMemory(JSON.parse(json) as Record<string, unknown>, view.access.visibility(view.type), indexer);
}

/** vread under a view: the version when the resource is visible now and the version was too, else undefined (404). */
export async function vreadVisible(ctx: SearchContext, indexer: Indexer, view: RestrictedView, id: string, versionId: number): Promise<StoredResource | undefined> {
  if ((await visibleRid(ctx, view, id)) === undefined) return undefined;
  const stored = await vreadResource(ctx.exec, ctx.envId, view.type, id, versionId);
  return stored !== undefined && visibleVersion(view, indexer, stored.json) ? stored : undefined;
}
