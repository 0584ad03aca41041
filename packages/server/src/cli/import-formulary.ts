/**
 * `payerport import formulary FILE [--drugs DRUGS.csv] --env NAME [--strict]`: a CMS-style formulary
 * CSV with its drug-names CSV (packages/data/src/formulary-import), or FHIR NDJSON / a Bundle of
 * USDF resources (read by ../load, replaced the same way). Progress on stderr, summary on stdout;
 * exit 1 when --strict rejected the files or they could not be read at all.
 */
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { applyFormularyPlan, fileDefaults, formularyPlanFromFhir, importFormularyCsv, type FormularySummary } from '@payerport/data';
import { planFhirFile } from '../load/plan-fhir-file.js';
import { UsageError, type ParsedArgs } from './argv.js';
import type { ImportDeps, ImportIo } from './import-roster.js';
import { importSummaryLines } from './import-summary-text.js';
import { createProgress } from './progress.js';

export interface ImportFormularyArgs {
  readonly file: string;
  /** The drug-names CSV; required with a CSV formulary file. */
  readonly drugs: string | undefined;
  readonly env: string;
  readonly strict: boolean;
}

const FLAGS = new Set(['env', 'drugs', 'strict', 'help']);
const isCsv = (path: string): boolean => /\.csv$/i.test(path);

/** Checks the command line of `import formulary`; every mistake is a UsageError. */
export function importFormularyArgs(args: ParsedArgs): ImportFormularyArgs {
  const [, file, ...extra] = args.positionals;
  if (file === undefined) throw new UsageError('import formulary needs a FILE (.csv with --drugs, .ndjson or a Bundle .json)');
  if (extra.length > 0) throw new UsageError(`import formulary takes one FILE, got also ${extra.join(' ')}`);
  if (!/^\.(csv|ndjson|jsonl|json)$/i.test(extname(file))) throw new UsageError(`${file}: a formulary is a .csv, .ndjson or Bundle .json file`);
  const unknown = Object.keys(args.flags).filter((f) => !FLAGS.has(f));
  if (unknown.length > 0) throw new UsageError(`Unknown option${unknown.length > 1 ? 's' : ''} for import formulary: ${unknown.map((f) => `--${f}`).join(' ')}`);
  const { env, drugs } = args.flags;
  if (typeof env !== 'string') throw new UsageError('import formulary needs --env sandbox|production');
  if (drugs !== undefined && (typeof drugs !== 'string' || !isCsv(drugs))) throw new UsageError('--drugs takes the drug-names .csv file');
  if (isCsv(file) && drugs === undefined) throw new UsageError('import formulary FILE.csv needs --drugs DRUGS.csv (RXCUI and drug names, docs/formulary-import.md)');
  if (!isCsv(file) && drugs !== undefined) throw new UsageError('--drugs goes with a CSV formulary file; FHIR input carries its MedicationKnowledge');
  if (typeof args.flags.strict === 'string') throw new UsageError('--strict takes no value');
  return { file, drugs: drugs as string | undefined, env, strict: args.flags.strict === true };
}

const unreadable = (path: string): Promise<string | undefined> =>
  stat(path).then((s) => (s.isFile() ? undefined : `${path}: not a file`), (e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? `${path}: no such file` : e.message));

/** Runs the import and prints the summary; returns the exit code. */
export async function runImportFormulary(deps: ImportDeps, a: ImportFormularyArgs, io: ImportIo): Promise<number> {
  for (const path of [a.file, ...(a.drugs !== undefined ? [a.drugs] : [])]) {
    const problem = await unreadable(path);
    if (problem === undefined) continue;
    io.print(`Nothing was imported: ${problem}.`);
    return 1;
  }
  const formularyParam = deps.registry.searchParam('Basic', 'formulary');
  if (formularyParam === undefined) throw new Error('the Da Vinci US Drug Formulary package is not loaded (no Basic `formulary` search parameter)');
  const progress = createProgress(io.progress);
  const options = {
    strict: a.strict, formularyParam, ...(deps.validate ? { validate: deps.validate } : {}),
    onProgress: (p: { done: number; total?: number }) => progress.step('writing resources', p.done, p.total),
  };
  let summary: FormularySummary;
  try {
    if (a.drugs !== undefined) {
      summary = await importFormularyCsv(deps.store, a.env, a.file, a.drugs, { ...options, onRow: (n, done) => progress.rows(n, done) });
    } else {
      const plan = formularyPlanFromFhir(await planFhirFile(a.file, new Set(deps.registry.resourceTypes())));
      progress.rows(plan.rows, true);
      summary = await applyFormularyPlan(deps.store, a.env, plan, { ...options, sourceChanged: (await fileDefaults(a.file, {})).sourceChanged });
    }
  } finally {
    progress.finish();
  }
  for (const line of formularySummaryLines(summary, a)) io.print(line);
  return summary.fatal || (a.strict && (summary.rejected.length > 0 || (summary.drugFile?.rejected.length ?? 0) > 0)) ? 1 : 0;
}

/** The roster import's summary, then one line per formulary and the drug-names file's rejected rows. */
export function formularySummaryLines(summary: FormularySummary, a: ImportFormularyArgs): string[] {
  const lines = importSummaryLines(summary, { file: a.file, env: a.env, strict: a.strict });
  if (summary.fatal) return lines;
  for (const f of summary.formularies) {
    const was = f.previousVersion === undefined ? 'new' : f.previousVersion === f.version ? 'same version' : `was version ${f.previousVersion}`;
    lines.push(`Formulary ${f.id}: version ${f.version ?? '?'} (${was}), ${f.items} items, ${f.removed} removed${f.written ? '' : ' — NOT written, stored version kept'}.`);
  }
  const drugRejected = summary.drugFile?.rejected ?? [];
  if (summary.drugFile !== undefined) lines.push(`${a.drugs}: ${summary.drugFile.rows} rows, ${drugRejected.length} rejected.`);
  for (const r of drugRejected.slice(0, 50)) lines.push(`  ${a.drugs} line ${r.line}: ${r.reason}`);
  if (drugRejected.length > 50) lines.push(`  … and ${drugRejected.length - 50} more`);
  return lines;
}
