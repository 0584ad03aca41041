/**
 * `importFormularyCsv`: a formulary file and its drug-names file into an environment, from the
 * files on disk to the summary. Both files are streamed; resources are written after both have
 * been read, because a formulary's new version is only known once its last row is.
 */
import { createReadStream } from 'node:fs';
import type { Store } from '@payerport/store';
import { parseCsv } from '../roster/csv-parser.js';
import { fileDefaults, unknownEnvironment } from '../roster/import-roster-file.js';
import { applyFormularyPlan, type FormularyImportOptions } from './apply-formulary.js';
import type { FormularySummary } from './formulary-summary.js';
import { planFormularyCsv } from './plan-formulary-csv.js';

export interface FormularyFileOptions extends Omit<FormularyImportOptions, 'sourceChanged'> {
  /** Default: the formulary file's modification time. */
  readonly sourceChanged?: string;
  /** Formulary rows read so far: every 1000, and at the end with `done`. */
  readonly onRow?: (count: number, done?: boolean) => void;
}

export async function importFormularyCsv(store: Store, env: string, path: string, drugsPath: string, options: FormularyFileOptions): Promise<FormularySummary> {
  const { sourceChanged } = await fileDefaults(path, options);
  const unknown = await unknownEnvironment(store, env);
  const plan = unknown !== undefined
    ? { rows: 0, rejected: [], drugs: [], formularies: [], fatal: unknown.fatal }
    : await planFormularyCsv(parseCsv(createReadStream(path)), parseCsv(createReadStream(drugsPath)), { onRow: options.onRow });
  return applyFormularyPlan(store, env, plan, { ...options, sourceChanged });
}
