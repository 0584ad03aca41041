/** Test helpers: a generated directory held in memory, with lookups by reference and by type. */
import { syntheticDirectory, type DirectoryOptions, type DirectoryResource } from './synthetic-directory.js';

export interface HeldDirectory {
  readonly resources: readonly DirectoryResource[];
  readonly byRef: ReadonlyMap<string, DirectoryResource>;
  ofType(type: string): DirectoryResource[];
}

const held = new Map<string, HeldDirectory>();

/** The whole directory for `options`, generated once per process. */
export function holdDirectory(options: DirectoryOptions): HeldDirectory {
  const key = JSON.stringify(options);
  let directory = held.get(key);
  if (directory === undefined) {
    const resources = [...syntheticDirectory(options)];
    const byRef = new Map(resources.map((r) => [`${r.resourceType}/${r.id}`, r]));
    directory = { resources, byRef, ofType: (type) => resources.filter((r) => r.resourceType === type) };
    held.set(key, directory);
  }
  return directory;
}

/** Every `reference` string anywhere inside a value. */
export function referencesIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) referencesIn(item, found);
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'reference' && typeof inner === 'string') found.push(inner);
      else referencesIn(inner, found);
    }
  }
  return found;
}

type Json = Record<string, unknown>;

/** The extensions of `resource` (or an element) with this URL. */
export function extensions(element: unknown, url: string): Json[] {
  const list = (element as { extension?: Json[] }).extension ?? [];
  return list.filter((e) => e.url === url);
}

/** The code of the first coding of each CodeableConcept in `list`. */
export function codes(list: unknown): string[] {
  return ((list as { coding?: { code: string }[] }[] | undefined) ?? []).map((c) => c.coding?.[0]?.code ?? '');
}
