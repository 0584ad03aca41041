/**
 * Reads a CSV file against a column table: the header once, then every record checked on its
 * own. Broken CSV records (unterminated quote, stray quote) and invalid cells become rejections
 * with their line numbers; a header that does not match makes the whole file unusable (`fatal`).
 */
import type { CsvItem } from '../roster/csv-parser.js';
import type { RejectedRow } from '../roster/import-plan.js';
import { matchHeader, readRecord, type TableColumn, type TableLayout } from './csv-table.js';

export interface TableRows<R> {
  readonly rows: R[];
  readonly rejected: RejectedRow[];
  /** Data records read (after the header). */
  readonly count: number;
  readonly fatal?: readonly string[];
}

/**
 * `check` turns a record's values into a row, or the reasons it is invalid (checks that span cells).
 * `onRow` is called every 1000 records and at the end.
 */
export async function readTable<R>(
  items: AsyncIterable<CsvItem>, table: readonly TableColumn[], check: (line: number, values: Record<string, unknown>) => R | string[],
  onRow?: (count: number, done?: boolean) => void,
): Promise<TableRows<R>> {
  const rows: R[] = [];
  const rejected: RejectedRow[] = [];
  let layout: TableLayout | undefined;
  let count = 0;
  for await (const item of items) {
    if (layout === undefined) {
      if (item.kind === 'problem') return { rows, rejected, count, fatal: [`header (line ${item.line}): ${item.reason}`] };
      const matched = matchHeader(item.fields, table);
      if ('problems' in matched) return { rows, rejected, count, fatal: matched.problems.map((p) => `header: ${p}`) };
      layout = matched;
      continue;
    }
    if (++count % 1000 === 0) onRow?.(count);
    if (item.kind === 'problem') {
      rejected.push({ line: item.line, reason: item.reason });
      continue;
    }
    const read = readRecord(item.fields, layout);
    const checked = 'values' in read ? check(item.line, read.values) : read.reasons;
    if (Array.isArray(checked)) {
      if (checked.length > 0) rejected.push({ line: item.line, reason: checked.join('; ') });
      else throw new Error('a row check returned no row and no reason');
    } else rows.push(checked);
  }
  onRow?.(count, true);
  if (layout === undefined) return { rows, rejected, count, fatal: ['the file is empty (no header line)'] };
  return { rows, rejected, count };
}
