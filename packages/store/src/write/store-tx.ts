/** The `StoreTx` handed to `Store.transaction` callbacks: every call runs on the transaction's connection. */
import type { SearchQuery } from '@payerport/fhir';
import { loadBatch } from '../bulk/bulk-load.js';
import { readResource, readResources } from '../read/read-resource.js';
import { runSearch } from '../search/run-search.js';
import type { StoreTx } from '../store.js';
import { createResource, deleteResource, updateResource } from './write-resource.js';
import type { WriteContext } from './write-context.js';

/** A StoreTx over `ctx`, plus `end()`, after which any use rejects (the connection is no longer ours). */
export function createStoreTx(ctx: WriteContext): StoreTx & { end(): void } {
  let open = true;
  const live = (): WriteContext => {
    if (!open) throw new Error('This transaction has ended; use the store, or do the work inside the callback');
    return ctx;
  };
  return {
    read: async (type, id) => readResource(live().exec, ctx.envId, type, id),
    search: async (query: SearchQuery) => {
      const c = live();
      return runSearch({ exec: c.exec, envId: c.envId, paramId: (t, code) => c.paramId(t, code) }, query);
    },
    create: async (resource) => createResource(live(), resource),
    update: async (resource, options) => updateResource(live(), resource, options),
    delete: async (type, id, options) => deleteResource(live(), type, id, options),
    readMany: async (type, ids) => readResources(live().exec, ctx.envId, type, ids),
    writeMany: async (resources) => { await loadBatch(live(), resources); },
    end: () => { open = false; },
  };
}
