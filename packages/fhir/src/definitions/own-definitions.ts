/**
 * payerport's own definitions, shipped with the code as a FHIR package (packages/fhir/definitions/):
 * SearchParameters for questions the IGs' parameters cannot answer in one request (accepting new
 * patients, open on a given day). Loaded after the IGs, like one more IG, so they reach search,
 * indexing and /metadata through the same tables — and with the same precedence rules, an IG
 * that later defines the same code wins (the base and newer packages outrank this one).
 */
import { fileURLToPath } from 'node:url';
import { packageContents, type PackageContents } from './package-contents.js';
import { parsePackageRef } from './package-ref.js';
import { readPackageDir } from './read-package-dir.js';

export const OWN_PACKAGE = 'payerport.fhir#0.1.0';

// Two levels up from src/definitions/ and from dist/definitions/ alike.
const OWN_PACKAGE_DIR = fileURLToPath(new URL('../../definitions/payerport.fhir-0.1.0/package', import.meta.url));

/** Reads the package (a handful of small files). */
export async function readOwnDefinitions(): Promise<PackageContents> {
  return packageContents(await readPackageDir(OWN_PACKAGE_DIR, parsePackageRef(OWN_PACKAGE)));
}
