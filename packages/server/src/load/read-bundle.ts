/**
 * Reads a Bundle file (https://hl7.org/fhir/R4/bundle.html) and checks each entry's resource
 * before anything is written; problems name the entry (`Bundle.entry[3]`).
 */
import { readFile } from 'node:fs/promises';
import { checkResource, type CheckOptions } from './check-resource.js';
import { parseJsonBody } from '../http/json-body.js';

export interface BundleFile {
  readonly bundle: Record<string, unknown>;
  readonly resources: Record<string, unknown>[];
  /** The entry index of each resource. */
  readonly entries: number[];
  readonly problems: { entry: number; reason: string; value?: unknown }[];
  readonly count: number;
}

/** The parsed Bundle, or a message saying why the file is not one. */
export async function readBundleFile(path: string): Promise<Record<string, unknown> | string> {
  let value: unknown;
  try {
    value = parseJsonBody(await readFile(path, 'utf8'), 'the file');
  } catch (error) {
    return `${path}: ${(error as Error).message}`;
  }
  const b = value as Record<string, unknown> | undefined;
  return b?.resourceType === 'Bundle' ? b : `${path}: expected a Bundle (or use a .ndjson file)`;
}

/** Checks every entry's resource of `bundle`. */
export function bundleEntries(bundle: Record<string, unknown>, types: ReadonlySet<string>, options: CheckOptions = {}): BundleFile {
  const list = Array.isArray(bundle.entry) ? (bundle.entry as Array<{ resource?: unknown } | null>) : [];
  const resources: Record<string, unknown>[] = [];
  const entries: number[] = [];
  const problems: BundleFile['problems'] = [];
  list.forEach((e, i) => {
    const problem = checkResource(e?.resource, types, options);
    if (problem) problems.push({ entry: i, reason: problem, value: e?.resource });
    else {
      resources.push(e!.resource as Record<string, unknown>);
      entries.push(i);
    }
  });
  return { bundle, resources, entries, problems, count: list.length };
}
