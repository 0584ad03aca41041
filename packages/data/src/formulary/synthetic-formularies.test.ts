/** The synthetic formularies: deterministic, real drug list, resolvable, conformant, realistic. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createValidator } from '@payerport/fhir';
import { testRegistry } from '@payerport/fhir/testing';
import { SANDBOX_DIRECTORY, syntheticDirectory } from '../directory/synthetic-directory.js';
import { extensions, referencesIn } from '../directory/test-directory.js';
import { DRUGS } from './drug-list.js';
import { SANDBOX_FORMULARIES, syntheticFormularies } from './synthetic-formularies.js';
import { USDF_EXTENSION } from './usdf-canonicals.js';
import { conformance } from '../test-conformance.js';

const resources = [...syntheticFormularies(SANDBOX_FORMULARIES)];
const items = resources.filter((r) => r.resourceType === 'Basic');
const share = (pred: (r: (typeof items)[number]) => boolean) => items.filter(pred).length / items.length;
const flag = (r: unknown, url: string) => extensions(r, url)[0]?.valueBoolean === true;
const tierOf = (r: unknown) => (extensions(r, USDF_EXTENSION.drugTier)[0] as { valueCodeableConcept: { coding: { code: string }[] } }).valueCodeableConcept.coding[0]!.code;

describe('syntheticFormularies', () => {
  it('is deterministic, and the seed matters', () => {
    assert.equal(JSON.stringify([...syntheticFormularies(SANDBOX_FORMULARIES)]), JSON.stringify(resources));
    assert.notEqual(JSON.stringify([...syntheticFormularies({ seed: 1 })]), JSON.stringify(resources));
  });

  it('lists at least 300 drugs with unique RxNorm codes, and unique resource ids', () => {
    assert.ok(DRUGS.length >= 300, `${DRUGS.length} drugs`);
    assert.equal(new Set(DRUGS.map((d) => d.rxcui)).size, DRUGS.length);
    for (const d of DRUGS) assert.match(d.rxcui, /^\d{4,8}$/, d.display);
    assert.equal(new Set(resources.map((r) => `${r.resourceType}/${r.id}`)).size, resources.length);
    assert.ok(DRUGS.some((d) => d.brand !== undefined && d.genericRxcui !== undefined), 'brand/generic pairs');
  });

  it('every reference resolves within the directory and the formularies', () => {
    const known = new Set([...syntheticDirectory(SANDBOX_DIRECTORY), ...resources].map((r) => `${r.resourceType}/${r.id}`));
    const missing = resources.flatMap((r) => referencesIn(r).filter((ref) => !known.has(ref)).map((ref) => `${r.id} → ${ref}`));
    assert.deepEqual(missing.slice(0, 10), []);
  });

  it('has tiers, PA, step therapy and quantity limits in realistic proportions', () => {
    const tiers = new Map<string, number>();
    for (const r of items) tiers.set(tierOf(r), (tiers.get(tierOf(r)) ?? 0) + 1);
    for (const tier of ['generic', 'preferred-brand', 'non-preferred-brand', 'specialty']) assert.ok((tiers.get(tier) ?? 0) > 0, tier);
    assert.ok((tiers.get('generic') ?? 0) / items.length > 0.6, 'generics dominate');
    const pa = share((r) => flag(r, USDF_EXTENSION.priorAuthorization));
    const st = share((r) => flag(r, USDF_EXTENSION.stepTherapy));
    const ql = share((r) => flag(r, USDF_EXTENSION.quantityLimit));
    assert.ok(pa > 0.03 && pa < 0.3, `PA ${pa}`);
    assert.ok(st > 0.01 && st < 0.2, `ST ${st}`);
    assert.ok(ql > 0.08 && ql < 0.4, `QL ${ql}`);
    assert.ok(items.some((r) => extensions(r, USDF_EXTENSION.quantityLimitDetail).length === 1), 'quantity-limit amounts and periods');
    const benefits = new Set(items.flatMap((r) => extensions(r, USDF_EXTENSION.pharmacyBenefitType).map((e) => (e as { valueCodeableConcept: { coding: { code: string }[] } }).valueCodeableConcept.coding[0]!.code)));
    assert.deepEqual([...benefits].sort(), ['1-month-in-mail', '1-month-in-retail', '3-month-in-mail', '3-month-in-retail']);
  });

  it('links each payer plan to its directory product by plan id and network', () => {
    const directory = [...syntheticDirectory(SANDBOX_DIRECTORY)].filter((r) => r.resourceType === 'InsurancePlan');
    const payerPlans = resources.filter((r) => r.id.startsWith('rxplan-'));
    assert.equal(payerPlans.length, directory.length);
    const ids = (r: Record<string, unknown>) => (r.identifier as { value: string }[]).map((i) => i.value).join();
    for (const plan of payerPlans) {
      const twin = directory.find((p) => ids(p) === ids(plan));
      assert.ok(twin, plan.id);
      assert.deepEqual((plan.network as unknown[])[0], (twin.network as unknown[])[0]);
    }
  });

  it('validates against the US Drug Formulary profiles with no errors or warnings', async (t) => {
    const { problems, profiles } = conformance(createValidator(await testRegistry()), resources);
    t.diagnostic(`${resources.length} resources, ${profiles.size} profiles`);
    assert.deepEqual(problems.slice(0, 20), []);
    assert.equal(profiles.size, 4);
  });
});
