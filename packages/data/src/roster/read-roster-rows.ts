/**
 * Reads the roster records: the header once, then every row checked on its own. Broken CSV
 * records and invalid rows become rejections with their line numbers; nothing here touches
 * the store.
 */
import type { CsvItem } from './csv-parser.js';
import { checkHeader, type ColumnLayout } from './roster-header.js';
import { checkRow } from './roster-row.js';
import type { RosterRow } from './roster-columns.js';
import type { RejectedRow } from './import-plan.js';
import { locationKey, roleId } from './resource-ids.js';

export interface RosterRows {
  readonly rows: RosterRow[];
  readonly rejected: RejectedRow[];
  readonly count: number;
  /** Role ids that rejected rows still name (when their NPI, location and network are valid). */
  readonly rejectedRoleIds: Set<string>;
  readonly unidentifiedRows: number;
  readonly fatal?: readonly string[];
}

export async function readRosterRows(items: AsyncIterable<CsvItem>, onRow?: (count: number, done?: boolean) => void): Promise<RosterRows> {
  const rows: RosterRow[] = [];
  const rejected: RejectedRow[] = [];
  const rejectedRoleIds = new Set<string>();
  let unidentifiedRows = 0;
  let header: { layout: ColumnLayout; width: number } | undefined;
  let count = 0;
  for await (const item of items) {
    if (header === undefined) {
      if (item.kind === 'problem') return { rows, rejected, count, rejectedRoleIds, unidentifiedRows, fatal: [`header (line ${item.line}): ${item.reason}`] };
      const checked = checkHeader(item.fields);
      if ('problems' in checked) return { rows, rejected, count, rejectedRoleIds, unidentifiedRows, fatal: checked.problems.map((p) => `header: ${p}`) };
      header = checked;
      continue;
    }
    count++;
    if (count % 1000 === 0) onRow?.(count);
    if (item.kind === 'problem') {
      rejected.push({ line: item.line, reason: item.reason });
      unidentifiedRows++;
      continue;
    }
    const checked = checkRow(item.line, item.fields, header.layout, header.width);
    if ('row' in checked) {
      rows.push(checked.row);
      continue;
    }
    rejected.push({ line: item.line, reason: checked.reasons.join('; ') });
    const id = identifyRole(item.line, item.fields, header.layout, header.width);
    if (id === undefined) unidentifiedRows++;
    else rejectedRoleIds.add(id);
  }
  onRow?.(count, true);
  if (header === undefined) return { rows, rejected, count, rejectedRoleIds, unidentifiedRows, fatal: ['the file is empty (no header line)'] };
  return { rows, rejected, count, rejectedRoleIds, unidentifiedRows };
}

// Columns that make up a role's id; the rest of a rejected row may be wrong without hiding which role it names.
const IDENTITY = new Set(['npi', 'network_id', 'location_id', 'address_line1', 'address_line2', 'city', 'state', 'zip']);

/** The role id a rejected row names, if its identifying cells are valid on their own. */
function identifyRole(line: number, fields: readonly string[], layout: ColumnLayout, width: number): string | undefined {
  const checked = checkRow(line, fields, layout.filter((l) => IDENTITY.has(l.column.header)), width);
  if (!('row' in checked)) return undefined;
  return roleId(checked.row.npi, locationKey(checked.row), checked.row.networkId);
}
