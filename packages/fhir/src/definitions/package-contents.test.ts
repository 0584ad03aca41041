import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { packageContents, unpack } from './package-contents.js';
import type { PackageFiles } from './package-files.js';

const json = (value: object): Buffer => Buffer.from(JSON.stringify(value));

function files(root: Record<string, object>, options: { index?: object; examples?: Record<string, object> } = {}): PackageFiles {
  return {
    manifest: { name: 'example.ig', version: '2.0.0', title: 'From package.json', date: '20240102030405', dependencies: {} },
    location: '/somewhere/example.ig-2.0.0.tgz',
    root: new Map(Object.entries(root).map(([name, value]) => [name, json(value)])),
    examples: new Map(Object.entries(options.examples ?? {}).map(([name, value]) => [name, json(value)])),
    index: options.index ? json(options.index) : undefined,
  };
}

const ig = {
  resourceType: 'ImplementationGuide',
  id: 'example.ig',
  url: 'http://example.org/ImplementationGuide/example.ig',
  packageId: 'example.ig',
  title: 'Example IG',
  definition: { resource: [{ reference: { reference: 'Patient/flagged' }, exampleBoolean: true }, { reference: { reference: 'SearchParameter/sp' } }] },
};
const sp = { resourceType: 'SearchParameter', id: 'sp', url: 'http://example.org/SearchParameter/sp', version: '2.0.0', code: 'x', base: ['Patient'], type: 'token' };
const profile = {
  resourceType: 'StructureDefinition', id: 'p', url: 'http://example.org/StructureDefinition/p', version: '2.0.0', name: 'ExamplePatient',
  kind: 'resource', type: 'Patient', derivation: 'constraint', snapshot: { element: [] },
};
const extension = { ...profile, id: 'e', url: 'http://example.org/StructureDefinition/e', kind: 'complex-type', type: 'Extension' };
const statement = { resourceType: 'CapabilityStatement', id: 'server', url: 'http://example.org/CapabilityStatement/server' };

describe('packageContents', () => {
  const contents = packageContents(files({
    'ImplementationGuide-example.ig.json': ig,
    'SearchParameter-sp.json': sp,
    'StructureDefinition-p.json': profile,
    'StructureDefinition-e.json': extension,
    'CapabilityStatement-server.json': statement,
    'Patient-flagged.json': { resourceType: 'Patient', id: 'flagged' },
  }, { examples: { 'Patient-a.json': { resourceType: 'Patient', id: 'a' } } }));

  it('describes the package from its ImplementationGuide', () => {
    assert.deepEqual(contents.info, {
      id: 'example.ig', version: '2.0.0', location: '/somewhere/example.ig-2.0.0.tgz',
      igUrl: 'http://example.org/ImplementationGuide/example.ig', title: 'Example IG',
    });
    assert.equal(contents.source, 'example.ig@2.0.0');
    assert.equal(contents.date, '20240102030405');
  });

  it('collects search parameters, resource profiles (not extensions) and capability statements', () => {
    assert.deepEqual(contents.searchParameters.map((s) => s.url), [sp.url]);
    assert.deepEqual(contents.profiles.map((p) => p.url), [profile.url]);
    assert.deepEqual(contents.capabilityStatements.map((c) => [c.url, c.source]), [[statement.url, 'example.ig@2.0.0']]);
  });

  it('treats example/ files and IG-flagged root files as examples, not definitions', () => {
    const ids = contents.examples.map((packed) => (JSON.parse(unpack(packed).toString()) as { id: string }).id).sort();
    assert.deepEqual(ids, ['a', 'flagged']);
    assert.equal(contents.canonicals.some((c) => c.url.includes('flagged')), false);
  });

  it('parses canonical resources on demand, once', () => {
    const entry = contents.canonicals.find((c) => c.url === profile.url);
    assert.equal(entry?.version, '2.0.0');
    const first = entry?.load();
    assert.equal(first?.name, 'ExamplePatient');
    assert.equal(entry?.load(), first);
  });

  it('trusts .index.json to say what each file is', () => {
    const indexed = packageContents(files({ 'odd-name.json': sp }, {
      index: { 'index-version': 1, files: [{ filename: 'odd-name.json', resourceType: 'SearchParameter', id: 'sp', url: 'http://example.org/from-index' }] },
    }));
    assert.deepEqual(indexed.canonicals.map((c) => c.url), ['http://example.org/from-index']);
    assert.equal(indexed.info.title, 'From package.json', 'no IG: the package.json title');
  });
});
