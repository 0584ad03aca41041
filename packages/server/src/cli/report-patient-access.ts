/**
 * `payerport report patient-access-metrics --year 2026 [--env production] [--json]`: the two
 * figures CMS-0057-F asks payers to report each year about the Patient Access API — unique
 * patients whose data was transferred to an app they chose, and those whose data was
 * transferred more than once (on more than one day; docs/decisions/0015-audit-trail.md).
 */
import type { PatientAccessMetrics, SqlStore } from '@payerport/store';
import { UsageError, type ParsedArgs } from './argv.js';

export interface PatientAccessArgs {
  readonly env: string;
  readonly year: number;
  readonly json: boolean;
}

const FLAGS = new Set(['env', 'year', 'json', 'help']);

export function patientAccessArgs(args: ParsedArgs): PatientAccessArgs {
  const extra = args.positionals.slice(1);
  if (extra.length > 0) throw new UsageError(`report patient-access-metrics takes no further arguments, got ${extra.join(' ')}`);
  const unknown = Object.keys(args.flags).filter((f) => !FLAGS.has(f));
  if (unknown.length > 0) throw new UsageError(`Unknown option${unknown.length > 1 ? 's' : ''} for report patient-access-metrics: ${unknown.map((f) => `--${f}`).join(' ')}`);
  const raw = args.flags.year;
  const year = typeof raw === 'string' && /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(year) || year < 2000) throw new UsageError('report patient-access-metrics needs --year YYYY (e.g. --year 2026)');
  const env = args.flags.env ?? 'production';
  if (typeof env !== 'string') throw new UsageError('--env takes sandbox or production');
  if (typeof args.flags.json === 'string') throw new UsageError('--json takes no value');
  return { env, year, json: args.flags.json === true };
}

export function patientAccessLines(metrics: PatientAccessMetrics, a: PatientAccessArgs): string[] {
  if (a.json) return [JSON.stringify({ environment: a.env, year: a.year, ...metrics })];
  return [
    `Patient Access API, ${a.env}, calendar year ${a.year} (UTC):`,
    `  unique patients whose data was transferred to an app they authorized: ${metrics.patientsTransferred}`,
    `  of those, transferred more than once (on more than one day):         ${metrics.patientsTransferredMoreThanOnce}`,
  ];
}

export async function runPatientAccessReport(store: SqlStore, a: PatientAccessArgs, print: (line: string) => void): Promise<number> {
  const metrics = await store.audit.patientAccessMetrics(a.env, Date.UTC(a.year, 0, 1), Date.UTC(a.year + 1, 0, 1));
  for (const line of patientAccessLines(metrics, a)) print(line);
  return 0;
}
