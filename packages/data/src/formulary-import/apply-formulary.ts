/**
 * Applies a `FormularyPlan` to an environment:
 *
 *   screen    profile validation (the roster's screen step): drugs first, then formularies and
 *             items; an item whose drug or formulary cannot be written is rejected with its row;
 *             a formulary whose FORMULARY_VERSION is older than the stored one is rejected whole
 *   --strict  any rejected row in either file → nothing written; else everything in ONE transaction
 *   drugs     MedicationKnowledge written first (a drug on its own changes no formulary)
 *   replace   one transaction per formulary (replace-formulary.ts): readers see version N or N+1, never a mix
 *
 * A formulary whose transaction fails is left as it was and its rows are reported.
 */
import type { SearchParamDef } from '@payerport/fhir';
import type { Store, StoreTx } from '@payerport/store';
import type { ImportProgress } from '../roster/apply-import.js';
import { refOf, type PlannedResource } from '../roster/import-plan.js';
import { Counts } from '../roster/import-summary.js';
import { withImportTag } from '../roster/import-tag.js';
import { writePlanned } from '../roster/write-planned.js';
import { Rejections } from '../roster/rejections.js';
import { screenResources, type ValidateResource } from '../roster/screen-resources.js';
import { writeInBatches } from '../roster/write-resources.js';
import type { FormularyPlan, FormularyVersionPlan } from './formulary-plan.js';
import type { FormularyOutcome, FormularySummary } from './formulary-summary.js';
import { replaceFormulary } from './replace-formulary.js';
import { FORMULARY_VERSION_URL } from './usdf-terms.js';

export interface FormularyImportOptions {
  /** Any rejected row → nothing is written. */
  readonly strict?: boolean;
  /** When the source last changed (an instant; the file's modification time). */
  readonly sourceChanged: string;
  /** The `formulary` search parameter of Basic (`registry.searchParam('Basic', 'formulary')`). */
  readonly formularyParam: SearchParamDef;
  readonly validate?: ValidateResource;
  /** Import source tag (default `formulary`). */
  readonly source?: string;
  readonly onProgress?: (progress: ImportProgress) => void;
}

export async function applyFormularyPlan(store: Store, env: string, plan: FormularyPlan, options: FormularyImportOptions): Promise<FormularySummary> {
  const rejections = new Rejections(plan.rejected);
  const drugRejections = plan.drugFile ? new Rejections(plan.drugFile.rejected) : rejections;
  const counts = new Counts();
  const outcomes: FormularyOutcome[] = [];
  const summary = (written: boolean): FormularySummary => ({
    rows: plan.rows, created: counts.total('created'), updated: counts.total('updated'), unchanged: counts.total('unchanged'), ended: 0,
    byType: counts.byType, rejected: rejections.list(), written, lineLabel: plan.lineLabel ?? 'line',
    removed: outcomes.reduce((n, o) => n + o.removed, 0), formularies: outcomes,
    ...(plan.drugFile ? { drugFile: { rows: plan.drugFile.rows, rejected: drugRejections.list() } } : {}),
    ...(plan.fatal ? { fatal: plan.fatal } : {}),
  });
  if (plan.fatal) return summary(false);

  const source = options.source ?? 'formulary';
  const validate = validateAsStored(options.validate);
  const tag = (r: PlannedResource): PlannedResource => ({ ...r, resource: withImportTag(r.resource, source) });
  const drugs = await screenResources(plan.drugs.map(tag), drugRejections, validate);
  const drugRefs = new Set(drugs.map((d) => refOf(d.resource)));
  const stored = await storedVersions(store, env, plan.formularies);
  const candidates: PlannedResource[] = [];
  for (const f of plan.formularies) {
    const previous = stored.get(f.resourceId);
    if (f.version !== undefined && previous !== undefined && f.version < previous) {
      for (const line of f.formulary.lines) rejections.add(line, `FORMULARY_VERSION ${f.version} is older than the stored version ${previous} of ${refOf(f.formulary.resource)}`);
      continue;
    }
    candidates.push(tag(f.formulary));
    for (const item of f.items) {
      const missing = item.requires.find((q) => q.startsWith('MedicationKnowledge/') && !drugRefs.has(q));
      if (missing !== undefined) for (const line of item.lines) rejections.add(line, `${missing} cannot be written`);
      else candidates.push(tag(item));
    }
  }
  const writable = new Set((await screenResources(candidates, rejections, validate)).map((r) => refOf(r.resource)));
  const kept = (list: readonly PlannedResource[]): PlannedResource[] => list.filter((r) => writable.has(refOf(r.resource)));
  const work = plan.formularies
    .filter((f) => writable.has(refOf(f.formulary.resource)))
    .map((f) => ({ plan: f, formulary: tag(f.formulary), items: kept(f.items.map(tag)) }));
  if (options.strict && (rejections.size > 0 || drugRejections.size > 0)) return summary(false);

  const total = drugs.length + work.reduce((n, w) => n + w.items.length, 0);
  let done = 0;
  let shown = 0;
  const step = (n = 1): void => {
    done += n;
    if (done - shown < 1000 && done !== total) return;
    shown = done;
    options.onProgress?.({ phase: 'write', done, total });
  };
  const context = (c: Counts) => ({ formularyParam: options.formularyParam, sourceChanged: options.sourceChanged, counts: c, onItems: step });
  const outcome = (w: (typeof work)[number], removed: number, written: boolean): FormularyOutcome => ({
    id: w.plan.resourceId, version: w.plan.version, previousVersion: stored.get(w.plan.resourceId), items: w.items.length, removed, written,
  });

  if (options.strict) {
    // All or nothing: drugs and every formulary in one transaction.
    const all = new Counts();
    const results = await store.transaction(env, async (tx: StoreTx) => {
      await writePlanned(tx, drugs, options.sourceChanged, all, step);
      const removed: number[] = [];
      for (const w of work) removed.push((await replaceFormulary(tx, w.formulary, w.items, context(all))).removed);
      return removed;
    });
    counts.merge(all);
    work.forEach((w, i) => outcomes.push(outcome(w, results[i]!, true)));
    return summary(true);
  }

  await writeInBatches({ store, env, sourceChanged: options.sourceChanged }, drugs, 2000, drugRejections, counts, (n) => step(n - done)); // drugs come first: `done` counts drugs so far
  const failedDrugs = new Set(drugs.filter((d) => d.lines.some((l) => drugRejections.has(l))).map((d) => refOf(d.resource)));
  for (const w of work) {
    const items = w.items.filter((item) => {
      const missing = item.requires.find((q) => failedDrugs.has(q));
      if (missing !== undefined) for (const line of item.lines) rejections.add(line, `${missing} could not be written`);
      return missing === undefined;
    });
    const mine = new Counts();
    try {
      const { removed } = await store.transaction(env, (tx) => replaceFormulary(tx, w.formulary, items, context(mine)));
      counts.merge(mine);
      outcomes.push(outcome({ ...w, items }, removed, true));
    } catch (error) {
      const reason = `${refOf(w.formulary.resource)} could not be written (its stored version is unchanged): ${error instanceof Error ? error.message : String(error)}`;
      for (const line of w.formulary.lines) rejections.add(line, reason);
      outcomes.push(outcome({ ...w, items }, 0, false));
    }
  }
  return summary(true);
}

/**
 * The USDF profiles require meta.lastUpdated, which the store sets on every write: each resource
 * is validated as it will be stored, with a lastUpdated, not as the file spells it.
 */
function validateAsStored(validate: ValidateResource | undefined): ValidateResource | undefined {
  if (validate === undefined) return undefined;
  const now = new Date().toISOString();
  return (r) => validate({ ...r, meta: { ...(r.meta as Record<string, unknown> | undefined), lastUpdated: now } });
}

/** FORMULARY_VERSION of each planned formulary as stored now (absent: new, deleted or never versioned). */
async function storedVersions(store: Store, env: string, formularies: readonly FormularyVersionPlan[]): Promise<Map<string, number>> {
  const versions = new Map<string, number>();
  for (const f of formularies) {
    const stored = await store.read(env, 'InsurancePlan', f.resourceId);
    if (stored === undefined || stored.deleted) continue;
    const extensions = (JSON.parse(stored.json) as { extension?: { url?: string; valueInteger?: number }[] }).extension ?? [];
    const version = extensions.find((e) => e.url === FORMULARY_VERSION_URL)?.valueInteger;
    if (typeof version === 'number') versions.set(f.resourceId, version);
  }
  return versions;
}
