/**
 * A DataAccess that shows only what a request's view (SearchAccess) allows. Searches carry the
 * view into the store, which compiles it into its SQL (pages and totals stay right). A read of a
 * restricted type is a search by `_id` under the same view: another member's resource, a
 * resource outside the granted category, a deleted one and one that never existed all come back
 * as "not there", so the handler answers the same 404 for each — nothing in the body, headers or
 * status tells them apart.
 */
import { FhirError, type SearchAccess, type SearchQuery } from '@payerport/fhir';
import type { StoredResource } from '@payerport/store';
import type { ApiContext } from '../model/api-context.js';
import type { DataAccess } from '../model/data-access.js';

export function viewedData(ctx: ApiContext, data: DataAccess, view: SearchAccess): DataAccess {
  const whole = (type: string) => view.visibility(type).kind === 'all';
  const readVisible = async (type: string, id: string): Promise<StoredResource | undefined> => {
    const result = await data.search(byId(ctx, type, id, view));
    return result.matches[0];
  };
  return {
    read: (type, id) => (whole(type) ? data.read(type, id) : readVisible(type, id)),
    search: (query) => data.search({ ...query, access: view }),
    async vread(type, id, vid) {
      // The version is shown when the resource is visible now (see the decision record for the limit).
      if (whole(type)) return data.vread(type, id, vid);
      return (await readVisible(type, id)) === undefined ? undefined : data.vread(type, id, vid);
    },
    async history(options) {
      if (options.type !== undefined && options.id !== undefined) {
        if (whole(options.type) || (await readVisible(options.type, options.id)) !== undefined) return data.history(options);
        // Exactly what the store answers for an id it does not know.
        return { entries: [], nextCursor: undefined, total: 0 };
      }
      // Type and system history pages come from the history table, which has no index rows to
      // confine them by: only a caller who sees the types whole gets them.
      const types = options.type === undefined ? ctx.types : [options.type];
      for (const type of types) {
        if (!whole(type)) {
          throw new FhirError(403, { severity: 'error', code: 'forbidden', diagnostics: `History across ${options.type ?? 'all types'} is not available to this access token; read each resource's history instead` });
        }
      }
      return data.history(options);
    },
    write: (fn) => data.write(fn),
  };
}

/** `type?_id=id` under the view, as the parser would build it. */
function byId(ctx: ApiContext, type: string, id: string, view: SearchAccess): SearchQuery {
  const param = ctx.registry.searchParam(type, '_id');
  if (param === undefined) throw new Error(`registry has no _id parameter for ${type}`);
  return {
    type, filters: [{ kind: 'param', param, modifier: undefined, values: [{ kind: 'token', system: undefined, code: id }] }],
    sort: [], count: 1, cursor: undefined, total: 'none', summary: undefined, elements: undefined,
    includes: [], revincludes: [], ignored: [], access: view,
  };
}
