/**
 * Reads an extracted FHIR package folder (the `package` directory of `~/.fhir/packages/<id>#<version>/`)
 * into memory, with the same shape as a tarball read.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { classifyPackagePath, parseManifest, type PackageFiles } from './package-files.js';
import type { PackageRef } from './package-ref.js';

/** Reads `<dir>/*.json` and `<dir>/example/*.json` of an extracted package and checks its package.json. */
export async function readPackageDir(dir: string, expected: PackageRef): Promise<PackageFiles> {
  const [manifestBytes, index] = await Promise.all([readOptional(join(dir, 'package.json')), readOptional(join(dir, '.index.json'))]);
  const manifest = parseManifest(manifestBytes, dir, expected);
  const [root, examples] = await Promise.all([readJsonFiles(dir, ''), readJsonFiles(join(dir, 'example'), 'example/')]);
  return { manifest, location: dir, root, examples, index };
}

function readOptional(path: string): Promise<Buffer | undefined> {
  return readFile(path).catch(() => undefined);
}

/** The resource files of one folder (the folder may be absent: most packages have no example/ in old layouts). */
async function readJsonFiles(dir: string, prefix: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const wanted = entries
    .filter((e) => e.isFile() && classifyPackagePath(prefix + e.name)?.folder === (prefix ? 'examples' : 'root'))
    .map((e) => e.name);
  const contents = await Promise.all(wanted.map((name) => readFile(join(dir, name))));
  return new Map(wanted.map((name, i) => [name, contents[i]!]));
}
