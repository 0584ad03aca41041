/** The end-of-import summary as text lines: counts per type, totals, the rejected rows (capped). */
import type { ImportSummary } from '@payerport/data';

export const MAX_LISTED_REJECTIONS = 50;

const where = (summary: ImportSummary, n: number): string => (summary.lineLabel === 'entry' ? `Bundle.entry[${n}]` : `line ${n}`);

export function importSummaryLines(summary: ImportSummary, what: { file: string; env: string; strict: boolean }, limit = MAX_LISTED_REJECTIONS): string[] {
  if (summary.fatal) return [`Nothing was imported from ${what.file}:`, ...summary.fatal.map((p) => `  ${p}`)];
  const rejected = summary.rejected.length;
  const lines: string[] = [];
  const unit = summary.lineLabel === 'entry' ? 'entries' : 'rows';
  lines.push(`${what.file} → ${what.env}: ${summary.rows} ${unit}, ${summary.rows - rejected} accepted, ${rejected} rejected.`);
  if (!summary.written) {
    lines.push(what.strict ? `Nothing was written (--strict): fix the rejected ${unit} and import again.` : 'Nothing was written.');
  } else {
    const types = Object.keys(summary.byType).sort();
    const pad = Math.max(0, ...types.map((t) => t.length));
    for (const type of types) {
      const c = summary.byType[type]!;
      lines.push(`  ${type.padEnd(pad)}  created ${c.created}, updated ${c.updated}, unchanged ${c.unchanged}${c.ended > 0 ? `, ended ${c.ended}` : ''}`);
    }
    lines.push(`Resources: created ${summary.created}, updated ${summary.updated}, unchanged ${summary.unchanged}, ended ${summary.ended}; rejected ${unit}: ${rejected}.`);
  }
  if (summary.fullSkipped) lines.push(summary.fullSkipped);
  if (rejected > 0) {
    lines.push(`Rejected ${unit}:`);
    for (const r of summary.rejected.slice(0, limit)) lines.push(`  ${where(summary, r.line)}: ${r.reason}`);
    if (rejected > limit) lines.push(`  … and ${rejected - limit} more`);
  }
  return lines;
}
