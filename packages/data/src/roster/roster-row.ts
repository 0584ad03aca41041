/** Turns one CSV record into a valid `RosterRow`, or the list of everything wrong with it. */
import type { ColumnLayout } from './roster-header.js';
import type { RosterRow } from './roster-columns.js';

export type RowCheck = { readonly row: RosterRow } | { readonly reasons: readonly string[] };

export function checkRow(line: number, fields: readonly string[], layout: ColumnLayout, width: number): RowCheck {
  if (fields.length !== width) return { reasons: [`has ${fields.length} fields, the header has ${width}`] };
  const reasons: string[] = [];
  const row: Record<string, unknown> = { line };
  for (const { column, index } of layout) {
    const text = fields[index]!.trim();
    if (text === '') {
      if (column.required) reasons.push(`${column.header} is required`);
      continue;
    }
    const checked = column.check(text);
    if ('error' in checked) reasons.push(`${column.header}: ${checked.error}`);
    else if (Array.isArray(checked.value) && checked.value.length === 0) {
      if (column.required) reasons.push(`${column.header} is required`);
    } else row[column.field] = checked.value;
  }
  const r = row as unknown as RosterRow;
  if (reasons.length === 0 && r.effectiveEnd !== undefined && r.effectiveEnd < r.effectiveStart) {
    reasons.push(`effective_end ${r.effectiveEnd} is before effective_start ${r.effectiveStart}`);
  }
  if (r.languages === undefined) row.languages = [];
  return reasons.length > 0 ? { reasons } : { row: r };
}
