import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testIndexer, testRegistry } from '../testing.js';

const drug = (display: string, synonym?: string) => ({
  resourceType: 'MedicationKnowledge', id: 'd',
  code: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '860975', display }] },
  ...(synonym ? { synonym: [synonym] } : {}),
});

describe('drug-name: the start of any word', () => {
  it('comes from payerport\u2019s definition, which says so', async () => {
    const def = (await testRegistry()).searchParam('MedicationKnowledge', 'drug-name');
    assert.equal(def?.matchesWords, true);
    assert.equal(def?.source, 'payerport.fhir@0.1.0');
  });

  it('indexes the whole value once (with its exact text) and every later word start without', async () => {
    const rows = (await testIndexer()).extract(drug('24 HR Metformin hydrochloride 500 MG [Glucophage]', 'Glumetza'))
      .filter((r) => r.kind === 'string' && r.param === 'drug-name');
    const whole = rows.filter((r) => r.kind === 'string' && r.exact !== '').map((r) => r.kind === 'string' && r.norm);
    assert.deepEqual(whole.sort(), ['24 hr metformin hydrochloride 500 mg [glucophage]', 'glumetza']);
    const starts = rows.filter((r) => r.kind === 'string' && r.exact === '').map((r) => r.kind === 'string' && r.norm);
    assert.ok(starts.includes('metformin hydrochloride 500 mg [glucophage]'));
    assert.ok(starts.includes('glucophage]'), 'a word after a bracket starts a word');
    assert.ok(starts.includes('500 mg [glucophage]'));
    assert.ok(!starts.some((s) => s !== false && s.startsWith(' ')));
  });

  it('leaves other string parameters alone', async () => {
    const rows = (await testIndexer()).extract({ resourceType: 'Practitioner', id: 'p', name: [{ family: 'Van Dyke', given: ['Ann'] }] });
    assert.ok(!rows.some((r) => r.kind === 'string' && r.exact === ''));
  });
});
