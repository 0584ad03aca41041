/**
 * docs/formulary.md stays true: every `GET` line of the guide runs against the sandbox as
 * `npm start` seeds it and must find something; the coverage question is checked for what it returns.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import { forEachDialect } from '@payerport/store/testing';
import { seedSandbox } from '../runtime/seed-sandbox.js';
import { json, openTestApp, type Loose, type TestApp } from '../test-app.js';

const DOC = new URL('../../../../docs/formulary.md', import.meta.url);
const requests = readFileSync(DOC, 'utf8').split('\n').filter((l) => l.startsWith('GET /sandbox/fhir/R4/')).map((l) => l.slice(4).trim());
const matches = (bundle: Loose): Loose[] => (bundle.entry ?? []).filter((e: Loose) => e.search.mode === 'match').map((e: Loose) => e.resource);
const includes = (bundle: Loose): Loose[] => (bundle.entry ?? []).filter((e: Loose) => e.search.mode === 'include').map((e: Loose) => e.resource);

forEachDialect('docs/formulary.md', (open) => {
  let t: TestApp;
  const get = async (path: string): Promise<Loose> => {
    const res = await t.app.inject({ url: path });
    assert.equal(res.statusCode, 200, `${path} → ${res.body.slice(0, 300)}`);
    return json(res);
  };
  before(async () => {
    t = await openTestApp(open);
    await seedSandbox(t.store, t.registry, 'sandbox');
  });
  after(() => t?.app.close());

  it('has the queries to run', () => assert.ok(requests.length >= 4, `${requests.length} requests`));

  for (const path of requests) {
    it(`finds something: ${path}`, async () => {
      assert.ok(matches(await get(path)).length > 0);
    });
  }

  it('lisinopril 10 MG: only its formulary items, with their formularies', async () => {
    const bundle = await get(requests.find((r) => r.includes('subject.code'))!);
    for (const item of matches(bundle)) assert.equal(item.subject.reference, 'MedicationKnowledge/rxdrug-314076', item.id);
    const formularies = includes(bundle).filter((r) => r.resourceType === 'InsurancePlan');
    assert.ok(formularies.length >= 4, `${formularies.length} formularies included`);
  });
});
