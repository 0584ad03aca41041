/**
 * `payerport report directory-freshness --env NAME [--limit-days N] [--json]`: the directory
 * resources that reached the API later than the limit after their source changed, as a table
 * (or one JSON object per line with --json). Listing late resources is a finding, not a
 * failure: the exit code is 0.
 */
import { directoryFreshness, type FreshnessReport } from '@payerport/data';
import type { Store } from '@payerport/store';
import { UsageError, type ParsedArgs } from './argv.js';

export interface FreshnessArgs {
  readonly env: string;
  readonly limitDays: number;
  readonly json: boolean;
}

const FLAGS = new Set(['env', 'limit-days', 'json', 'help']);

export function freshnessArgs(args: ParsedArgs, defaultLimitDays: number): FreshnessArgs {
  const [what, ...extra] = args.positionals;
  if (what !== 'directory-freshness') throw new UsageError(what === undefined ? 'report needs a report name: report directory-freshness --env NAME' : `Unknown report ${JSON.stringify(what)} (known: directory-freshness, patient-access-metrics)`);
  if (extra.length > 0) throw new UsageError(`report directory-freshness takes no further arguments, got ${extra.join(' ')}`);
  const unknown = Object.keys(args.flags).filter((f) => !FLAGS.has(f));
  if (unknown.length > 0) throw new UsageError(`Unknown option${unknown.length > 1 ? 's' : ''} for report directory-freshness: ${unknown.map((f) => `--${f}`).join(' ')}`);
  const env = args.flags.env;
  if (typeof env !== 'string') throw new UsageError('report directory-freshness needs --env sandbox|production');
  const raw = args.flags['limit-days'];
  const limitDays = raw === undefined ? defaultLimitDays : Number(raw);
  if (raw !== undefined && (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(limitDays) || limitDays < 0)) {
    throw new UsageError('--limit-days takes a number of days (0 or more)');
  }
  if (typeof args.flags.json === 'string') throw new UsageError('--json takes no value');
  return { env, limitDays, json: args.flags.json === true };
}

const days = (d: number): string => d.toFixed(1);

/** The report as lines: a table, or JSON lines. */
export function freshnessLines(report: FreshnessReport, env: string, json: boolean): string[] {
  if (json) {
    return report.late.map((r) => JSON.stringify({ resourceType: r.type, id: r.id, sourceChanged: r.sourceChanged, served: r.served, lagDays: Number(days(r.lagDays)) }));
  }
  const head = `${env}: ${report.checked} directory resources, ${report.withSource} with a recorded source change; ` +
    `${report.late.length} took longer than ${report.limitDays} days.`;
  if (report.late.length === 0) return [head];
  const rows = report.late.map((r) => [`${r.type}/${r.id}`, r.sourceChanged, r.served, days(r.lagDays)]);
  const header = ['resource', 'source changed', 'served since', 'days'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [head, '', line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

export async function runFreshnessReport(store: Store, a: FreshnessArgs, print: (line: string) => void): Promise<number> {
  const report = await directoryFreshness(store, a.env, { limitDays: a.limitDays });
  for (const l of freshnessLines(report, a.env, a.json)) print(l);
  return 0;
}
