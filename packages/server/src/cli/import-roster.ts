/**
 * `payerport import roster FILE --env NAME [--full] [--strict] [--source NAME]`: a CSV roster
 * (packages/data/src/roster) or FHIR NDJSON / a Bundle (read by ../load, applied the same way).
 * Progress goes to stderr, the summary to stdout; exit 1 when --strict rejected the file or the
 * file could not be read as a roster at all.
 */
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Registry } from '@payerport/fhir';
import { applyImport, fileDefaults, importRosterCsv, type ImportOptions, type ImportSummary, type ValidateResource } from '@payerport/data';
import type { Store } from '@payerport/store';
import { planFhirFile } from '../load/plan-fhir-file.js';
import { UsageError, type ParsedArgs } from './argv.js';
import { importSummaryLines } from './import-summary-text.js';
import { createProgress, type ProgressStream } from './progress.js';

export interface ImportRosterArgs {
  readonly file: string;
  readonly env: string;
  readonly full: boolean;
  readonly strict: boolean;
  readonly source: string | undefined;
}

const FLAGS = new Set(['env', 'full', 'strict', 'source', 'help']);
const SOURCE = /^[A-Za-z0-9._-]{1,64}$/;

/** Checks the command line of `import`; every mistake is a UsageError. */
export function importRosterArgs(args: ParsedArgs): ImportRosterArgs {
  const [what, file, ...extra] = args.positionals;
  if (what !== 'roster') throw new UsageError(what === undefined ? 'import needs what to import: import roster FILE --env NAME' : `Unknown import ${JSON.stringify(what)} (known: roster, formulary)`);
  if (file === undefined) throw new UsageError('import roster needs a FILE (.csv, .ndjson or a Bundle .json)');
  if (extra.length > 0) throw new UsageError(`import roster takes one FILE, got also ${extra.join(' ')}`);
  if (!/^\.(csv|ndjson|jsonl|json)$/i.test(extname(file))) throw new UsageError(`${file}: a roster is a .csv, .ndjson or Bundle .json file`);
  const unknown = Object.keys(args.flags).filter((f) => !FLAGS.has(f));
  if (unknown.length > 0) throw new UsageError(`Unknown option${unknown.length > 1 ? 's' : ''} for import roster: ${unknown.map((f) => `--${f}`).join(' ')}`);
  const { env, source } = args.flags;
  if (typeof env !== 'string') throw new UsageError('import roster needs --env sandbox|production');
  if (source !== undefined && (typeof source !== 'string' || !SOURCE.test(source))) throw new UsageError('--source takes a name of letters, digits, . _ - (up to 64)');
  for (const s of ['full', 'strict'] as const) if (typeof args.flags[s] === 'string') throw new UsageError(`--${s} takes no value`);
  return { file, env, full: args.flags.full === true, strict: args.flags.strict === true, source: source as string | undefined };
}

export interface ImportIo {
  readonly print: (line: string) => void;
  readonly progress: ProgressStream;
}

export interface ImportDeps {
  readonly store: Store;
  readonly registry: Registry;
  /** Profile validation of each resource before it is written. */
  readonly validate?: ValidateResource;
}

/** Runs the import and prints the summary; returns the exit code. */
export async function runImportRoster(deps: ImportDeps, a: ImportRosterArgs, io: ImportIo): Promise<number> {
  const readable = await stat(a.file).then((s) => (s.isFile() ? undefined : 'not a file'), (e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? 'no such file' : e.message));
  if (readable !== undefined) {
    io.print(`Nothing was imported from ${a.file}: ${readable}.`);
    return 1;
  }
  const progress = createProgress(io.progress);
  const options = {
    strict: a.strict, full: a.full, ...(a.source !== undefined ? { source: a.source } : {}),
    ...(deps.validate ? { validate: deps.validate } : {}),
    onProgress: (p: { phase: string; done: number; total?: number }) => progress.step(p.phase === 'write' ? 'writing resources' : 'ending absent roles', p.done, p.total),
  } satisfies Partial<ImportOptions>;
  let summary: ImportSummary;
  try {
    if (/\.csv$/i.test(a.file)) {
      summary = await importRosterCsv(deps.store, a.env, a.file, { ...options, onRow: (n, done) => progress.rows(n, done) });
    } else {
      const plan = await planFhirFile(a.file, new Set(deps.registry.resourceTypes()));
      progress.rows(plan.rows, true);
      summary = await applyImport(deps.store, a.env, plan, { ...options, ...(await fileDefaults(a.file, {})) });
    }
  } finally {
    progress.finish();
  }
  for (const line of importSummaryLines(summary, { file: a.file, env: a.env, strict: a.strict })) io.print(line);
  return summary.fatal || (a.strict && summary.rejected.length > 0) ? 1 : 0;
}
