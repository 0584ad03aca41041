import assert from 'node:assert/strict';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadRegistry, PackageNotFoundError } from './load-registry.js';
import type { RegistryLogger } from './registry-logger.js';
import { TEST_PACKAGE_DIRS, tempDir, writeFakePackageTgz } from './test-packages.js';

/** Loads `example.ig#1.0.0` with these dependencies (and other fake packages beside it), offline, with a fresh cache. */
async function loadExampleIg(dependencies: Record<string, string>, options: { logger?: RegistryLogger; beside?: { id: string; version: string }[] } = {}) {
  const dir = await tempDir();
  await writeFakePackageTgz(dir, { id: 'example.ig', version: '1.0.0', dependencies });
  for (const p of options.beside ?? []) await writeFakePackageTgz(dir, p);
  return loadRegistry({ packageDirs: [dir, ...TEST_PACKAGE_DIRS], cacheDir: await tempDir(), packages: ['example.ig#1.0.0'], download: false, ...(options.logger ? { logger: options.logger } : {}) });
}

describe('loadRegistry: missing packages', () => {
  it('fails fast on an unknown IG, naming it, every place looked, and how to provide it', async () => {
    const cacheDir = await tempDir();
    const started = performance.now();
    const error = await loadRegistry({
      packageDirs: TEST_PACKAGE_DIRS,
      cacheDir,
      packages: ['hl7.fhir.us.nothing#1.0.0'],
      fetchTimeoutMs: 3000,
    }).then(() => assert.fail('should not load'), (e: unknown) => e);
    assert.ok(performance.now() - started < 8000, 'within a few seconds, offline');
    assert.ok(error instanceof PackageNotFoundError);
    assert.deepEqual(error.missing.map((m) => `${m.ref.id}#${m.ref.version}`), ['hl7.fhir.us.nothing#1.0.0']);
    const message = error.message;
    assert.match(message, /hl7\.fhir\.us\.nothing#1\.0\.0, required by the requested package list/);
    for (const dir of TEST_PACKAGE_DIRS) assert.ok(message.includes(join(dir, 'hl7.fhir.us.nothing-1.0.0.tgz')), message);
    assert.ok(message.includes(join(cacheDir, 'hl7.fhir.us.nothing#1.0.0', 'package')), 'the cache');
    // Each registry in turn, with why it failed.
    assert.match(message, /https:\/\/packages\.fhir\.org\/hl7\.fhir\.us\.nothing\/1\.0\.0 \(download failed: /);
    assert.match(message, /https:\/\/registry\.npmjs\.org\/hl7\.fhir\.us\.nothing\/-\/hl7\.fhir\.us\.nothing-1\.0\.0\.tgz \(download failed: /);
    assert.match(message, /put hl7\.fhir\.us\.nothing-1\.0\.0\.tgz in a directory listed in FHIR_PACKAGES/);
    assert.match(message, /~\/\.fhir\/packages/);
  });

  it('names a missing non-terminology dependency and the package that needs it', async () => {
    await assert.rejects(
      loadExampleIg({ 'hl7.fhir.us.davinci-nowhere': '7.7.7' }),
      /hl7\.fhir\.us\.davinci-nowhere#7\.7\.7, required by example\.ig#1\.0\.0/,
    );
  });

  it('loads the nearest local version of a required dependency, with one warning naming both versions and who asked', async () => {
    const warnings: string[] = [];
    const registry = await loadExampleIg({ 'hl7.fhir.us.davinci-hrex': '7.7.7' }, { logger: { warn: (m) => warnings.push(m), info: () => undefined } });
    assert.ok(registry.packages().some((p) => `${p.id}#${p.version}` === 'hl7.fhir.us.davinci-hrex#1.0.0'));
    assert.deepEqual(warnings.filter((w) => w.startsWith('FHIR package ')), [
      'FHIR package hl7.fhir.us.davinci-hrex#7.7.7 (required by example.ig#1.0.0) was not found; using version 1.0.0, the nearest one available here',
    ]);
  });

  it('still wants the exact version of a package asked for by name', async () => {
    const error = await loadRegistry({ packageDirs: TEST_PACKAGE_DIRS, cacheDir: await tempDir(), packages: ['hl7.fhir.us.davinci-hrex#1.1.0'], download: false })
      .then(() => assert.fail('should not load'), (e: unknown) => e);
    assert.ok(error instanceof PackageNotFoundError);
    assert.deepEqual(error.missing.map((m) => `${m.ref.id}#${m.ref.version}`), ['hl7.fhir.us.davinci-hrex#1.1.0']);
  });

  it('lists all missing packages at once, including the base search parameters', async () => {
    const error = await loadRegistry({ packageDirs: [await tempDir()], cacheDir: await tempDir(), packages: ['hl7.fhir.us.core#3.1.1'], download: false })
      .then(() => assert.fail('should not load'), (e: unknown) => e);
    assert.ok(error instanceof PackageNotFoundError);
    assert.deepEqual(error.missing.map((m) => m.ref.id).sort(), ['hl7.fhir.r4.core', 'hl7.fhir.us.core']);
    assert.match(error.message, /put hl7\.fhir\.r4\.core-4\.0\.1-search-parameters\.json or hl7\.fhir\.r4\.core-4\.0\.1\.tgz in a directory/);
  });

  it('rejects a malformed package reference before looking for anything', async () => {
    await assert.rejects(loadRegistry({ packageDirs: TEST_PACKAGE_DIRS, packages: ['hl7.fhir.us.core'] }), /expected id#version/);
  });
});

describe('loadRegistry: optional dependencies', () => {
  it('warns about unavailable terminology dependencies instead of failing', async () => {
    const warnings: string[] = [];
    const registry = await loadExampleIg({ 'hl7.terminology.r4': '5.3.0', 'hl7.fhir.r4.core': '4.0.1' }, { logger: { warn: (m) => warnings.push(m), info: () => undefined } });
    assert.deepEqual(registry.packages().map((p) => p.id), ['hl7.fhir.r4.core', 'example.ig', 'payerport.fhir']);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /1 optional FHIR packages are not available.*hl7\.terminology\.r4#5\.3\.0 \(required by example\.ig#1\.0\.0\)/);
  });

  it('names the nearest local version of a skipped dependency', async () => {
    const infos: string[] = [];
    const registry = await loadExampleIg({ 'hl7.terminology.r4': '5.3.0' }, {
      beside: [{ id: 'hl7.terminology.r4', version: '7.0.1' }, { id: 'hl7.terminology.r4', version: '4.0.0' }],
      logger: { warn: (m) => assert.fail(m), info: (m) => infos.push(m) },
    });
    assert.ok(infos.some((m) => /hl7\.terminology\.r4#5\.3\.0 .*not loaded \(nearest version here: 7\.0\.1\)/.test(m)), infos.join('\n'));
    assert.equal(registry.packages().some((p) => p.id === 'hl7.terminology.r4'), false);
  });
});

describe('loadRegistry: sources', () => {
  it('loads an IG found only as a .tgz, with its search parameters, profiles and examples', async () => {
    const dir = await tempDir();
    await writeFakePackageTgz(dir, {
      id: 'example.directory',
      version: '0.9.0',
      dependencies: { 'hl7.fhir.us.core.v311': '3.1.1' },
      resources: {
        'SearchParameter-practitioner-accepting.json': {
          resourceType: 'SearchParameter', url: 'http://example.org/SearchParameter/practitioner-accepting', code: 'accepting',
          base: ['Practitioner'], type: 'token', expression: "Practitioner.extension('http://example.org/accepting').value",
        },
      },
      examples: { 'Practitioner-1.json': { resourceType: 'Practitioner', id: '1' } },
    });
    const registry = await loadRegistry({ packageDirs: [dir, ...TEST_PACKAGE_DIRS], cacheDir: await tempDir(), packages: ['example.directory#0.9.0'], download: false });
    assert.deepEqual(registry.packages().map((p) => `${p.id}#${p.version}`), ['hl7.fhir.r4.core#4.0.1', 'hl7.fhir.us.core#3.1.1', 'example.directory#0.9.0', 'payerport.fhir#0.1.0']);
    assert.equal(registry.searchParam('Practitioner', 'accepting')?.source, 'example.directory@0.9.0');
    assert.ok(registry.profiles('Practitioner').some((p) => p.url === 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-practitioner'));
    assert.ok([...registry.examples()].some((e) => e.source === 'example.directory@0.9.0' && e.resource.id === '1'));
  });
});

describe('loadRegistry: base search parameters', () => {
  it('takes them from a real hl7.fhir.r4.core package when there is no bundle file', async () => {
    const dir = await tempDir();
    const url = 'http://hl7.org/fhir/SearchParameter/individual-given';
    await writeFakePackageTgz(dir, {
      id: 'hl7.fhir.r4.core',
      version: '4.0.1',
      resources: {
        'SearchParameter-individual-given.json': {
          resourceType: 'SearchParameter', url, code: 'given', base: ['Patient', 'Practitioner'], type: 'string',
          expression: 'Patient.name.given | Practitioner.name.given',
        },
      },
    });
    const registry = await loadRegistry({ packageDirs: [dir], cacheDir: await tempDir(), packages: [], download: false });
    assert.equal(registry.searchParam('Practitioner', 'given')?.expression, 'Practitioner.name.given');
    assert.equal(registry.searchParam('Patient', 'family'), undefined, 'only what that package defines');
    assert.match(registry.packages()[0]!.location, /hl7\.fhir\.r4\.core-4\.0\.1\.tgz$/);
    assert.equal(registry.resolveCanonical(url)?.code, 'given');
  });
});

describe('loadRegistry: defaults', () => {
  it('uses ~/.fhir/packages as the cache when none is given', async () => {
    const error = await loadRegistry({ packageDirs: [await tempDir()], packages: ['example.absent#0.0.1'], download: false })
      .then(() => assert.fail('should not load'), (e: unknown) => e);
    assert.ok(error instanceof PackageNotFoundError);
    assert.ok(error.message.includes(join(homedir(), '.fhir', 'packages', 'example.absent#0.0.1', 'package')));
  });
});
