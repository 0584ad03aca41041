/**
 * Replaces one formulary's stored version with the planned one, inside a transaction the caller
 * opens, so a reader sees all of the old version or all of the new one:
 *
 *   items      each compared with what is stored: unchanged ones untouched, new and changed ones written
 *   removed    stored items of this formulary the new version does not list are deleted
 *   formulary  the InsurancePlan (its version extension) written last
 *
 * Importing the same version again finds everything unchanged and writes nothing.
 */
import type { SearchParamDef } from '@payerport/fhir';
import type { StoreTx } from '@payerport/store';
import type { PlannedResource } from '../roster/import-plan.js';
import type { Counts } from '../roster/import-summary.js';
import { writeOne } from '../roster/pending-write.js';
import { writePlanned } from '../roster/write-planned.js';
import { storedItemIds } from './stored-items.js';

export interface ReplaceResult {
  /** Stored items deleted because the new version does not list them. */
  readonly removed: number;
}

export async function replaceFormulary(
  tx: StoreTx, formulary: PlannedResource, items: readonly PlannedResource[],
  context: { readonly formularyParam: SearchParamDef; readonly sourceChanged: string; readonly counts: Counts; readonly onItems?: (n: number) => void },
): Promise<ReplaceResult> {
  const formularyId = String(formulary.resource.id);
  // Read before writing: paging a search while deleting from its result could skip rows.
  const before = await storedItemIds(tx, context.formularyParam, formularyId);
  const listed = new Set(items.map((item) => String(item.resource.id)));
  await writePlanned(tx, items, context.sourceChanged, context.counts, context.onItems);
  let removed = 0;
  for (const id of before) {
    if (listed.has(id)) continue;
    await tx.delete('Basic', id);
    removed++;
  }
  await writeOne(tx, formulary, context.sourceChanged, context.counts);
  return { removed };
}
