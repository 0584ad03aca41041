/**
 * Test helpers: where the real IG packages are (FHIR_PACKAGES, else ../shared/fhir-packages beside
 * the checkout), a shared default registry, and small fake packages written to temporary folders.
 */
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { c as createTar } from 'tar';
import { loadRegistry } from './load-registry.js';
import type { Registry } from './types.js';

/** Directories holding the real IG packages; absolute, as the loader reports them (FHIR_PACKAGES may be relative). */
export const TEST_PACKAGE_DIRS: readonly string[] = process.env.FHIR_PACKAGES
  ? process.env.FHIR_PACKAGES.split(delimiter).filter((d) => d !== '').map((d) => resolve(d))
  : [fileURLToPath(new URL('../../../../../shared/fhir-packages', import.meta.url))];

const created: string[] = [];
process.once('exit', () => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

/** A fresh, empty directory under the OS temp dir, removed when the test process exits. */
export async function tempDir(prefix = 'payerport-fhir-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

let defaultRegistry: Promise<Registry> | undefined;

/** What loading the default set logged (the start-up warnings an operator sees). */
export const defaultTestRegistryLog: { readonly warn: string[]; readonly info: string[] } = { warn: [], info: [] };

/**
 * The default IG set, loaded once per test file, the way the server loads it: TEST_PACKAGE_DIRS,
 * then the standard cache (~/.fhir/packages), then the registries. Plan-Net 1.2.0 is in no package
 * directory here, only on the npm registry: the first run downloads it into the cache (as
 * testRegistry() in ../testing.ts does); later runs, and machines that have it, work offline.
 * Tests that must not depend on the machine use fake packages and temporary caches instead.
 */
export function defaultTestRegistry(): Promise<Registry> {
  defaultRegistry ??= loadRegistry({
    packageDirs: TEST_PACKAGE_DIRS,
    logger: { warn: (m) => defaultTestRegistryLog.warn.push(m), info: (m) => defaultTestRegistryLog.info.push(m) },
  });
  return defaultRegistry;
}

export interface FakePackage {
  readonly id: string;
  readonly version: string;
  readonly dependencies?: Record<string, string>;
  /** Root resources, by file name. */
  readonly resources?: Record<string, Record<string, unknown>>;
  readonly examples?: Record<string, Record<string, unknown>>;
  readonly date?: string;
}

/** Writes `<dir>/<id>-<version>/package/...` (an extracted package) and returns the package folder. */
export async function writeFakePackageDir(dir: string, pkg: FakePackage, folderName = `${pkg.id}-${pkg.version}`): Promise<string> {
  const root = join(dir, folderName, 'package');
  await mkdir(join(root, 'example'), { recursive: true });
  const manifest = { name: pkg.id, version: pkg.version, date: pkg.date ?? '20240101000000', dependencies: pkg.dependencies ?? {} };
  await writeFile(join(root, 'package.json'), JSON.stringify(manifest));
  for (const [name, resource] of Object.entries(pkg.resources ?? {})) await writeFile(join(root, name), JSON.stringify(resource));
  for (const [name, resource] of Object.entries(pkg.examples ?? {})) await writeFile(join(root, 'example', name), JSON.stringify(resource));
  return root;
}

/** Writes `<dir>/<id>-<version>.tgz`, packed the way the FHIR registry publishes packages. */
export async function writeFakePackageTgz(dir: string, pkg: FakePackage): Promise<string> {
  const staging = await tempDir('payerport-fake-');
  await writeFakePackageDir(staging, pkg, 'pkg');
  const file = join(dir, `${pkg.id}-${pkg.version}.tgz`);
  await createTar({ gzip: true, cwd: join(staging, 'pkg'), file }, ['package']);
  return file;
}
