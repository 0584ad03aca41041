/**
 * The flat list of a StructureDefinition snapshot as a tree: each element with its children
 * (by path) and its named slices (same path, `id` ending in `:sliceName`).
 * https://hl7.org/fhir/R4/elementdefinition.html#id
 */
import { isObject, type Json } from './json-value.js';

export interface ElementNode {
  readonly def: Json;
  readonly id: string;
  /** Last path segment: `code`, `value[x]`. */
  readonly name: string;
  readonly children: ElementNode[];
  readonly slices: ElementNode[];
}

/** The snapshot's root element node, with the whole tree below it; undefined without a snapshot. */
export function elementTree(sd: Json): ElementNode | undefined {
  const snapshot = isObject(sd.snapshot) ? sd.snapshot : undefined;
  const elements = Array.isArray(snapshot?.element) ? (snapshot.element as unknown[]).filter(isObject) : [];
  const byId = new Map<string, ElementNode>();
  let root: ElementNode | undefined;
  for (const def of elements) {
    const path = String(def.path ?? '');
    const id = typeof def.id === 'string' ? def.id : path;
    const node: ElementNode = { def, id, name: path.slice(path.lastIndexOf('.') + 1), children: [], slices: [] };
    byId.set(id, node);
    if (root === undefined) {
      root = node;
      continue;
    }
    const sliceName = typeof def.sliceName === 'string' ? def.sliceName : undefined;
    // A slice hangs off the element it slices (its id without `:sliceName`); a reslice `a/b` off slice `a`.
    const parentId = sliceName !== undefined && id.endsWith(`:${sliceName}`)
      ? reslicedBase(id.slice(0, id.length - sliceName.length - 1), sliceName)
      : id.slice(0, id.lastIndexOf('.'));
    const parent = byId.get(parentId);
    if (!parent) continue; // an element whose parent is missing cannot be placed; snapshots are complete, so this is a malformed profile
    (sliceName !== undefined && id.endsWith(`:${sliceName}`) ? parent.slices : parent.children).push(node);
  }
  return root;
}

/** For reslice `x:a/b` the base is slice `x:a`. */
function reslicedBase(base: string, sliceName: string): string {
  const slash = sliceName.lastIndexOf('/');
  return slash < 0 ? base : `${base}:${sliceName.slice(0, slash)}`;
}
