/**
 * Applies an `ImportPlan` to an environment — the part CSV rosters and FHIR NDJSON/Bundles share:
 *
 *   screen     validation hook, then drop what cannot be written (see screen-resources.ts)
 *   --strict   any rejected row → write nothing; otherwise everything in one transaction
 *   write      unchanged resources untouched, changed ones as a new version (history kept)
 *   --full     end-date the source's roles the file no longer lists (see end-date-absent.ts)
 */
import type { Store } from '@payerport/store';
import { endDateInBatches, findEndings } from './end-date-absent.js';
import { refOf, type ImportPlan, type PlannedResource } from './import-plan.js';
import { Counts, type ImportSummary } from './import-summary.js';
import { DEFAULT_IMPORT_SOURCE, withImportTag } from './import-tag.js';
import { Rejections } from './rejections.js';
import { screenResources, type ValidateResource } from './screen-resources.js';
import { countWrite, pendingWrites, writeInBatches, writeOne } from './write-resources.js';

export interface ImportProgress {
  readonly phase: 'write' | 'end-date';
  readonly done: number;
  readonly total?: number;
}

export interface ImportOptions {
  /** Any rejected row → nothing is written. */
  readonly strict?: boolean;
  /** The file is the whole roster: end-date this source's roles it does not list. */
  readonly full?: boolean;
  /** Import source name for the tag (default `roster`). */
  readonly source?: string;
  /** When the source last changed, for resources that do not say (an instant; the file's mtime). */
  readonly sourceChanged: string;
  /** YYYY-MM-DD: the end date --full gives. */
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

  if (options.strict) {
    // All or nothing: every write (and every ending) in one bulkLoad batch, i.e. one transaction.
    const all = new Counts();
    const writes = await pendingWrites((type, id) => store.read(env, type, id), writable, options.sourceChanged, all);
    const endings = endDate ? await findEndings(store, env, endDate) : [];
    const resources = [...writes.map((w) => w.next), ...endings.map((e) => e.next)];
    try {
      if (resources.length > 0) await store.bulkLoad(env, resources, { batchSize: resources.length });
    } catch (error) {
      const culprit = await failingResource(store, env, writable, options.sourceChanged);
      if (culprit === undefined) throw error;
      for (const line of culprit.planned.lines) rejections.add(line, `${refOf(culprit.planned.resource)} could not be written: ${culprit.message}`);
      return summary(false);
    }
    for (const w of writes) countWrite(all, w);
    for (const e of endings) all.add('PractitionerRole', e.what);
    progress('write', writable.length)(writable.length);
    counts.merge(all);
    return summary(true, fullSkipped);
  }

  await writeInBatches({ store, env, sourceChanged: options.sourceChanged }, writable, options.batchSize ?? 2000, rejections, counts, progress('write', writable.length));
  if (endDate) await endDateInBatches(store, env, endDate, options.batchSize ?? 2000, counts, progress('end-date'));
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
