/** US Drug Formulary `drug-name`: the start of any word of a drug's names, case-insensitively; `:exact` and `_sort` see whole names. */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDialect } from '@payerport/store/testing';
import { ADMIN_JSON, json, openTestApp, type Loose, type TestApp } from '../test-app.js';

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const drugs: [string, string, string, string?][] = [
  ['met-er', '860975', '24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet', 'Glumetza'],
  ['met', '861007', 'Metformin hydrochloride 500 MG Oral Tablet'],
  ['lis', '314076', 'Lisinopril 10 MG Oral Tablet [Zestril]'],
];

forEachDialect('drug-name', (open) => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp(open);
    for (const [id, code, display, synonym] of drugs) {
      const body = { resourceType: 'MedicationKnowledge', id, status: 'active', code: { coding: [{ system: RXNORM, code, display }] }, ...(synonym ? { synonym: [synonym] } : {}) };
      const res = await t.app.inject({ method: 'PUT', url: `/fhir/R4/MedicationKnowledge/${id}`, headers: ADMIN_JSON, payload: JSON.stringify(body) });
      assert.equal(res.statusCode, 201, res.body);
    }
  });
  after(() => t?.app.close());

  const ids = async (query: string): Promise<string[]> => (json(await t.app.inject({ url: `/fhir/R4/MedicationKnowledge?${query}` })).entry ?? []).map((e: Loose) => e.resource.id);

  it('matches the start of any word, in names and synonyms', async () => {
    assert.deepEqual((await ids('drug-name=metformin')).sort(), ['met', 'met-er']);
    assert.deepEqual(await ids('drug-name=MetFor'), (await ids('drug-name=metformin')));
    assert.deepEqual(await ids('drug-name=zestril'), ['lis']);
    assert.deepEqual(await ids('drug-name=extended%20release'), ['met-er']);
    assert.deepEqual(await ids('drug-name=glumetza'), ['met-er']);
    assert.deepEqual(await ids('drug-name=formin'), [], 'the middle of a word is not a word start');
  });

  it('keeps :exact on whole names and sorts by whole names', async () => {
    assert.deepEqual(await ids('drug-name:exact=Lisinopril%2010%20MG%20Oral%20Tablet%20%5BZestril%5D'), ['lis']);
    assert.deepEqual(await ids('drug-name:exact=Zestril%5D'), []);
    // Whole names: "24 hr…" < "lisinopril…" < "metformin…" (word starts would put "500 mg…" first).
    assert.deepEqual(await ids('_sort=drug-name'), ['met-er', 'lis', 'met']);
  });

  it('lists payerport\u2019s definition in /metadata', async () => {
    const cs = json(await t.app.inject({ url: '/fhir/R4/metadata' }));
    const mk = cs.rest[0].resource.find((r: Loose) => r.type === 'MedicationKnowledge');
    const def = mk.searchParam.find((p: Loose) => p.name === 'drug-name');
    assert.equal(def.definition, 'https://payerport.dev/fhir/SearchParameter/MedicationKnowledge-drug-name');
  });
});
