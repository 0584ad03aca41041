/**
 * Downloads a package from one registry (FHIR or npm layout, see package-registries.ts) into the
 * standard cache layout. Both layouts serve the same package tarball.
 */
import { mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { x as extract } from 'tar';
import { parseManifest } from './package-files.js';
import { cachePackageDir } from './package-locations.js';
import type { PackageRef } from './package-ref.js';
import { tarballUrl, type PackageRegistry } from './package-registries.js';

export interface DownloadOptions {
  readonly registry: PackageRegistry;
  readonly cacheDir: string;
  /** Time allowed for the registry to answer; short, so an offline start fails fast. */
  readonly timeoutMs: number;
  /** Time allowed for the whole body once the registry has answered (packages are a few MB). */
  readonly bodyTimeoutMs?: number;
}

/**
 * Downloads and extracts a package to `<cacheDir>/<id>#<version>/package`; returns that folder.
 * Throws an Error whose message says why (HTTP status, DNS failure, timeout).
 */
export async function downloadPackage(ref: PackageRef, options: DownloadOptions): Promise<string> {
  const tarball = await fetchTarball(tarballUrl(ref, options.registry), options);
  const target = cachePackageDir(ref, options.cacheDir);
  const packageRoot = dirname(target);
  await mkdir(options.cacheDir, { recursive: true });
  // Extract beside the final folder and rename, so a crash or a concurrent start never leaves half a package.
  const staging = await mkdtemp(join(options.cacheDir, `.download-${ref.id}#${ref.version}-`));
  try {
    await extractTo(staging, tarball).catch((error: Error) => {
      throw new Error(`the download is not a package tarball (${error.message})`, { cause: error });
    });
    const manifest = await readFile(join(staging, 'package', 'package.json')).catch(() => {
      throw new Error('the download is not a FHIR package (no package/package.json)');
    });
    // Checked before it enters the cache: a wrong package there would fail every later start.
    parseManifest(manifest, 'the download', ref);
    await rename(staging, packageRoot).catch(async (error: NodeJS.ErrnoException) => {
      // Another process filled the cache first: keep its copy.
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return target;
}

async function fetchTarball(url: string, options: DownloadOptions): Promise<Buffer> {
  const controller = new AbortController();
  let timer = setTimeout(() => controller.abort(new Error(`no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
  try {
    const response = await fetch(url, { signal: controller.signal, headers: { accept: 'application/tar+gzip, application/gzip, */*' } });
    clearTimeout(timer);
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
    const bodyTimeoutMs = options.bodyTimeoutMs ?? 120_000;
    timer = setTimeout(() => controller.abort(new Error(`download not finished within ${bodyTimeoutMs} ms`)), bodyTimeoutMs);
    return Buffer.from(await response.arrayBuffer());
  } catch (error) {
    throw new Error(describeFetchError(error, controller.signal), { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

/** undici reports DNS and connection failures as "fetch failed" with the real reason in `cause`. */
function describeFetchError(error: unknown, signal: AbortSignal): string {
  if (signal.aborted && signal.reason instanceof Error) return signal.reason.message;
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

function extractTo(cwd: string, tarball: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    // strict: a corrupt archive is an error, not a partial package; tar refuses absolute and `..` paths by default.
    const unpack = extract({ cwd, strict: true });
    unpack.on('close', () => resolve());
    unpack.on('error', reject);
    unpack.end(tarball);
  });
}
