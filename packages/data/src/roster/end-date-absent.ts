/**
 * `--full`: the file is the plan's whole roster for its import source, so a PractitionerRole
 * that this source imported before and the file no longer lists has left the network — unless
 * another source still lists it: then only this source's tag goes. An ended role gets one final
 * version with `period.end` (the import date) and still `active: true`, as Plan-Net requires,
 * and is then deleted in the same transaction: history (and `vread`) keeps that version and so
 * can say when the provider left, while searches no longer return the role and a read answers
 * 410 Gone. A later file that lists the role again brings it back as a new version.
 */
import type { Store, StoreTx } from '@payerport/store';
import { withSourceChanged } from '../freshness/source-changed.js';
import { importSources, withImportSources } from './import-tag.js';
import type { Json } from './import-plan.js';
import { Counts } from './import-summary.js';
import { scanResources } from './scan-resources.js';

export interface EndDateOptions {
  readonly source: string;
  /** YYYY-MM-DD, the end date given. */
  readonly today: string;
  readonly sourceChanged: string;
  readonly listed: ReadonlySet<string>;
}

/** What happens to the live `role`: ended, untagged (another source lists it), or nothing (undefined). */
function ended(role: Json, options: EndDateOptions): Ending | undefined {
  const sources = importSources(role);
  if (options.listed.has(String(role.id)) || !sources.includes(options.source)) return undefined;
  const { versionId: _v, lastUpdated: _l, ...meta } = (role.meta ?? {}) as Json;
  const others = sources.filter((s) => s !== options.source);
  if (others.length > 0) return { next: withImportSources({ ...role, meta }, others), what: 'updated' };
  const period = (role.period ?? {}) as Json;
  const start = typeof period.start === 'string' ? period.start : undefined;
  const end = typeof period.end === 'string' && period.end < options.today ? period.end : options.today;
  // A role that had not started yet ends when it would have started (a period never ends before it starts).
  // `active: true` even so (a role stored inactive by an older import included): Plan-Net pins it, and the deletion says the rest.
  const next = { ...role, meta, active: true, period: { ...period, end: start !== undefined && start > end ? start : end } };
  return { next: withSourceChanged(next, options.sourceChanged), what: 'ended' };
}

export interface Ending {
  readonly next: Json;
  /** `ended`: write `next`, then delete the role; `updated`: write `next` only (untagged). */
  readonly what: 'ended' | 'updated';
}

/** Applies `ending` inside `tx`: the final version and the deletion land together. */
export async function applyEnding(tx: StoreTx, ending: Ending): Promise<void> {
  await tx.update(ending.next);
  if (ending.what === 'ended') await tx.delete('PractitionerRole', String(ending.next.id));
}

/** The roles to end (or untag), as their next versions. Searches return live roles only. */
export async function findEndings(store: Store, env: string, options: EndDateOptions): Promise<Ending[]> {
  const endings: Ending[] = [];
  for await (const stored of scanResources((q) => store.search(env, q), 'PractitionerRole')) {
    const change = ended(JSON.parse(stored.json) as Json, options);
    if (change) endings.push(change);
  }
  return endings;
}

/** Ends absent roles in transactions of `batchSize`. */
export async function endDateInBatches(
  store: Store, env: string, options: EndDateOptions, batchSize: number, counts: Counts, onProgress?: (done: number) => void,
): Promise<void> {
  const ids = (await findEndings(store, env, options)).map((e) => String(e.next.id));
  for (let start = 0; start < ids.length; start += batchSize) {
    const batch = new Counts();
    await store.transaction(env, async (tx) => {
      for (const id of ids.slice(start, start + batchSize)) await endOne(tx, id, options, batch);
    });
    counts.merge(batch);
    onProgress?.(Math.min(start + batchSize, ids.length));
  }
}

// Re-read inside the transaction: the role may have changed since the scan.
async function endOne(tx: StoreTx, id: string, options: EndDateOptions, counts: Counts): Promise<void> {
  const current = await tx.read('PractitionerRole', id);
  if (current === undefined || current.deleted) return;
  const change = ended(JSON.parse(current.json) as Json, options);
  if (change === undefined) return;
  await applyEnding(tx, change);
  counts.add('PractitionerRole', change.what);
}
