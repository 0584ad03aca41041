/**
 * Oracle suite: generated data, generated queries; every answer of the SQL search must equal
 * the in-memory matcher's (an independent statement of the same FHIR rules), on every dialect.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { type Registry, type SearchQuery, matchesAll, parseSearch } from '@payerport/fhir';
import { testIndexer } from '@payerport/fhir/testing';
import type { Store } from '../store.js';
import { forEachDialect } from '../test-dialects.js';
import { oracleQueries, oracleResources, prng } from './test-oracle-data.js';
import { openSearchStore, searchRegistry } from './test-search-setup.js';

const resources = oracleResources(prng(7), 60);
const queries = oracleQueries(prng(11), 150);

forEachDialect('search oracle', (open) => {
  let store: Store;
  let registry: Registry;
  before(async () => {
    registry = await searchRegistry();
    store = await openSearchStore(open);
    // bulkLoad, like an import, refreshes the planner statistics: without any, PostgreSQL nests
    // loops through the materialized chains and takes seconds even on this small data set.
    await store.bulkLoad('sandbox', resources);
  });

  it(`answers ${queries.length} generated queries like the in-memory matcher`, async () => {
    const indexer = await testIndexer();
    const byKey = new Map(resources.map((r) => [`${r.resourceType}/${r.id}`, r]));
    const ctx = { indexer, resolve: (type: string, id: string) => byKey.get(`${type}/${id}`), all: () => resources };
    const failures: string[] = [];
    let informative = 0;
    // Each query twice: unsorted (walked rid windows, correlated conditions) and sorted by _id
    // (every match collected, materialized conditions) — two compilations of the same filters.
    for (const qs of queries.flatMap((q) => [q, `${q}&_sort=_id`])) {
      const [type, rest] = qs.split('?') as [string, string];
      const query: SearchQuery = parseSearch(registry, type, [...new URLSearchParams(rest)], { lenient: false, defaultCount: 1000, maxCount: 1000 });
      const got = (await store.search('sandbox', query)).matches.map((m) => m.id).sort();
      const want = resources.filter((r) => r.resourceType === type && matchesAll(r, query.filters, ctx)).map((r) => r.id as string).sort();
      const ofType = resources.filter((r) => r.resourceType === type).length;
      if (want.length > 0 && want.length < ofType) informative++;
      if (JSON.stringify(got) !== JSON.stringify(want)) failures.push(`${qs}\n  sql:     ${got.join(' ')}\n  matcher: ${want.join(' ')}`);
      // The same answer in pages of 3 through the cursor: the first-page plans (driving index
      // walks, correlated windows) and their fall-backs, each page continuing where the last stopped.
      const paged: string[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 40; pages++) {
        const result = await store.search('sandbox', { ...query, count: 3, cursor });
        paged.push(...result.matches.map((m) => m.id));
        cursor = result.nextCursor;
        if (cursor === undefined) break;
      }
      if (JSON.stringify(paged.sort()) !== JSON.stringify(want)) failures.push(`${qs} in pages of 3\n  sql:     ${paged.join(' ')}\n  matcher: ${want.join(' ')}`);
    }
    assert.deepEqual(failures, []);
    // Guard against a vacuous oracle: most queries must select some but not all resources.
    assert.ok(informative > queries.length * 2 * 0.6, `only ${informative} of ${queries.length} queries were selective`);
  });
});
