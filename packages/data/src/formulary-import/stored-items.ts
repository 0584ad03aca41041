/**
 * The ids of a formulary's current items, read inside the replacing transaction: the items the
 * new version no longer lists are deleted in that same transaction. Found through the IG's
 * `formulary` search parameter on Basic (the FormularyReference extension), so items written by
 * any earlier import — or loaded as FHIR — are found too.
 */
import type { SearchParamDef } from '@payerport/fhir';
import type { StoreTx } from '@payerport/store';
import { scanResources } from '../roster/scan-resources.js';

export async function storedItemIds(tx: StoreTx, formularyParam: SearchParamDef, formularyResourceId: string): Promise<string[]> {
  const ids: string[] = [];
  const value = { kind: 'reference' as const, targetType: 'InsurancePlan', id: formularyResourceId, url: undefined, version: undefined };
  const search: typeof tx.search = (query) => tx.search({ ...query, filters: [{ kind: 'param', param: formularyParam, modifier: undefined, values: [value] }] });
  for await (const r of scanResources(search, 'Basic', 2000)) ids.push(r.id);
  return ids;
}
