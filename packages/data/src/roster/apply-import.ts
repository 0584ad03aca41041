/**
 * Applies an `ImportPlan` to an environment — the part CSV rosters and FHIR NDJSON/Bundles share:
 *
 *   screen     validation hook, then drop what cannot be written (see screen-resources.ts)
 *   --strict   any rejected row → write nothing; otherwise everything in one transaction
 *   write      unchanged resources untouched, changed ones as a new version (history kept),
 *              ended roles as a final end-dated version, then deleted (see write-resources.ts)
 *   --full     end the source's roles the file no longer lists the same way (see end-date-absent.ts)
 */
import type { Store } from '@payerport/store';
import { applyEnding, endDateInBatches, findEndings } from './end-date-absent.js';
import { refOf, type ImportPlan, type PlannedResource } from './import-plan.js';
import { Counts, type ImportSummary } from './import-summary.js';
import { DEFAULT_IMPORT_SOURCE, withImportTag } from './import-tag.js';
import { Rejections } from './rejections.js';
import { screenResources, type ValidateResource } from './screen-resources.js';
import { applyWrite, pendingWrite, readStored, writeOne, type PendingWrite } from './pending-write.js';
import { writeInBatches } from './write-resources.js';

export interface ImportProgress {
  readonly phase: 'write' | 'end-date';
  readonly done: number;
  readonly total?: number;
}

export interface ImportOptions {
  /** Any rejected row → nothing is written. */
  readonly strict?: boolean;
  /** The file is the whole roster: end this source's roles it does not list (end-dated, then deleted). */
  readonly full?: boolean;
  /** Import source name for the tag (default `roster`). */
  readonly source?: string;
  /** When the source last changed, for resources that do not say (an instant; the file's mtime). */
  readonly sourceChanged: string;
  /** YYYY-MM-DD: the end date --full gives (today, UTC). */
  readonly today: string;
  /** Profile validation hook (e.g. the @payerport/fhir validator). */
  readonly validate?: ValidateResource;
  /** Resources per transaction when not --strict (default 2000). */
  readonly batchSize?: number;
  readonly onProgress?: (progress: ImportProgress) => void;
}

export async function applyImport(store: Store, env: string, plan: ImportPlan, options: ImportOptions): Promise<ImportSummary> {
  const lineLabel = plan.lineLabel ?? 'line';
  const rejections = new Rejections(plan.rejected);
  const counts = new Counts();
  const summary = (written: boolean, fullSkipped?: string): ImportSummary => ({
    rows: plan.rows, created: counts.total('created'), updated: counts.total('updated'), unchanged: counts.total('unchanged'),
    ended: counts.total('ended'), byType: counts.byType, rejected: rejections.list(), written, lineLabel,
    ...(plan.fatal ? { fatal: plan.fatal } : {}), ...(fullSkipped ? { fullSkipped } : {}),
  });
  if (plan.fatal) return summary(false);

  const source = options.source ?? DEFAULT_IMPORT_SOURCE;
  const tagged: PlannedResource[] = plan.resources.map((r) => ({ ...r, resource: withImportTag(r.resource, source) }));
  const writable = await screenResources(tagged, rejections, options.validate);
  if (options.strict && rejections.size > 0) return summary(false);

  const fullSkipped = !options.full ? undefined
    : plan.unidentifiedRows > 0 ? `--full ended no roles: ${plan.unidentifiedRows} rejected ${lineLabel}(s) could not be matched to a role, so absence proves nothing`
      : undefined;
  const endDate = options.full && fullSkipped === undefined
    ? { source, today: options.today, sourceChanged: options.sourceChanged, listed: plan.listedRoleIds }
    : undefined;
  const progress = (phase: ImportProgress['phase'], total?: number) => (done: number) => options.onProgress?.({ phase, done, ...(total !== undefined ? { total } : {}) });

  const batchSize = options.batchSize ?? 2000;
  if (options.strict) {
    // All or nothing: every write (and every ending) in one transaction.
    const all = new Counts();
    const stored = await readStored(store, env, writable, batchSize);
    const writes: PendingWrite[] = [];
    writable.forEach((planned, i) => {
      const write = pendingWrite(planned, stored[i], options.sourceChanged);
      if (write === undefined) all.add(String(planned.resource.resourceType), 'unchanged');
      else writes.push(write);
    });
    const endings = endDate ? await findEndings(store, env, endDate) : [];
    try {
      if (writes.some((w) => w.end) || endings.length > 0) {
        // Deletions cannot go through bulkLoad: the ordinary write path, still one transaction.
        await store.transaction(env, async (tx) => {
          for (const w of writes) await applyWrite(tx, w);
          for (const e of endings) await applyEnding(tx, e);
        });
      } else if (writes.length > 0) {
        await store.bulkLoad(env, writes.map((w) => w.next), { batchSize: writes.length });
      }
    } catch (error) {
      const culprit = await failingResource(store, env, writable, options.sourceChanged);
      if (culprit === undefined) throw error;
      for (const line of culprit.planned.lines) rejections.add(line, `${refOf(culprit.planned.resource)} could not be written: ${culprit.message}`);
      return summary(false);
    }
    for (const w of writes) all.add(String(w.next.resourceType), w.what);
    for (const e of endings) all.add('PractitionerRole', e.what);
    progress('write', writable.length)(writable.length);
    counts.merge(all);
    return summary(true, fullSkipped);
  }

  await writeInBatches({ store, env, sourceChanged: options.sourceChanged }, writable, batchSize, rejections, counts, progress('write', writable.length));
  if (endDate) await endDateInBatches(store, env, endDate, batchSize, counts, progress('end-date'));
  return summary(true, fullSkipped);
}

/**
 * Which resource makes the write fail, found by writing them one at a time in one transaction
 * that is always rolled back (only run after a --strict import failed, to say why).
 */
async function failingResource(store: Store, env: string, resources: readonly PlannedResource[], sourceChanged: string): Promise<{ planned: PlannedResource; message: string } | undefined> {
  let found: { planned: PlannedResource; message: string } | undefined;
  const rollback = new Error('diagnosis only');
  await store.transaction(env, async (tx) => {
    for (const planned of resources) {
      try {
        await writeOne(tx, planned, sourceChanged, new Counts());
      } catch (error) {
        found = { planned, message: error instanceof Error ? error.message : String(error) };
        throw error;
      }
    }
    throw rollback;
  }).catch(() => undefined);
  return found;
}
