/**
 * Compares and writes many planned resources inside one transaction, a chunk at a time: the
 * stored versions of a chunk in one query per type (`tx.readMany`), the new and changed ones in
 * multi-row statements (`tx.writeMany`), ended roles by the exact path. On PostgreSQL that is a
 * few round trips per chunk instead of several per resource (formulary import: ~200 → see
 * docs/formulary-import.md). Same outcome as `writeOne` on each, in order.
 */
import type { StoreTx } from '@payerport/store';
import type { Json, PlannedResource } from './import-plan.js';
import type { Counts } from './import-summary.js';
import { applyWrite, pendingWrite, type PendingWrite } from './pending-write.js';

const CHUNK = 1000;

export async function writePlanned(
  tx: StoreTx, planned: readonly PlannedResource[], sourceChanged: string, counts: Counts, onWritten?: (n: number) => void,
): Promise<void> {
  for (let start = 0; start < planned.length; start += CHUNK) {
    const chunk = planned.slice(start, start + CHUNK);
    const stored = await storedOf(tx, chunk);
    const plain: Json[] = [];
    const ending: PendingWrite[] = [];
    chunk.forEach((p, i) => {
      const type = String(p.resource.resourceType);
      const write = pendingWrite(p, stored[i], sourceChanged);
      if (write === undefined) return counts.add(type, 'unchanged');
      if (write.end) ending.push(write);
      else plain.push(write.next);
      counts.add(type, write.what);
    });
    if (plain.length > 0) await tx.writeMany(plain);
    for (const write of ending) await applyWrite(tx, write);
    onWritten?.(chunk.length);
  }
}

/** The stored version of each of `chunk`, by position: one `readMany` per resource type. */
async function storedOf(tx: StoreTx, chunk: readonly PlannedResource[]) {
  const byType = new Map<string, string[]>();
  for (const p of chunk) {
    const type = String(p.resource.resourceType);
    let ids = byType.get(type);
    if (ids === undefined) byType.set(type, (ids = []));
    ids.push(String(p.resource.id));
  }
  const found = new Map<string, Awaited<ReturnType<StoreTx['readMany']>>>();
  for (const [type, ids] of byType) found.set(type, await tx.readMany(type, ids));
  return chunk.map((p) => found.get(String(p.resource.resourceType))!.get(String(p.resource.id)));
}
