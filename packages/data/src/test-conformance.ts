/**
 * Test helper: generated resources against their `meta.profile` with the project's validator.
 * Each resource must be checked against exactly one profile; every error and warning comes back
 * as a line, with the profiles exercised.
 */
import assert from 'node:assert/strict';
import type { ResourceValidator } from '@payerport/fhir';

export function conformance(validator: ResourceValidator, resources: Iterable<Record<string, unknown>>): { problems: string[]; profiles: Set<string>; checked: number } {
  const problems: string[] = [];
  const profiles = new Set<string>();
  let checked = 0;
  for (const resource of resources) {
    const report = validator.validate(resource);
    assert.equal(report.profiles.length, 1, `${String(resource.resourceType)}/${String(resource.id)} was not checked against its profile`);
    profiles.add(report.profiles[0] as string);
    for (const issue of [...report.errors, ...report.warnings]) problems.push(`${String(resource.resourceType)}/${String(resource.id)} ${issue.severity} ${issue.location}: ${issue.message}`);
    checked++;
  }
  return { problems, profiles, checked };
}
