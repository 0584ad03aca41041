import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { createFhirApi } from '@payerport/fhir-api';
import { forEachDialect } from '@payerport/store/testing';
import { environmentBases } from '../app/environments.js';
import { SANDBOX, openTestApp, type TestApp } from '../test-app.js';
import { LoadError, loadFile, type LoadTarget } from './load-file.js';

forEachDialect('payerport load', (open) => {
  let t: TestApp;
  let target: LoadTarget;
  const dir = mkdtempSync(join(tmpdir(), 'payerport-load-'));
  const file = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const versions = async (): Promise<number> => (await t.store.history('sandbox', { count: 1000 })).entries.length;

  before(async () => {
    t = await openTestApp(open);
    const api = createFhirApi({ registry: t.registry, store: t.store, environments: environmentBases(t.config.publicUrl), defaultCount: 20, maxCount: 100, writesEnabled: true });
    target = { store: t.store, api, types: new Set(t.registry.resourceTypes()), env: 'sandbox', baseUrl: SANDBOX };
  });
  after(() => t?.app.close());

  it('loads NDJSON and counts by type', async () => {
    const path = file('ok.ndjson', [
      JSON.stringify({ resourceType: 'Practitioner', id: 'nd-1' }),
      '',
      JSON.stringify({ resourceType: 'Practitioner', id: 'nd-2' }),
      JSON.stringify({ resourceType: 'Organization', name: 'no id yet' }),
    ].join('\n'));
    const report = await loadFile(path, target);
    assert.equal(report.loaded, 3);
    assert.deepEqual(report.byType, { Practitioner: 2, Organization: 1 });
    assert.ok(await t.store.read('sandbox', 'Practitioner', 'nd-2'));
  });

  it('reports bad lines by number and writes nothing', async () => {
    const before = await versions();
    const path = file('bad.ndjson', [
      JSON.stringify({ resourceType: 'Practitioner', id: 'bad-1' }),
      '{"resourceType":"Practitioner",',
      JSON.stringify({ resourceType: 'Nope', id: 'x' }),
      JSON.stringify({ resourceType: 'Practitioner', id: 'has space' }),
    ].join('\n'));
    await assert.rejects(loadFile(path, target), (error: unknown) => {
      assert.ok(error instanceof LoadError);
      assert.deepEqual(error.problems.map((p) => p.split(':')[0]), ['line 2', 'line 3', 'line 4']);
      return true;
    });
    assert.equal(await versions(), before);
    assert.equal(await t.store.read('sandbox', 'Practitioner', 'bad-1'), undefined);
  });

  it('runs a transaction Bundle with urn:uuid references, all or nothing', async () => {
    const path = file('txn.json', JSON.stringify({
      resourceType: 'Bundle', type: 'transaction', entry: [
        { fullUrl: 'urn:uuid:00000000-0000-4000-8000-00000000000a', resource: { resourceType: 'Organization', name: 'Loaded Org' }, request: { method: 'POST', url: 'Organization' } },
        { resource: { resourceType: 'Location', id: 'loaded-loc', managingOrganization: { reference: 'urn:uuid:00000000-0000-4000-8000-00000000000a' } }, request: { method: 'PUT', url: 'Location/loaded-loc' } },
      ],
    }));
    const report = await loadFile(path, target);
    assert.equal(report.loaded, 2);
    const loc = JSON.parse((await t.store.read('sandbox', 'Location', 'loaded-loc'))!.json);
    assert.match(loc.managingOrganization.reference, /^Organization\/[0-9a-f-]{36}$/);

    const before = await versions();
    const broken = file('broken.json', JSON.stringify({
      resourceType: 'Bundle', type: 'transaction', entry: [
        { resource: { resourceType: 'Organization', name: 'Never' }, request: { method: 'POST', url: 'Organization' } },
        { resource: { resourceType: 'Location', id: 'other' }, request: { method: 'PUT', url: 'Location/mismatch' } },
      ],
    }));
    await assert.rejects(loadFile(broken, target), LoadError);
    assert.equal(await versions(), before);
  });

  it('bulk-loads a collection Bundle and rejects one with a bad entry', async () => {
    const ok = file('collection.json', JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: { resourceType: 'Practitioner', id: 'col-1' } }] }));
    assert.equal((await loadFile(ok, target)).loaded, 1);
    const bad = file('collection-bad.json', JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: { resourceType: 'Practitioner', id: 'col-2' } }, { resource: 'x' }] }));
    await assert.rejects(loadFile(bad, target), /Bundle\.entry\[1\]/);
    assert.equal(await t.store.read('sandbox', 'Practitioner', 'col-2'), undefined);
    await assert.rejects(loadFile(file('not-bundle.json', '{"resourceType":"Patient"}'), target), LoadError);
  });
});
