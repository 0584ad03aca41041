/**
 * Matches the header record against the column table, once, before any row is read: every
 * unknown, duplicated or missing required header is reported together, so a mistyped column
 * is never silently ignored.
 */
import { ROSTER_COLUMNS, type RosterColumn } from './roster-columns.js';

/** Where each known column sits in a record. */
export type ColumnLayout = ReadonlyArray<{ readonly column: RosterColumn; readonly index: number }>;

export type HeaderCheck = { readonly layout: ColumnLayout; readonly width: number } | { readonly problems: readonly string[] };

/** Headers compare case-insensitively, with spaces and hyphens read as underscores (`First Name` = `first_name`). */
export function normalizeHeader(header: string): string {
  return header.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

export function checkHeader(fields: readonly string[]): HeaderCheck {
  const byName = new Map(ROSTER_COLUMNS.map((c) => [c.header, c]));
  const problems: string[] = [];
  const layout: { column: RosterColumn; index: number }[] = [];
  const seen = new Map<string, number>();
  fields.forEach((raw, index) => {
    const name = normalizeHeader(raw);
    if (name === '') return problems.push(`column ${index + 1} has no header`);
    const column = byName.get(name);
    if (column === undefined) return problems.push(`unknown column ${JSON.stringify(raw)} (column ${index + 1})`);
    const earlier = seen.get(name);
    if (earlier !== undefined) return problems.push(`column ${JSON.stringify(raw)} appears twice (columns ${earlier + 1} and ${index + 1})`);
    seen.set(name, index);
    layout.push({ column, index });
  });
  const missing = ROSTER_COLUMNS.filter((c) => c.required && !seen.has(c.header)).map((c) => c.header);
  if (missing.length > 0) problems.push(`missing required column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`);
  if (problems.length > 0) {
    problems.push(`known columns: ${ROSTER_COLUMNS.map((c) => c.header).join(', ')}`);
    return { problems };
  }
  return { layout, width: fields.length };
}
