/**
 * Reads a FHIR package tarball (`<id>-<version>.tgz`, as published by the package registry)
 * straight into memory: no extraction, so nothing is written and start-up stays fast
 * (US Core 6.1.0, 1.7 MB compressed, reads in well under 100 ms).
 */
import { readFile } from 'node:fs/promises';
import { Parser, type ReadEntry } from 'tar';
import { classifyPackagePath, parseManifest, type PackageFiles } from './package-files.js';
import type { PackageRef } from './package-ref.js';

/** Reads the JSON files of a package .tgz into memory and checks its package.json. */
export async function readPackageTgz(path: string, expected: PackageRef): Promise<PackageFiles> {
  const root = new Map<string, Buffer>();
  const examples = new Map<string, Buffer>();
  let manifestBytes: Buffer | undefined;
  let index: Buffer | undefined;
  const pending: Promise<void>[] = [];

  const onReadEntry = (entry: ReadEntry): void => {
    const relative = entry.type === 'File' ? packageRelativePath(entry.path) : undefined;
    const isManifest = relative === 'package.json';
    const place = relative === undefined || isManifest ? undefined : classifyPackagePath(relative);
    // Skipped entries (xml/, openapi/, other/) are drained without being buffered.
    if (!isManifest && !place) {
      entry.resume();
      return;
    }
    pending.push(collect(entry).then((bytes) => {
      if (isManifest) manifestBytes = bytes;
      else if (place?.folder === 'index') index = bytes;
      else if (place) (place.folder === 'root' ? root : examples).set(place.name, bytes);
    }));
  };

  const data = await readFile(path);
  await new Promise<void>((resolve, reject) => {
    const parser = new Parser({ onReadEntry, strict: true });
    parser.on('end', resolve);
    parser.on('error', reject);
    parser.end(data);
  }).catch((error: Error) => {
    throw new Error(`${path} is not a readable package tarball: ${error.message}`, { cause: error });
  });
  await Promise.all(pending);

  const manifest = parseManifest(manifestBytes, path, expected);
  return { manifest, location: path, root, examples, index };
}

/** `package/x.json` → `x.json`; entries outside `package/` (rare, but seen in hand-made tarballs) are skipped. */
function packageRelativePath(entryPath: string): string | undefined {
  const normalized = entryPath.replace(/^\.\//, '');
  return normalized.startsWith('package/') ? normalized.slice('package/'.length) : undefined;
}

function collect(entry: ReadEntry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    entry.on('data', (chunk: Buffer) => chunks.push(chunk));
    entry.on('end', () => resolve(Buffer.concat(chunks)));
    entry.on('error', reject);
  });
}
