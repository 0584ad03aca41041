/**
 * docs/formulary.md stays true: every `GET` line of the guide runs against the sandbox as
 * `npm start` seeds it and must find something; the coverage question is checked for what it returns.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachDialect } from '@payerport/store/testing';
import type { Loose } from '../test-app.js';
import { docRequests, entriesOf, seededSandbox } from './test-doc-queries.js';

const requests = docRequests('docs/formulary.md');
const matches = (bundle: Loose): Loose[] => entriesOf(bundle, 'match');
const includes = (bundle: Loose): Loose[] => entriesOf(bundle, 'include');

forEachDialect('docs/formulary.md', (open) => {
  const { get } = seededSandbox(open);

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
