/** Pages through every current resource of one type (no search parameters: the store's rid order). */
import type { SearchQuery } from '@payerport/fhir';
import type { SearchResult, StoredResource } from '@payerport/store';

export type RunSearch = (query: SearchQuery) => Promise<SearchResult>;

export async function* scanResources(search: RunSearch, type: string, pageSize = 1000): AsyncGenerator<StoredResource> {
  let cursor: string | undefined;
  do {
    const page = await search({
      type, filters: [], sort: [], count: pageSize, cursor, total: 'none', summary: undefined, elements: undefined,
      includes: [], revincludes: [], ignored: [],
    });
    yield* page.matches;
    cursor = page.nextCursor;
  } while (cursor !== undefined);
}
