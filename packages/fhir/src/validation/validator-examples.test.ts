/** Every example of Plan-Net 1.1.0 and 1.2.0, US Drug Formulary 2.0.1 and CARIN BB 2.0.0 is valid against its meta.profile. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testRegistry } from '../testing.js';
import { testValidator } from './test-validator.js';

const PACKAGES: readonly [string, number][] = [
  ['hl7.fhir.us.davinci-pdex-plan-net@1.1.0', 49],
  ['hl7.fhir.us.davinci-pdex-plan-net@1.2.0', 49],
  ['hl7.fhir.us.davinci-drug-formulary@2.0.1', 24],
  ['hl7.fhir.us.carin-bb@2.0.0', 32],
];

describe('IG examples validate with zero errors', () => {
  for (const [source, expected] of PACKAGES) {
    it(source, async () => {
      const validator = await testValidator();
      const examples = [...(await testRegistry()).examples()].filter((e) => e.source === source);
      assert.equal(examples.length, expected, 'examples found');
      const failures: string[] = [];
      for (const { resource } of examples) {
        const report = validator.validate(resource);
        // Each example names its profile, and the profile (not the bare base type) is what was applied.
        const declared = (resource.meta as { profile?: string[] } | undefined)?.profile ?? [];
        assert.ok(declared.length > 0 && report.profiles.some((p) => declared.some((d) => p.startsWith(d.split('|')[0]!))), `${String(resource.id)} checked against ${declared.join()}`);
        for (const e of report.errors) failures.push(`${String(resource.resourceType)}/${String(resource.id)} ${e.location}: ${e.message}`);
        assert.equal(report.valid, report.errors.length === 0);
      }
      assert.deepEqual(failures, []);
    });
  }
});
