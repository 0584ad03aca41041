/**
 * Writing the typed index rows of resources: one table per row kind, multi-row INSERTs in
 * chunks of fixed sizes (so the statement cache holds a handful of texts per table), and
 * per-resource deletion through the (rid, pid) index.
 */
import type { IndexRow } from '@payerport/fhir';
import { chunkSizes, placeholders, valueTuples } from '../sql/batches.js';
import type { SqlExecutor } from '../sql/executor.js';

type Kind = IndexRow['kind'];

/** Table and value columns (after env, pid, rid) of each row kind. */
const TABLES: { readonly [K in Kind]: { readonly table: string; readonly columns: readonly string[] } } = {
  string: { table: 'idx_string', columns: ['norm', 'exact'] },
  token: { table: 'idx_token', columns: ['system', 'code', 'text'] },
  reference: { table: 'idx_reference', columns: ['target_type', 'target_id', 'url', 'url_version', 'identifier_system', 'identifier_value'] },
  date: { table: 'idx_date', columns: ['low', 'high'] },
  number: { table: 'idx_number', columns: ['value', 'low', 'high'] },
  quantity: { table: 'idx_quantity', columns: ['system', 'code', 'unit', 'value', 'low', 'high'] },
  uri: { table: 'idx_uri', columns: ['uri'] },
  position: { table: 'idx_position', columns: ['latitude', 'longitude'] },
};

const KINDS = Object.keys(TABLES) as Kind[];

/** Every index table, for deletion and inspection. */
export const INDEX_TABLES: readonly string[] = KINDS.map((kind) => TABLES[kind].table);

// ≤ 64 rows × ≤ 9 columns stays far below both dialects' bound-parameter limits.
const MAX_ROWS_PER_INSERT = 64;
const MAX_RIDS_PER_DELETE = 256;

/** Appends a row's value columns, in TABLES order (a switch, not per-row arrays: bulk load runs this ~20× per resource). */
function pushValues(out: unknown[], row: IndexRow): void {
  switch (row.kind) {
    case 'string': out.push(row.norm, row.exact); break;
    case 'token': out.push(row.system ?? null, row.code ?? null, row.text ?? null); break;
    case 'reference':
      out.push(row.targetType ?? null, row.targetId ?? null, row.url ?? null, row.urlVersion ?? null, row.identifierSystem ?? null, row.identifierValue ?? null);
      break;
    case 'date': out.push(row.low, row.high); break;
    case 'number': out.push(row.value, row.low, row.high); break;
    case 'quantity': out.push(row.system ?? null, row.code ?? null, row.unit ?? null, row.value, row.low, row.high); break;
    case 'uri': out.push(row.uri); break;
    case 'position': out.push(row.latitude, row.longitude); break;
  }
}

/**
 * Accumulates index rows of one or many resources, then writes them with few statements.
 * Values are collected straight into parameter arrays of MAX_ROWS_PER_INSERT rows each, so
 * full chunks are bound without copying.
 */
export class IndexRowBuffer {
  readonly #chunks = new Map<Kind, unknown[][]>();
  readonly #paramId: (resourceType: string, code: string) => number | undefined;

  constructor(paramId: (resourceType: string, code: string) => number | undefined) {
    this.#paramId = paramId;
  }

  /** Adds the rows of resource `rid`; rows of parameters without a pid are skipped. */
  add(envId: number, rid: number, resourceType: string, rows: readonly IndexRow[]): void {
    for (const row of rows) {
      const pid = this.#paramId(resourceType, row.param);
      if (pid === undefined) continue;
      let chunks = this.#chunks.get(row.kind);
      if (chunks === undefined) this.#chunks.set(row.kind, (chunks = [[]]));
      let chunk = chunks[chunks.length - 1]!;
      // Chunks hold exactly MAX_ROWS_PER_INSERT rows, so full ones are bound without copying.
      if (chunk.length === MAX_ROWS_PER_INSERT * (TABLES[row.kind].columns.length + 3)) chunks.push((chunk = []));
      chunk.push(envId, pid, rid);
      pushValues(chunk, row);
    }
  }

  /**
   * Inserts the rows added so far and returns their number. With `partial: false` only full
   * chunks are written and each kind's last, partly filled chunk stays for the next call.
   */
  async flush(exec: SqlExecutor, options: { partial?: boolean } = {}): Promise<number> {
    const partial = options.partial ?? true;
    let written = 0;
    for (const [kind, chunks] of this.#chunks) {
      const { table, columns } = TABLES[kind];
      const width = columns.length + 3;
      const full = MAX_ROWS_PER_INSERT * width;
      const keep = !partial && chunks[chunks.length - 1]!.length < full ? chunks.pop() : undefined;
      for (const values of chunks) {
        const rows = values.length / width;
        let offset = 0;
        for (const size of chunkSizes(rows, MAX_ROWS_PER_INSERT)) {
          const params = size === rows ? values : values.slice(offset * width, (offset + size) * width);
          await exec.run(insertSql(table, columns, size), params);
          offset += size;
        }
        written += rows;
      }
      chunks.length = 0;
      chunks.push(keep ?? []);
    }
    return written;
  }
}

const insertTexts = new Map<string, string>();

/** The INSERT of `rows` rows into `table`, built once per (table, rows). */
function insertSql(table: string, columns: readonly string[], rows: number): string {
  const key = `${table}:${rows}`;
  let sql = insertTexts.get(key);
  if (sql === undefined) {
    sql = `INSERT INTO ${table} (env, pid, rid, ${columns.join(', ')}) VALUES ${valueTuples(rows, columns.length + 3)}`;
    insertTexts.set(key, sql);
  }
  return sql;
}

/** Removes every index row of the given resources. */
export async function deleteIndexRows(exec: SqlExecutor, rids: readonly number[]): Promise<void> {
  if (rids.length === 1) {
    for (const table of INDEX_TABLES) await exec.run(`DELETE FROM ${table} WHERE rid = ?`, rids);
    return;
  }
  let offset = 0;
  for (const size of chunkSizes(rids.length, MAX_RIDS_PER_DELETE)) {
    const chunk = rids.slice(offset, offset + size);
    for (const table of INDEX_TABLES) await exec.run(`DELETE FROM ${table} WHERE rid IN (${placeholders(size)})`, chunk);
    offset += size;
  }
}
