import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_OPTIONAL_DEPENDENCIES } from './dependency-policy.js';
import { resolvePackages, type ResolveOptions } from './resolve-packages.js';
import { TEST_PACKAGE_DIRS, tempDir, writeFakePackageDir, writeFakePackageTgz } from './test-packages.js';

async function options(packageDirs: string[]): Promise<ResolveOptions> {
  return {
    packageDirs,
    cacheDir: await tempDir(),
    registries: [],
    fetchTimeoutMs: 500,
    download: false,
    optionalDependencies: DEFAULT_OPTIONAL_DEPENDENCIES,
  };
}
const keys = (refs: readonly { manifest: { name: string; version: string } }[]) => refs.map((p) => `${p.manifest.name}#${p.manifest.version}`);

describe('resolvePackages', () => {
  it('follows dependencies transitively and orders them first', async () => {
    const dir = await tempDir();
    await writeFakePackageTgz(dir, { id: 'example.top', version: '1.0.0', dependencies: { 'example.middle': '2.0.0', 'hl7.fhir.r4.core': '4.0.1' } });
    await writeFakePackageTgz(dir, { id: 'example.middle', version: '2.0.0', dependencies: { 'example.bottom': '3.0.0' } });
    await writeFakePackageDir(dir, { id: 'example.bottom', version: '3.0.0' });
    const resolved = await resolvePackages([{ id: 'example.top', version: '1.0.0' }], await options([dir]));
    assert.deepEqual(keys(resolved.packages), ['example.bottom#3.0.0', 'example.middle#2.0.0', 'example.top#1.0.0']);
    assert.deepEqual(resolved.missing, []);
    assert.deepEqual(resolved.coreVersions, ['4.0.1'], 'core is noted, not loaded as a package');
  });

  it('maps version-suffixed aliases to the real package (Plan-Net 1.2.0 style) and loads two versions side by side', async () => {
    const dir = await tempDir();
    await writeFakePackageTgz(dir, {
      id: 'example.directory',
      version: '1.2.0',
      dependencies: { 'hl7.fhir.us.core.v311': '3.1.1', 'hl7.fhir.us.core.v610': '6.1.0' },
    });
    const resolved = await resolvePackages([{ id: 'example.directory', version: '1.2.0' }], await options([dir, ...TEST_PACKAGE_DIRS]));
    assert.deepEqual(resolved.missing, []);
    assert.deepEqual(keys(resolved.packages).filter((k) => k.startsWith('hl7.fhir.us.core')), ['hl7.fhir.us.core#3.1.1', 'hl7.fhir.us.core#6.1.0']);
  });

  it('returns missing required dependencies with who needs them', async () => {
    const dir = await tempDir();
    await writeFakePackageTgz(dir, { id: 'example.parent', version: '1.0.0', dependencies: { 'hl7.fhir.us.davinci-hrex': '9.0.0' } });
    const resolved = await resolvePackages([{ id: 'example.parent', version: '1.0.0' }], await options([dir]));
    assert.equal(resolved.missing.length, 1);
    assert.deepEqual(resolved.missing[0]?.ref, { id: 'hl7.fhir.us.davinci-hrex', version: '9.0.0' });
    assert.deepEqual(resolved.missing[0]?.requiredBy, ['example.parent#1.0.0']);
    assert.ok(resolved.missing[0]?.looked.some((p) => p.endsWith('hl7.fhir.us.davinci-hrex-9.0.0.tgz')));
  });

  it('uses the nearest local version of a required dependency whose exact version is nowhere', async () => {
    const dir = await tempDir();
    await writeFakePackageTgz(dir, { id: 'example.directory', version: '1.2.0', dependencies: { 'example.exchange': '1.1.0' } });
    await writeFakePackageTgz(dir, { id: 'example.other', version: '1.0.0', dependencies: { 'example.exchange': '1.1.0' } });
    await writeFakePackageTgz(dir, { id: 'example.exchange', version: '1.0.0' });
    await writeFakePackageTgz(dir, { id: 'example.exchange', version: '0.9.0' });
    const opts = await options([dir]);
    await writeFakePackageDir(opts.cacheDir, { id: 'example.exchange', version: '2.0.0' }, 'example.exchange#2.0.0');
    const resolved = await resolvePackages([{ id: 'example.directory', version: '1.2.0' }, { id: 'example.other', version: '1.0.0' }], opts);
    assert.deepEqual(resolved.missing, []);
    // Lowest above the wanted version (2.0.0, from the cache) over the highest below it (1.0.0).
    assert.deepEqual(keys(resolved.packages), ['example.exchange#2.0.0', 'example.directory#1.2.0', 'example.other#1.0.0']);
    assert.deepEqual(resolved.substituted.map((s) => ({ ...s, requiredBy: [...s.requiredBy].sort() })), [{
      wanted: { id: 'example.exchange', version: '1.1.0' },
      used: { id: 'example.exchange', version: '2.0.0' },
      requiredBy: ['example.directory#1.2.0', 'example.other#1.0.0'],
    }]);
  });

  it('keeps a requested package exact, even when another version is here', async () => {
    const dir = await tempDir();
    await writeFakePackageTgz(dir, { id: 'example.exchange', version: '1.0.0' });
    const resolved = await resolvePackages([{ id: 'example.exchange', version: '1.1.0' }], await options([dir]));
    assert.deepEqual(resolved.packages, []);
    assert.deepEqual(resolved.substituted, []);
    assert.deepEqual(resolved.missing.map((m) => `${m.ref.id}#${m.ref.version} <- ${m.requiredBy.join()}`), ['example.exchange#1.1.0 <- the requested package list']);
  });

  it('skips optional dependencies (terminology) without looking them up, even when present', async () => {
    const dir = await tempDir();
    await writeFakePackageTgz(dir, { id: 'example.ig', version: '1.0.0', dependencies: { 'hl7.terminology.r4': '5.0.0', 'us.nlm.vsac': '0.7.0' } });
    await writeFakePackageTgz(dir, { id: 'hl7.terminology.r4', version: '5.0.0' });
    const resolved = await resolvePackages([{ id: 'example.ig', version: '1.0.0' }], await options([dir]));
    assert.deepEqual(keys(resolved.packages), ['example.ig#1.0.0']);
    assert.deepEqual(resolved.missing, []);
    assert.deepEqual(resolved.skipped.map((s) => `${s.ref.id}#${s.ref.version} <- ${s.requiredBy.join()}`).sort(), [
      'hl7.terminology.r4#5.0.0 <- example.ig#1.0.0',
      'us.nlm.vsac#0.7.0 <- example.ig#1.0.0',
    ]);
  });

  it('loads an optional-pattern package when it is asked for explicitly', async () => {
    const dir = await tempDir();
    await writeFakePackageTgz(dir, { id: 'hl7.terminology.r4', version: '5.0.0' });
    const resolved = await resolvePackages([{ id: 'hl7.terminology.r4', version: '5.0.0' }], await options([dir]));
    assert.deepEqual(keys(resolved.packages), ['hl7.terminology.r4#5.0.0']);
    assert.deepEqual(resolved.skipped, []);
  });

  it('survives a dependency cycle', async () => {
    const dir = await tempDir();
    await writeFakePackageTgz(dir, { id: 'example.a', version: '1.0.0', dependencies: { 'example.b': '1.0.0' } });
    await writeFakePackageTgz(dir, { id: 'example.b', version: '1.0.0', dependencies: { 'example.a': '1.0.0' } });
    const resolved = await resolvePackages([{ id: 'example.a', version: '1.0.0' }], await options([dir]));
    assert.deepEqual(keys(resolved.packages), ['example.b#1.0.0', 'example.a#1.0.0']);
  });
});
