/**
 * Writes planned resources. Each is compared with what is stored and written only when its
 * content changed; the writes of a batch go through `store.bulkLoad` (one transaction, the
 * store's fast path for new resources, its ordinary update path — history kept — for the rest).
 * If a batch fails, its resources are retried one per transaction, so a bad resource costs only
 * its own rows — and every resource lands whole (version, history, index rows) or not at all.
 */
import type { Store, StoredResource, StoreTx } from '@payerport/store';
import { withSourceChanged } from '../freshness/source-changed.js';
import { refOf, type Json, type PlannedResource } from './import-plan.js';
import { importSources, withImportSources } from './import-tag.js';
import { Counts } from './import-summary.js';
import type { Rejections } from './rejections.js';
import { sameImportedContent } from './same-content.js';

export interface WriteTarget {
  readonly store: Store;
  readonly env: string;
  /** Source change instant for resources that bring none. */
  readonly sourceChanged: string;
}

/** A write to make: the resource as it will be stored, and whether it is new. */
export interface PendingWrite {
  readonly planned: PlannedResource;
  readonly next: Json;
  readonly created: boolean;
}

/** What writing `planned` over `stored` means: undefined when nothing would change. */
export function pendingWrite(planned: PlannedResource, stored: StoredResource | undefined, sourceChanged: string): PendingWrite | undefined {
  const next = withSourceChanged(planned.resource, planned.sourceChanged ?? sourceChanged);
  if (stored === undefined || stored.deleted) return { planned, next, created: true };
  const current = JSON.parse(stored.json) as Json;
  // Other sources that list this resource keep their tags.
  const merged = withImportSources(next, [...importSources(current), ...importSources(next)]);
  return sameImportedContent(current, merged) ? undefined : { planned, next: merged, created: false };
}

/** Reads what is stored for each of `resources` and returns the writes needed; counts the unchanged ones. */
export async function pendingWrites(
  read: (type: string, id: string) => Promise<StoredResource | undefined>, resources: readonly PlannedResource[], sourceChanged: string, counts: Counts,
): Promise<PendingWrite[]> {
  const writes: PendingWrite[] = [];
  for (const planned of resources) {
    const type = String(planned.resource.resourceType);
    const write = pendingWrite(planned, await read(type, String(planned.resource.id)), sourceChanged);
    if (write === undefined) counts.add(type, 'unchanged');
    else writes.push(write);
  }
  return writes;
}

export const countWrite = (counts: Counts, w: PendingWrite): void => counts.add(String(w.next.resourceType), w.created ? 'created' : 'updated');

/** Compares and writes one resource inside `tx` (the slow, exact path: retries and diagnosis). */
export async function writeOne(tx: StoreTx, planned: PlannedResource, sourceChanged: string, counts: Counts): Promise<void> {
  const write = pendingWrite(planned, await tx.read(String(planned.resource.resourceType), String(planned.resource.id)), sourceChanged);
  if (write === undefined) return counts.add(String(planned.resource.resourceType), 'unchanged');
  await tx.update(write.next);
  countWrite(counts, write);
}

/** Writes `resources` in batches of `batchSize`; failures become rejections of their lines. */
export async function writeInBatches(
  target: WriteTarget, resources: readonly PlannedResource[], batchSize: number, rejections: Rejections, totals: Counts,
  onProgress?: (done: number) => void,
): Promise<void> {
  const failed = new Set<string>();
  // A resource that requires one that failed is skipped (its rows say why).
  const blocked = (r: PlannedResource): string | undefined => r.requires.find((q) => failed.has(q));
  const fail = (r: PlannedResource, reason: string): void => {
    failed.add(refOf(r.resource));
    for (const line of r.lines) rejections.add(line, reason);
  };
  for (let start = 0; start < resources.length; start += batchSize) {
    const batch = resources.slice(start, start + batchSize).filter((r) => {
      const missing = blocked(r);
      if (missing !== undefined) fail(r, `${missing} cannot be written`);
      return missing === undefined;
    });
    const counts = new Counts();
    const writes = await pendingWrites((type, id) => target.store.read(target.env, type, id), batch, target.sourceChanged, counts);
    try {
      if (writes.length > 0) await target.store.bulkLoad(target.env, writes.map((w) => w.next), { batchSize: writes.length });
      for (const w of writes) countWrite(counts, w);
      totals.merge(counts);
    } catch {
      await writeOneByOne(target, batch, totals, fail, blocked);
    }
    onProgress?.(Math.min(start + batchSize, resources.length));
  }
}

async function writeOneByOne(
  target: WriteTarget, batch: readonly PlannedResource[], totals: Counts,
  fail: (r: PlannedResource, reason: string) => void, blocked: (r: PlannedResource) => string | undefined,
): Promise<void> {
  const errors: unknown[] = [];
  for (const r of batch) {
    const missing = blocked(r);
    if (missing !== undefined) {
      fail(r, `${missing} cannot be written`);
      continue;
    }
    const counts = new Counts();
    try {
      await target.store.transaction(target.env, (tx) => writeOne(tx, r, target.sourceChanged, counts));
      totals.merge(counts);
    } catch (error) {
      errors.push(error);
      fail(r, `${refOf(r.resource)} could not be written: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  // Every resource failing alike is the database, not the data: stop instead of rejecting the whole file.
  if (batch.length > 1 && errors.length === batch.length && !errors.some((e) => e instanceof Error && e.name === 'FhirError')) {
    const messages = new Set(errors.map((e) => (e instanceof Error ? e.message : String(e))));
    if (messages.size === 1) throw errors[0];
  }
}
