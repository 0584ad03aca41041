/**
 * The formulary file and the drug-names file → a `FormularyPlan`. Rows are checked on their own
 * (cells, quantity-limit consistency), then against each other: an RXCUI the drug-names file does
 * not name, a second row for the same (formulary, RXCUI), or a row whose FORMULARY_VERSION or
 * CONTRACT_YEAR differs from its formulary's first row is rejected with its line number.
 */
import type { CsvItem } from '../roster/csv-parser.js';
import type { PlannedResource, RejectedRow } from '../roster/import-plan.js';
import { drugResource, formularyResource, itemResource } from './build-formulary-resources.js';
import { DRUG_COLUMNS, FORMULARY_COLUMNS, rowConsistency, type DrugRow, type FormularyRow } from './formulary-columns.js';
import { drugId, formularyResourceId } from './formulary-ids.js';
import type { FormularyPlan, FormularyVersionPlan } from './formulary-plan.js';
import { readTable } from './read-table.js';

export interface PlanFormularyCsvOptions {
  /** Formulary rows read so far: every 1000, and at the end with `done`. */
  readonly onRow?: (count: number, done?: boolean) => void;
}

export async function planFormularyCsv(formulary: AsyncIterable<CsvItem>, drugNames: AsyncIterable<CsvItem>, options: PlanFormularyCsvOptions = {}): Promise<FormularyPlan> {
  const drugsRead = await readTable(drugNames, DRUG_COLUMNS, (line, v) => ({ line, ...v }) as unknown as DrugRow);
  const drugRejected = [...drugsRead.rejected];
  const drugs = new Map<string, DrugRow>();
  for (const d of drugsRead.rows) {
    const earlier = drugs.get(d.rxcui);
    if (earlier === undefined) drugs.set(d.rxcui, d);
    else drugRejected.push({ line: d.line, reason: `RXCUI ${d.rxcui} repeats line ${earlier.line}` });
  }
  drugRejected.sort((a, b) => a.line - b.line);
  const drugFile = { rows: drugsRead.count, rejected: drugRejected };
  if (drugsRead.fatal) return { rows: 0, rejected: [], drugs: [], drugFile, formularies: [], fatal: drugsRead.fatal.map((p) => `drug-names file: ${p}`) };

  const read = await readTable(formulary, FORMULARY_COLUMNS, (line, v) => {
    const row = { line, ...v } as unknown as FormularyRow;
    const problems = rowConsistency(row);
    return problems.length > 0 ? problems : row;
  }, options.onRow);
  if (read.fatal) return { rows: read.count, rejected: read.rejected, drugs: [], drugFile, formularies: [], fatal: read.fatal.map((p) => `formulary file: ${p}`) };

  const rejected: RejectedRow[] = [...read.rejected];
  const groups: Groups = new Map();
  for (const row of read.rows) {
    const problem = crossCheck(row, drugs, groups);
    if (problem !== undefined) rejected.push({ line: row.line, reason: problem });
  }
  rejected.sort((a, b) => a.line - b.line);
  const plans: FormularyVersionPlan[] = [...groups.values()].map(({ first, rows }) => versionPlan(first, rows));
  const planned: PlannedResource[] = [...drugs.values()].map((d) => ({ resource: drugResource(d), lines: [d.line], requires: [] }));
  return { rows: read.count, rejected, drugs: planned, drugFile, formularies: plans };
}

type Groups = Map<string, { first: FormularyRow; rows: FormularyRow[]; seen: Map<string, number> }>;

/** Why `row` cannot join its formulary, or undefined (and it joins). */
function crossCheck(row: FormularyRow, drugs: ReadonlyMap<string, DrugRow>, groups: Groups): string | undefined {
  if (!drugs.has(row.rxcui)) return `RXCUI ${row.rxcui} is not in the drug-names file (or its row there was rejected)`;
  let group = groups.get(row.formularyId);
  if (group === undefined) groups.set(row.formularyId, group = { first: row, rows: [], seen: new Map() });
  const { first } = group;
  if (row.version !== first.version) return `FORMULARY_VERSION ${row.version} differs from ${first.version} on line ${first.line}, the first row of formulary ${row.formularyId}`;
  if (row.contractYear !== first.contractYear) return `CONTRACT_YEAR ${row.contractYear} differs from ${first.contractYear} on line ${first.line}, the first row of formulary ${row.formularyId}`;
  const earlier = group.seen.get(row.rxcui);
  if (earlier !== undefined) return `formulary ${row.formularyId} lists RXCUI ${row.rxcui} already on line ${earlier}`;
  group.seen.set(row.rxcui, row.line);
  group.rows.push(row);
  return undefined;
}

function versionPlan(first: FormularyRow, rows: readonly FormularyRow[]): FormularyVersionPlan {
  const formulary = formularyResource(first);
  const ref = `InsurancePlan/${formularyResourceId(first.formularyId)}`;
  return {
    resourceId: formularyResourceId(first.formularyId),
    version: first.version,
    formulary: { resource: formulary, lines: rows.map((r) => r.line), requires: [] },
    items: rows.map((r) => ({ resource: itemResource(r), lines: [r.line], requires: [ref, `MedicationKnowledge/${drugId(r.rxcui)}`] })),
  };
}
