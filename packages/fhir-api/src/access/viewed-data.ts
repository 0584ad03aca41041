/**
 * A DataAccess that shows only what a request's view (SearchAccess) allows. Searches carry the
 * view into the store, which compiles it into its SQL (pages and totals stay right). A read of a
 * restricted type is a search by `_id` under the same view: another member's resource, a
 * resource outside the granted category, a deleted one and one that never existed all come back
 * as "not there", so the handler answers the same 404 for each — nothing in the body, headers or
 * status tells them apart. Versions (vread, `_history`) are judged by the store, each as it was
 * written, under the same view.
 */
import { FhirError, type SearchAccess, type SearchQuery } from '@payerport/fhir';
import type { StoredResource } from '@payerport/store';
import type { ApiContext } from '../model/api-context.js';
import type { DataAccess } from '../model/data-access.js';

const SYSTEM_HISTORY_REFUSED = 'History across all resource types is not available to this access token, because it can read only some data '
  + '(one patient\'s records, or some types). Ask for the history of one type (for example Coverage/_history) or of one resource instead.';

export function viewedData(ctx: ApiContext, data: DataAccess, view: SearchAccess): DataAccess {
  const whole = (type: string) => view.visibility(type).kind === 'all';
  const readVisible = async (type: string, id: string): Promise<StoredResource | undefined> => {
    const result = await data.search(byId(ctx, type, id, view));
    return result.matches[0];
  };
  return {
    read: (type, id) => (whole(type) ? data.read(type, id) : readVisible(type, id)),
    search: (query) => data.search({ ...query, access: view }),
    // A version is shown when the resource is visible now and the version itself was (the store
    // judges each version as it was written: it may have been another member's then).
    vread: (type, id, vid) => (whole(type) ? data.vread(type, id, vid) : data.vread(type, id, vid, view)),
    async history(options) {
      if (options.type !== undefined) return data.history(whole(options.type) ? options : { ...options, access: view });
      // History of the whole system would have to confine every type at once; one type's history
      // (`Coverage/_history`) is confined, so that is what a restricted token is pointed to.
      if ([...ctx.types].some((type) => !whole(type))) throw new FhirError(403, { severity: 'error', code: 'forbidden', diagnostics: SYSTEM_HISTORY_REFUSED });
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
