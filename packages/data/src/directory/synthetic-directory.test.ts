import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { isValidNpi } from './npi.js';
import { PROFILE } from './plannet-canonicals.js';
import { plannedCounts } from './planned-counts.js';
import { SANDBOX_DIRECTORY, syntheticDirectory, type DirectoryOptions } from './synthetic-directory.js';
import { codes, holdDirectory, referencesIn } from './test-directory.js';

function digest(options: DirectoryOptions): { hash: string; count: number } {
  const hash = createHash('sha256');
  let count = 0;
  for (const resource of syntheticDirectory(options)) {
    hash.update(JSON.stringify(resource));
    hash.update('\n');
    count++;
  }
  return { hash: hash.digest('hex'), count };
}

function countByType(options: DirectoryOptions): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of syntheticDirectory(options)) counts[r.resourceType] = (counts[r.resourceType] ?? 0) + 1;
  return counts;
}

describe('syntheticDirectory', () => {
  it('is reproducible: same options, byte-identical output; another seed, another directory', () => {
    const first = digest(SANDBOX_DIRECTORY);
    assert.deepEqual(digest({ ...SANDBOX_DIRECTORY }), first);
    assert.notEqual(digest({ ...SANDBOX_DIRECTORY, seed: 809 }).hash, first.hash);
  });

  it('keeps the sandbox preset at a few thousand resources', () => {
    const { total } = plannedCounts(SANDBOX_DIRECTORY);
    assert.ok(total > 2000 && total < 6000, String(total));
  });

  for (const options of [SANDBOX_DIRECTORY, { seed: 3, practitioners: 7 }, { seed: 4, practitioners: 2345 }]) {
    it(`makes exactly the planned number of each type (${JSON.stringify(options)})`, () => {
      const { total, ...planned } = plannedCounts(options);
      const actual = countByType(options);
      assert.deepEqual(actual, planned);
      assert.equal(Object.values(actual).reduce((a, b) => a + b, 0), total);
    });
  }

  it('sizes itself from an approximate total', () => {
    for (const size of [20_000, 1_000_000]) {
      const { total } = plannedCounts({ size });
      assert.ok(Math.abs(total - size) / size < 0.05, `size ${size} gave ${total}`);
    }
  });

  it('gives every resource a unique, valid, readable id', () => {
    const { resources } = holdDirectory(SANDBOX_DIRECTORY);
    const refs = resources.map((r) => `${r.resourceType}/${r.id}`);
    assert.equal(new Set(refs).size, refs.length);
    for (const r of resources) assert.match(r.id, /^[a-z]+(-[a-z0-9]+)+$/, r.id);
    assert.ok(refs.includes('Practitioner/pr-000123'));
  });

  it('resolves every reference within the generated set', () => {
    const { resources, byRef } = holdDirectory(SANDBOX_DIRECTORY);
    let references = 0;
    for (const r of resources) {
      for (const ref of referencesIn(r)) {
        assert.ok(byRef.has(ref), `${r.resourceType}/${r.id} refers to ${ref}, which was not generated`);
        references++;
      }
    }
    assert.ok(references > resources.length * 3);
  });

  it('generates referenced resources first (an endpoint comes just before the organization that manages it)', () => {
    const { resources } = holdDirectory(SANDBOX_DIRECTORY);
    const seen = new Set<string>();
    for (const r of resources) {
      const refs = referencesIn(r.resourceType === 'Endpoint' ? { ...r, managingOrganization: undefined } : r);
      for (const ref of refs) assert.ok(seen.has(ref), `${r.resourceType}/${r.id} refers to ${ref} before it is generated`);
      seen.add(`${r.resourceType}/${r.id}`);
    }
  });

  it('puts the right Plan-Net profile and lastUpdated in every meta', () => {
    const { resources } = holdDirectory(SANDBOX_DIRECTORY);
    for (const r of resources) {
      const isNetwork = r.resourceType === 'Organization' && codes(r.type)[0] === 'ntwk';
      const expected = isNetwork ? PROFILE.Network : PROFILE[r.resourceType as keyof typeof PROFILE];
      assert.deepEqual(r.meta, { lastUpdated: '2025-01-01T00:00:00Z', profile: [expected] }, `${r.resourceType}/${r.id}`);
    }
  });

  it('gives practitioners and provider organizations valid, distinct NPIs', () => {
    const { resources } = holdDirectory(SANDBOX_DIRECTORY);
    const npis = resources.flatMap((r) => ((r.identifier ?? []) as { system: string; value: string }[])
      .filter((id) => id.system === 'http://hl7.org/fhir/sid/us-npi').map((id) => id.value));
    assert.ok(npis.length > 600);
    for (const npi of npis) assert.ok(isValidNpi(npi), npi);
    assert.equal(new Set(npis).size, npis.length);
  });

  it('generates well over 100,000 resources a second (figure reported, floor kept low for shared CI cores)', (t) => {
    const started = performance.now();
    let n = 0;
    for (const _ of syntheticDirectory({ seed: 5, size: 200_000 })) n++;
    const perSecond = Math.round(n / ((performance.now() - started) / 1000));
    t.diagnostic(`${n} resources, ${perSecond} resources/s`);
    assert.ok(perSecond > 20_000, `${perSecond} resources/s`);
  });
});
