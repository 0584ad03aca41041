/**
 * The search behind conditional create / update: finds up to two matches, which is all the
 * 0 / 1 / many decision needs. https://hl7.org/fhir/R4/http.html#cond-update
 */
import { badRequest, parseSearch } from '@payerport/fhir';
import type { StoreTx, StoredResource } from '@payerport/store';
import type { ApiContext } from '../model/api-context.js';
import type { QueryPairs } from '../model/fhir-request.js';

/** Matches of the search criteria `params` on `type` (at most 2), within the transaction. */
export async function conditionalMatches(ctx: ApiContext, tx: Pick<StoreTx, 'search'>, type: string, params: QueryPairs, what: string): Promise<StoredResource[]> {
  const query = parseSearch(ctx.registry, type, params, { lenient: false, defaultCount: 2, maxCount: 2 });
  if (query.filters.length === 0) throw badRequest(`${what} needs search criteria that select resources`, 'required');
  query.count = 2;
  query.total = 'none';
  query.includes = [];
  query.revincludes = [];
  query.cursor = undefined;
  const result = await tx.search(query);
  return result.matches;
}

/** Query pairs of a criteria string such as `identifier=a|b&active=true` (the If-None-Exist header). */
export function criteriaPairs(criteria: string): Array<[string, string]> {
  const q = criteria.startsWith('?') ? criteria.slice(1) : criteria.slice(criteria.indexOf('?') + 1);
  return [...new URLSearchParams(q)];
}
