/**
 * The `search_param` table: a stable small integer `pid` per (resource type, code), used in
 * every index row instead of repeating the code. Synchronised with the active parameters at
 * open, then held in memory: `paramId` runs for every index row written.
 */
import { forEachChunk, valueTuples } from '../sql/batches.js';
import type { Backend } from '../sql/backend.js';
import type { SqlExecutor } from '../sql/executor.js';
import type { IndexedParam } from '../store-options.js';

// Parameters defined on Resource/DomainResource (`_id`, `_lastUpdated`, `_profile`, `_tag`…)
// apply to every type; a registry may list them once under the base type.
const BASE_TYPES = ['Resource', 'DomainResource'];

interface Row { pid: number; resource_type: string; code: string; param_type: string; url: string }

export class SearchParams {
  readonly #pids: Map<string, Map<string, number>>;

  private constructor(pids: Map<string, Map<string, number>>) {
    this.#pids = pids;
  }

  /** Inserts missing parameters, updates changed type/url, and loads the pids of `params`. */
  static async open(backend: Backend, params: ReadonlyArray<IndexedParam>): Promise<SearchParams> {
    const unique = new Map<string, IndexedParam>();
    for (const param of params) unique.set(`${param.resourceType}\u0000${param.code}`, param);

    const load = (exec: SqlExecutor) => exec.all<Row>('SELECT pid, resource_type, code, param_type, url FROM search_param');
    let rows = await load(backend.reader);
    const known = new Map(rows.map((row) => [`${row.resource_type}\u0000${row.code}`, row]));
    const missing = [...unique].filter(([key]) => !known.has(key)).map(([, param]) => param);
    const changed = [...unique].filter(([key, p]) => {
      const row = known.get(key);
      return row !== undefined && (row.param_type !== p.type || row.url !== p.url);
    }).map(([, param]) => param);
    // Usually nothing changed: no write at all, so several nodes can start at once without contention
    // (and PostgreSQL burns no identity values on conflicting inserts).
    if (missing.length > 0 || changed.length > 0) {
      rows = await backend.write(async (exec) => {
        await forEachChunk(missing, 128, async (chunk) => {
          await exec.run(
            `INSERT INTO search_param (resource_type, code, param_type, url) VALUES ${valueTuples(chunk.length, 4)} ON CONFLICT (resource_type, code) DO NOTHING`,
            chunk.flatMap((p) => [p.resourceType, p.code, p.type, p.url]),
          );
        });
        for (const p of changed) {
          await exec.run('UPDATE search_param SET param_type = ?, url = ? WHERE resource_type = ? AND code = ?', [p.type, p.url, p.resourceType, p.code]);
        }
        return load(exec);
      });
    }

    // Only the active parameters get a pid in memory: rows of a retired one are never written again.
    const pids = new Map<string, Map<string, number>>();
    for (const row of rows) {
      if (!unique.has(`${row.resource_type}\u0000${row.code}`)) continue;
      let byCode = pids.get(row.resource_type);
      if (byCode === undefined) pids.set(row.resource_type, (byCode = new Map()));
      byCode.set(row.code, row.pid);
    }
    return new SearchParams(pids);
  }

  /** The pid of (resourceType, code), falling back to parameters declared on the base types. */
  paramId(resourceType: string, code: string): number | undefined {
    const own = this.#pids.get(resourceType)?.get(code);
    if (own !== undefined) return own;
    for (const base of BASE_TYPES) {
      const pid = this.#pids.get(base)?.get(code);
      if (pid !== undefined) return pid;
    }
    return undefined;
  }
}
