/**
 * Writes planned resources, each whole (version, history, index rows) or not at all:
 *
 *   read      what is stored, a transaction per batch of reads (pending-write.ts)
 *   compare   unchanged resources are not written (same-content.ts)
 *   write     new and changed resources through one `store.bulkLoad` call: one transaction per
 *             batch, and the planner statistics refreshed once at the end, not after every batch
 *   end       ended roles: final version, then deletion — one transaction per batch
 *
 * If a batch fails, its resources are retried one per transaction, so a bad resource costs only
 * its own rows; a resource that requires one that failed is not written either (its rows say why).
 */
import type { Store } from '@payerport/store';
import { refOf, type PlannedResource } from './import-plan.js';
import { Counts } from './import-summary.js';
import { pendingWrite, readStored, writeOne, type PendingWrite } from './pending-write.js';
import type { Rejections } from './rejections.js';

export interface WriteTarget {
  readonly store: Store;
  readonly env: string;
  /** Source change instant for resources that bring none. */
  readonly sourceChanged: string;
}

/** Failed resources so far, and what follows from them. */
interface Failures {
  /** The first required resource that failed, if any. */
  blocked(r: PlannedResource): string | undefined;
  fail(r: PlannedResource, reason: string): void;
}

/** Writes `resources` in batches of `batchSize`; failures become rejections of their lines. */
export async function writeInBatches(
  target: WriteTarget, resources: readonly PlannedResource[], batchSize: number, rejections: Rejections, totals: Counts,
  onProgress?: (done: number) => void,
): Promise<void> {
  if (resources.length === 0) return;
  const failed = new Set<string>();
  const failures: Failures = {
    blocked: (r) => r.requires.find((q) => failed.has(q)),
    fail: (r, reason) => {
      failed.add(refOf(r.resource));
      for (const line of r.lines) rejections.add(line, reason);
    },
  };
  const stored = await readStored(target.store, target.env, resources, batchSize);
  const unchanged: PlannedResource[] = [];
  const writes: PendingWrite[] = [];
  resources.forEach((planned, i) => {
    const write = pendingWrite(planned, stored[i], target.sourceChanged);
    if (write === undefined) unchanged.push(planned);
    else writes.push(write);
  });
  let done = unchanged.length;
  const progress = (n: number): void => {
    done += n;
    onProgress?.(done);
  };
  await bulkWrite(target, writes.filter((w) => !w.end), batchSize, totals, failures, progress);
  await endInBatches(target, writes.filter((w) => w.end), batchSize, totals, failures, progress);
  for (const r of unchanged) {
    const missing = failures.blocked(r);
    if (missing !== undefined) failures.fail(r, `${missing} cannot be written`);
    else totals.add(String(r.resource.resourceType), 'unchanged');
  }
  onProgress?.(resources.length);
}

/** New versions through `store.bulkLoad`; a failing batch goes one resource per transaction, then the load resumes. */
async function bulkWrite(target: WriteTarget, writes: readonly PendingWrite[], batchSize: number, totals: Counts, failures: Failures, progress: (n: number) => void): Promise<void> {
  let queue = writes;
  while (queue.length > 0) {
    const pending = queue.filter((w) => {
      const missing = failures.blocked(w.planned);
      if (missing !== undefined) failures.fail(w.planned, `${missing} cannot be written`);
      return missing === undefined;
    });
    let committed = 0;
    const onCommit = (n: number): void => {
      // Counted only once their batch has committed.
      for (const w of pending.slice(committed, n)) totals.add(String(w.next.resourceType), w.what);
      progress(n - committed);
      committed = n;
    };
    try {
      if (pending.length > 0) await target.store.bulkLoad(target.env, pending.map((w) => w.next), { batchSize, onProgress: onCommit });
      return;
    } catch (error) {
      const batch = pending.slice(committed, committed + batchSize).map((w) => w.planned);
      if (batch.length === 0) throw error;
      await writeOneByOne(target, batch, totals, failures);
      progress(batch.length);
      queue = pending.slice(committed + batchSize);
    }
  }
}

/** Ended roles: each re-read, written and deleted inside a transaction of `batchSize` roles. */
async function endInBatches(target: WriteTarget, ends: readonly PendingWrite[], batchSize: number, totals: Counts, failures: Failures, progress: (n: number) => void): Promise<void> {
  for (let start = 0; start < ends.length; start += batchSize) {
    const batch = ends.slice(start, start + batchSize).map((w) => w.planned).filter((r) => {
      const missing = failures.blocked(r);
      if (missing !== undefined) failures.fail(r, `${missing} cannot be written`);
      return missing === undefined;
    });
    const counts = new Counts();
    try {
      await target.store.transaction(target.env, async (tx) => {
        for (const r of batch) await writeOne(tx, r, target.sourceChanged, counts);
      });
      totals.merge(counts);
    } catch {
      await writeOneByOne(target, batch, totals, failures);
    }
    progress(Math.min(batchSize, ends.length - start));
  }
}

async function writeOneByOne(target: WriteTarget, batch: readonly PlannedResource[], totals: Counts, failures: Failures): Promise<void> {
  const errors: unknown[] = [];
  for (const r of batch) {
    const missing = failures.blocked(r);
    if (missing !== undefined) {
      failures.fail(r, `${missing} cannot be written`);
      continue;
    }
    const counts = new Counts();
    try {
      await target.store.transaction(target.env, (tx) => writeOne(tx, r, target.sourceChanged, counts));
      totals.merge(counts);
    } catch (error) {
      errors.push(error);
      failures.fail(r, `${refOf(r.resource)} could not be written: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  // Every resource failing alike is the database, not the data: stop instead of rejecting the whole file.
  if (batch.length > 1 && errors.length === batch.length && !errors.some((e) => e instanceof Error && e.name === 'FhirError')) {
    const messages = new Set(errors.map((e) => (e instanceof Error ? e.message : String(e))));
    if (messages.size === 1) throw errors[0];
  }
}
