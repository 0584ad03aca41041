/**
 * What writing one planned resource means, given what is stored: nothing (same content), a new
 * resource, a new version, or — for a role that has ended — a final version followed by its
 * deletion. Also how such a write is applied inside a transaction, and how the stored versions
 * of many resources are read (a transaction per batch of reads, not one per resource).
 */
import type { Store, StoredResource, StoreTx } from '@payerport/store';
import { withSourceChanged } from '../freshness/source-changed.js';
import type { Json, PlannedResource } from './import-plan.js';
import { importSources, withImportSources } from './import-tag.js';
import type { Counts } from './import-summary.js';
import { sameImportedContent } from './same-content.js';

/** A write to make: the resource as it will be stored, and how the summary counts it. */
export interface PendingWrite {
  readonly planned: PlannedResource;
  readonly next: Json;
  /** `ended`: the role leaves the directory (was served, or is new); `updated` covers an already deleted role whose final version changed. */
  readonly what: 'created' | 'updated' | 'ended';
  /** Delete the resource right after writing `next` (an ended role). */
  readonly end: boolean;
}

/** What writing `planned` over `stored` means: undefined when nothing would change. */
export function pendingWrite(planned: PlannedResource, stored: StoredResource | undefined, sourceChanged: string): PendingWrite | undefined {
  const next = withSourceChanged(planned.resource, planned.sourceChanged ?? sourceChanged);
  const end = planned.end === true;
  if (stored === undefined) return { planned, next, what: end ? 'ended' : 'created', end };
  // Listed again after a deletion: served again, as a new version (the store revives it).
  if (stored.deleted && !end) return { planned, next, what: 'created', end };
  // A deletion's text is its last version: an ended role compares with its final version.
  const current = JSON.parse(stored.json) as Json;
  // Other sources that list this resource keep their tags (the copy only when there are some).
  const ours = importSources(next);
  const merged = importSources(current).every((s) => ours.includes(s)) ? next : withImportSources(next, [...importSources(current), ...ours]);
  const same = sameImportedContent(current, merged);
  if (end && !stored.deleted) return { planned, next: merged, what: 'ended', end };
  return same ? undefined : { planned, next: merged, what: 'updated', end };
}

/** Applies `write` inside `tx`: the new version, then the deletion of an ended role (one transaction, so both or neither). */
export async function applyWrite(tx: StoreTx, write: PendingWrite): Promise<void> {
  // Same content as the stored version (an ended role whose row did not change): no new version, just the deletion.
  await tx.update(write.next);
  if (write.end) await tx.delete(String(write.next.resourceType), String(write.next.id));
}

/** Compares and writes one resource inside `tx` (the exact path: ended roles, retries, diagnosis). */
export async function writeOne(tx: StoreTx, planned: PlannedResource, sourceChanged: string, counts: Counts): Promise<void> {
  const type = String(planned.resource.resourceType);
  const write = pendingWrite(planned, await tx.read(type, String(planned.resource.id)), sourceChanged);
  if (write === undefined) return counts.add(type, 'unchanged');
  await applyWrite(tx, write);
  counts.add(type, write.what);
}

/**
 * The stored version of each of `resources` (undefined where none), read in one transaction per
 * `batchSize` resources: the writer's connection, no read cache to fill and evict, and a fraction
 * of the cost of one `store.read` each. (`store.search` with `_id=a,b,…` walks the type's rows
 * in rid windows, which is slower still for long id lists.)
 */
export async function readStored(store: Store, env: string, resources: readonly PlannedResource[], batchSize: number): Promise<(StoredResource | undefined)[]> {
  const stored: (StoredResource | undefined)[] = [];
  for (let start = 0; start < resources.length; start += batchSize) {
    const batch = resources.slice(start, start + batchSize);
    const found = await store.transaction(env, async (tx) => {
      const out: (StoredResource | undefined)[] = [];
      for (const r of batch) out.push(await tx.read(String(r.resource.resourceType), String(r.resource.id)));
      return out;
    });
    for (const s of found) stored.push(s);
  }
  return stored;
}
