/**
 * The questions the directory is documented to answer, asked in memory of generated data: each
 * must have an answer that is neither empty nor everything, at the sandbox size and in a tiny
 * directory with another seed.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { greatCircleKm } from './test-geo.js';
import { EXTENSION, PROFILE } from './plannet-canonicals.js';
import { SANDBOX_DIRECTORY, type DirectoryOptions, type DirectoryResource } from './synthetic-directory.js';
import { codes, extensions, holdDirectory } from './test-directory.js';

type Json = Record<string, unknown>;
const ref = (value: unknown): string => (value as { reference: string }).reference;
const networkOf = (role: DirectoryResource): string | undefined => {
  const ext = extensions(role, EXTENSION.networkReference)[0];
  return ext === undefined ? undefined : ref(ext.valueReference);
};
const acceptsNewIn = (role: DirectoryResource, network: string): boolean => extensions(role, EXTENSION.newPatients).some((ext) => {
  const parts = ext.extension as Json[];
  const accepting = parts.find((p) => p.url === 'acceptingPatients');
  const from = parts.find((p) => p.url === 'fromNetwork');
  return codes([accepting?.valueCodeableConcept])[0] === 'newpt' && (from === undefined || ref(from.valueReference) === network);
});

for (const options of [SANDBOX_DIRECTORY, { seed: 42, practitioners: 150 }] as DirectoryOptions[]) {
  describe(`directory questions (${JSON.stringify(options)})`, () => {
    const directory = holdDirectory(options);
    const roles = directory.ofType('PractitionerRole');
    const location = (role: DirectoryResource): Json => directory.byRef.get(ref((role.location as unknown[])[0])) as Json;

    it('family-medicine doctors in network X in Hilo accepting new patients', () => {
      const network = 'Organization/net-kokua-hmo';
      const familyInHilo = roles.filter((r) => codes(r.specialty).includes('207Q00000X') && codes(r.code).includes('ph')
        && (location(r).address as Json).city === 'Hilo');
      const answer = familyInHilo.filter((r) => networkOf(r) === network && acceptsNewIn(r, network));
      assert.ok(answer.length >= 1, 'no answer');
      assert.ok(answer.length < familyInHilo.length, 'every family doctor in Hilo qualifies: the question filters nothing');
      for (const r of answer) assert.ok(directory.byRef.has(ref(r.practitioner)));
    });

    it('pharmacies within 5 km of a point open on Sunday', () => {
      const downtownHonolulu = { latitude: 21.3069, longitude: -157.8583 };
      const pharmacies = directory.ofType('Location').filter((l) => codes(l.type).includes('OUTPHARM'));
      const near = pharmacies.filter((l) => greatCircleKm(downtownHonolulu, l.position as { latitude: number; longitude: number }) <= 5);
      const openSunday = near.filter((l) => (l.hoursOfOperation as { daysOfWeek: string[] }[]).some((h) => h.daysOfWeek.includes('sun')));
      assert.ok(openSunday.length >= 1, `none of ${near.length} nearby pharmacies opens on Sunday`);
      assert.ok(openSunday.length < near.length || near.length < pharmacies.length, 'the question filters nothing');
    });

    it('the networks a practitioner belongs to', () => {
      const networksOf = new Map<string, Set<string>>();
      for (const r of roles) {
        const network = networkOf(r);
        if (network === undefined) continue;
        const key = ref(r.practitioner);
        networksOf.set(key, (networksOf.get(key) ?? new Set()).add(network));
      }
      const first = networksOf.get('Practitioner/pr-000001');
      assert.ok(first !== undefined && first.size >= 2, 'pr-000001 is in fewer than two networks');
      for (const network of first) assert.deepEqual((directory.byRef.get(network)?.meta as Json).profile, [PROFILE.Network]);
      const sizes = new Set([...networksOf.values()].map((s) => s.size));
      assert.ok(sizes.size > 1, 'every practitioner is in the same number of networks');
    });

    it('which plans cover a county', () => {
      const plans = directory.ofType('InsurancePlan');
      const covering = (county: string) => plans.filter((p) => (p.coverageArea as unknown[]).some((a) => ref(a) === `Location/area-county-${county}`));
      for (const county of ['honolulu', 'hawaii', 'kalawao']) {
        const answer = covering(county);
        assert.ok(answer.length >= 1 && answer.length < plans.length, `${county}: ${answer.length} of ${plans.length} plans`);
      }
    });
  });
}
