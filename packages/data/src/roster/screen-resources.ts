/**
 * Before anything is written: runs the profile validation hook on every planned resource and
 * works out what cannot be written. A resource is dropped when it fails validation, when a
 * resource it requires is dropped, or when every line it came from is rejected; the lines of a
 * dropped resource are rejected in turn, until nothing changes.
 */
import { refOf, type PlannedResource } from './import-plan.js';
import type { Rejections } from './rejections.js';

/** Profile validation: the problems found in `resource`, none when it conforms. */
export type ValidateResource = (resource: Record<string, unknown>) => readonly string[] | Promise<readonly string[]>;

export async function screenResources(resources: readonly PlannedResource[], rejections: Rejections, validate?: ValidateResource): Promise<PlannedResource[]> {
  const dropped = new Set<string>();
  const drop = (r: PlannedResource, reason: string): void => {
    dropped.add(refOf(r.resource));
    for (const line of r.lines) rejections.add(line, reason);
  };
  if (validate) {
    for (const r of resources) {
      const problems = await validate(r.resource);
      if (problems.length > 0) drop(r, `${refOf(r.resource)} does not conform: ${problems.join('; ')}`);
    }
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const r of resources) {
      const ref = refOf(r.resource);
      if (dropped.has(ref)) continue;
      const missing = r.requires.find((q) => dropped.has(q));
      if (missing !== undefined) {
        drop(r, `${missing} cannot be written`);
        changed = true;
      } else if (r.lines.length > 0 && r.lines.every((l) => rejections.has(l))) {
        // Only rejected rows name it: nothing in the file vouches for it any more. No new rejections.
        dropped.add(ref);
        changed = true;
      }
    }
  }
  return resources.filter((r) => !dropped.has(refOf(r.resource)));
}
