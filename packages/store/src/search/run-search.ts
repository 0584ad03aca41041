import type { SearchQuery } from '@payerport/fhir';
import type { SqlExecutor } from '../sql/executor.js';
import type { SearchResult } from '../store.js';

/** What search compilation needs from the store. */
export interface SearchContext {
  readonly exec: SqlExecutor;
  readonly envId: number;
  /** The integer id of (resource type, parameter code) in `search_param`, if that parameter is indexed. */
  paramId(resourceType: string, code: string): number | undefined;
}

/** Compiles a parsed search to SQL over the index tables and runs it (matches, includes, total, cursors). */
export async function runSearch(ctx: SearchContext, query: SearchQuery): Promise<SearchResult> {
  void ctx; void query;
  throw new Error('runSearch not implemented yet');
}
