/**
 * A roster CSV → an `ImportPlan`: rows read and checked, rows naming a network the environment
 * does not have rejected, the rest merged into Plan-Net resources. Reads the store, never writes.
 */
import type { CsvItem } from './csv-parser.js';
import type { ImportPlan, RejectedRow } from './import-plan.js';
import { mergeRows } from './merge-rows.js';
import { readRosterRows } from './read-roster-rows.js';
import { locationKey, roleId } from './resource-ids.js';
import type { RosterRow } from './roster-columns.js';

export interface PlanRosterOptions {
  /** YYYY-MM-DD: roles whose effective_end is before it are imported as ended (end-dated, then deleted). */
  readonly today: string;
  /** Which of `ids` exist (and are not deleted) as Organization resources in the environment. */
  readonly existingNetworks: (ids: readonly string[]) => Promise<ReadonlySet<string>>;
  readonly onRow?: (count: number, done?: boolean) => void;
}

export async function planRoster(items: AsyncIterable<CsvItem>, options: PlanRosterOptions): Promise<ImportPlan> {
  const read = await readRosterRows(items, options.onRow);
  const base = { rows: read.count, unidentifiedRows: read.unidentifiedRows };
  if (read.fatal) return { ...base, resources: [], rejected: read.rejected, listedRoleIds: read.rejectedRoleIds, fatal: read.fatal };

  const existing = await options.existingNetworks([...new Set(read.rows.map((r) => r.networkId))]);
  const rejected: RejectedRow[] = [...read.rejected];
  const known: RosterRow[] = [];
  // Rows rejected here or in the merge still name their role: --full must not end it.
  const listed = new Set(read.rejectedRoleIds);
  for (const r of read.rows) {
    if (existing.has(r.networkId)) {
      known.push(r);
      continue;
    }
    rejected.push({ line: r.line, reason: `network_id ${JSON.stringify(r.networkId)}: no Organization/${r.networkId} in this environment` });
    listed.add(roleId(r.npi, locationKey(r), r.networkId));
  }
  const merged = mergeRows(known, options.today);
  for (const id of merged.roleIds) listed.add(id);
  rejected.push(...merged.rejected);
  rejected.sort((a, b) => a.line - b.line);
  return { ...base, resources: merged.resources, rejected, listedRoleIds: listed };
}
