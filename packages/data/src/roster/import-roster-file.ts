/**
 * `importRosterCsv`: a roster CSV file into an environment, from the file on disk to the summary.
 * The file is streamed (rows are checked as they are read); resources are written after the
 * whole file has been read, because --strict and the merging of shared Practitioners and
 * Locations need every row first.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Store } from '@payerport/store';
import { applyImport, type ImportOptions } from './apply-import.js';
import type { ImportPlan } from './import-plan.js';
import type { ImportSummary } from './import-summary.js';
import { parseCsv } from './csv-parser.js';
import { planRoster } from './plan-roster.js';

export interface RosterFileOptions extends Omit<ImportOptions, 'sourceChanged' | 'today'> {
  /** Default: the file's modification time. */
  readonly sourceChanged?: string;
  /** YYYY-MM-DD; default: today (UTC). */
  readonly today?: string;
  /** Rows read so far: every 1000, and at the end with `done`. */
  readonly onRow?: (count: number, done?: boolean) => void;
}

/** The instant and date defaults shared by every file importer. */
export async function fileDefaults(path: string, options: { sourceChanged?: string; today?: string }): Promise<{ sourceChanged: string; today: string }> {
  const modified = (await stat(path)).mtime;
  return {
    sourceChanged: options.sourceChanged ?? modified.toISOString(),
    today: options.today ?? new Date().toISOString().slice(0, 10),
  };
}

/** Which of `ids` are live Organizations in `env`. */
export function networkLookup(store: Store, env: string): (ids: readonly string[]) => Promise<ReadonlySet<string>> {
  return async (ids) => {
    const found = new Set<string>();
    for (const id of ids) {
      const org = await store.read(env, 'Organization', id);
      if (org !== undefined && !org.deleted) found.add(id);
    }
    return found;
  };
}

/** A summary that says the environment does not exist (nothing read, nothing written). */
export async function unknownEnvironment(store: Store, env: string): Promise<ImportPlan | undefined> {
  const known = await store.environments();
  if (known.includes(env)) return undefined;
  return { rows: 0, resources: [], rejected: [], listedRoleIds: new Set(), unidentifiedRows: 0, fatal: [`unknown environment ${JSON.stringify(env)} (known: ${known.join(', ')})`] };
}

export async function importRosterCsv(store: Store, env: string, path: string, options: RosterFileOptions = {}): Promise<ImportSummary> {
  const defaults = await fileDefaults(path, options);
  const plan = await unknownEnvironment(store, env)
    ?? await planRoster(parseCsv(createReadStream(path)), { today: defaults.today, existingNetworks: networkLookup(store, env), onRow: options.onRow });
  return applyImport(store, env, plan, { ...options, ...defaults });
}
