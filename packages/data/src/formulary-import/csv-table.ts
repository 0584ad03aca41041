/**
 * A CSV file described by a column table (the formulary file and the drug-names file): the header
 * is matched once — unknown, repeated and missing required columns reported together — then each
 * record becomes an object of checked values or the list of everything wrong with it.
 */
import type { Checked } from '../roster/field-formats.js';
import { normalizeHeader } from '../roster/roster-header.js';

export interface TableColumn {
  /** Normalised header (lower case, `_`); files may write it in any case (`FORMULARY_ID`). */
  readonly header: string;
  readonly field: string;
  readonly required: boolean;
  readonly check: (text: string) => Checked<unknown>;
}

export interface TableLayout {
  readonly columns: ReadonlyArray<{ readonly column: TableColumn; readonly index: number }>;
  readonly width: number;
}

export function matchHeader(fields: readonly string[], table: readonly TableColumn[]): TableLayout | { readonly problems: string[] } {
  const problems: string[] = [];
  const columns: { column: TableColumn; index: number }[] = [];
  const seen = new Set<string>();
  fields.forEach((raw, index) => {
    const column = table.find((c) => c.header === normalizeHeader(raw));
    if (column === undefined) problems.push(`unknown column ${JSON.stringify(raw)} (column ${index + 1})`);
    else if (seen.has(column.header)) problems.push(`column ${JSON.stringify(raw)} appears twice`);
    else {
      seen.add(column.header);
      columns.push({ column, index });
    }
  });
  const missing = table.filter((c) => c.required && !seen.has(c.header)).map((c) => c.header.toUpperCase());
  if (missing.length > 0) problems.push(`missing required column(s): ${missing.join(', ')}`);
  if (problems.length > 0) return { problems: [...problems, `known columns: ${table.map((c) => c.header.toUpperCase()).join(', ')}`] };
  return { columns, width: fields.length };
}

/** One record's checked values by field, or why it cannot be used. */
export function readRecord(fields: readonly string[], layout: TableLayout): { values: Record<string, unknown> } | { reasons: string[] } {
  if (fields.length !== layout.width) return { reasons: [`has ${fields.length} fields, the header has ${layout.width}`] };
  const values: Record<string, unknown> = {};
  const reasons: string[] = [];
  for (const { column, index } of layout.columns) {
    const text = fields[index]!.trim();
    if (text === '') {
      if (column.required) reasons.push(`${column.header.toUpperCase()} is required`);
      continue;
    }
    const checked = column.check(text);
    if ('error' in checked) reasons.push(`${column.header.toUpperCase()}: ${checked.error}`);
    else values[column.field] = checked.value;
  }
  return reasons.length > 0 ? { reasons } : { values };
}
