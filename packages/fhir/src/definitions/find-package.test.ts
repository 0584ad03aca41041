import assert from 'node:assert/strict';
import { copyFile, mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { findPackage, type FindPackageOptions } from './find-package.js';
import { TEST_PACKAGE_DIRS, tempDir, writeFakePackageDir, writeFakePackageTgz } from './test-packages.js';

const fake = { id: 'example.fhir.fake', version: '1.2.3', resources: { 'SearchParameter-x.json': { resourceType: 'SearchParameter', url: 'http://example.org/sp' } } };
const ref = { id: fake.id, version: fake.version };

async function options(packageDirs: string[], overrides: Partial<FindPackageOptions> = {}): Promise<FindPackageOptions> {
  return { packageDirs, cacheDir: await tempDir(), registries: [], fetchTimeoutMs: 1000, download: false, ...overrides };
}

describe('findPackage', () => {
  it('reads <id>-<version>.tgz from a package directory', async () => {
    const dir = await tempDir();
    const file = await writeFakePackageTgz(dir, fake);
    const result = await findPackage(ref, await options([dir]));
    assert.equal(result.files?.location, file);
    assert.equal(result.files?.manifest.version, '1.2.3');
    assert.ok(result.files?.root.has('SearchParameter-x.json'));
  });

  it('reads a real IG tarball from the shared packages', async () => {
    const result = await findPackage({ id: 'hl7.fhir.us.davinci-hrex', version: '1.0.0' }, await options([...TEST_PACKAGE_DIRS]));
    assert.match(result.files?.location ?? '', /hl7\.fhir\.us\.davinci-hrex-1\.0\.0\.tgz$/);
    assert.ok(result.files?.root.has('SearchParameter-hrex-coverage-subscriberId.json'));
    assert.ok(result.files?.index, 'the .index.json is kept');
    assert.ok((result.files?.examples.size ?? 0) > 0);
  });

  it('reads the <id>#<version>/package and <id>-<version>/package folder layouts', async () => {
    const dir = await tempDir();
    const folder = await writeFakePackageDir(dir, fake, `${fake.id}#${fake.version}`);
    assert.equal((await findPackage(ref, await options([dir]))).files?.location, folder);

    const other = await tempDir();
    const dashed = await writeFakePackageDir(other, fake);
    assert.equal((await findPackage(ref, await options([other]))).files?.location, dashed);
  });

  it('looks in the package directories, in order, before the cache', async () => {
    const [first, second] = [await tempDir(), await tempDir()];
    await writeFakePackageTgz(second, fake);
    const opts = await options([first, second]);
    await writeFakePackageDir(opts.cacheDir, fake, `${fake.id}#${fake.version}`);
    assert.equal((await findPackage(ref, opts)).files?.location, join(second, 'example.fhir.fake-1.2.3.tgz'));
    assert.equal((await findPackage(ref, await options([first], { cacheDir: opts.cacheDir }))).files?.location,
      join(opts.cacheDir, 'example.fhir.fake#1.2.3', 'package'));
  });

  it('reports every place looked when the package is absent', async () => {
    const dir = await tempDir();
    const result = await findPackage(ref, await options([dir]));
    assert.equal(result.files, undefined);
    assert.deepEqual(result.looked?.slice(0, 3), [
      join(dir, 'example.fhir.fake#1.2.3', 'package'),
      join(dir, 'example.fhir.fake-1.2.3.tgz'),
      join(dir, 'example.fhir.fake-1.2.3', 'package'),
    ]);
    assert.equal(result.looked?.length, 4, 'plus the cache');
  });

  it('refuses a file that holds another package than its name says', async () => {
    const dir = await tempDir();
    const file = await writeFakePackageTgz(dir, { ...fake, version: '9.9.9' });
    await rename(file, join(dir, 'example.fhir.fake-1.2.3.tgz'));
    await assert.rejects(findPackage(ref, await options([dir])), /contains example\.fhir\.fake#9\.9\.9, expected example\.fhir\.fake#1\.2\.3/);
  });

  it('refuses a corrupt tarball with its path in the message', async () => {
    const dir = await tempDir();
    await mkdir(dir, { recursive: true });
    await copyFile(new URL(import.meta.url), join(dir, 'example.fhir.fake-1.2.3.tgz'));
    await assert.rejects(findPackage(ref, await options([dir])), /example\.fhir\.fake-1\.2\.3\.tgz/);
  });
});
