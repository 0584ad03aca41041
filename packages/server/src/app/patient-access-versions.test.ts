/**
 * Versions under a member's token: a resource that was another member's in an earlier version
 * (a Coverage moved from B to A, a claim moved from A to B) and an Observation whose category
 * changed. vread and instance history show only the versions in the token's compartment and
 * granular scope, and only while the current version is; type history is confined the same way.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MEMBER_A, MEMBER_B, twoMembers } from '@payerport/fhir/testing';
import { forEachDialect } from '@payerport/store/testing';
import { ADMIN, PUBLIC_URL, json, openTestApp, type Loose, type TestApp } from '../test-app.js';
import { bearer, memberToken, systemToken, testAccessResolver } from '../test-access.js';

const BASE = '/fhir/R4';
const LAB = 'http://terminology.hl7.org/CodeSystem/observation-category|laboratory';
const TOKENS = {
  'a-all': memberToken(MEMBER_A.patient, 'patient/*.rs'),
  'b-all': memberToken(MEMBER_B.patient, 'patient/*.rs'),
  'a-lab': memberToken(MEMBER_A.patient, `patient/Observation.rs?category=${LAB}`),
  'backend': systemToken('system/*.rs'),
};

const MOVED_TO_A = 'cov-moved';
const MOVED_TO_B = 'eob-moved';
const RECATEGORIZED = 'obs-recategorized';

const coverage = (patient: string) => ({ resourceType: 'Coverage', id: MOVED_TO_A, status: 'active', beneficiary: { reference: `Patient/${patient}` }, payor: [{ reference: 'Organization/org-payer' }] });
const claim = (patient: string) => ({
  resourceType: 'ExplanationOfBenefit', id: MOVED_TO_B, status: 'active', use: 'claim', outcome: 'complete', created: '2024-03-01',
  type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'professional' }] },
  patient: { reference: `Patient/${patient}` }, insurer: { reference: 'Organization/org-payer' },
  provider: { reference: 'Practitioner/pr-shared' }, insurance: [{ focal: true, coverage: { reference: `Coverage/${MEMBER_A.coverage}` } }],
});
const observation = (category: string) => ({
  resourceType: 'Observation', id: RECATEGORIZED, status: 'final', code: { text: 'test' },
  category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: category }] }],
  subject: { reference: `Patient/${MEMBER_A.patient}` },
});

forEachDialect('Patient Access: versions under a member token (HTTP)', (open) => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp(open, {}, testAccessResolver(TOKENS));
    await t.store.bulkLoad('production', twoMembers());
    // Version 1 of each belongs elsewhere than version 2 (and version 3 of the claim is B's too).
    for (const versions of [[coverage(MEMBER_B.patient), coverage(MEMBER_A.patient)], [claim(MEMBER_A.patient), claim(MEMBER_B.patient), { ...claim(MEMBER_B.patient), status: 'cancelled' }],
      [observation('vital-signs'), observation('laboratory')]]) {
      for (const version of versions) await t.store.transaction('production', (tx) => tx.update(version));
    }
  });
  after(() => t?.app.close());
  const get = (path: string, token: string) => t.app.inject({ url: `${BASE}/${path}`, headers: bearer(token) });
  const bundle = async (path: string, token: string) => {
    const res = await get(path, token);
    assert.equal(res.statusCode, 200, `${path}: ${res.body}`);
    return json(res);
  };
  const versions = (b: Loose): string[] => b.entry.map((e: Loose) => `${e.resource.resourceType}/${e.resource.id}/${e.resource.meta.versionId}`);
  const patientsOf = (b: Loose): string[] => [...new Set<string>(b.entry.map((e: Loose) => (e.resource.beneficiary ?? e.resource.patient ?? e.resource.subject)?.reference))].sort();

  describe('vread', () => {
    it('a version written while the resource was another member\'s is 404, though the resource is the member\'s now', async () => {
      assert.equal((await get(`Coverage/${MOVED_TO_A}/_history/1`, 'a-all')).statusCode, 404);
      assert.equal((await get(`Coverage/${MOVED_TO_A}/_history/2`, 'a-all')).statusCode, 200);
      // Exactly the answer for a version that never existed.
      const hidden = await get(`Coverage/${MOVED_TO_A}/_history/1`, 'a-all');
      const unknown = await get(`Coverage/${MOVED_TO_A}/_history/9`, 'a-all');
      assert.equal(hidden.body.replace('version 1', 'version N'), unknown.body.replace('version 9', 'version N'));
    });
    it('a member\'s own earlier version is 404 once the resource belongs to another member', async () => {
      assert.equal((await get(`ExplanationOfBenefit/${MOVED_TO_B}/_history/1`, 'a-all')).statusCode, 404);
      assert.equal((await get(`Coverage/${MOVED_TO_A}/_history/1`, 'b-all')).statusCode, 404);
      assert.equal((await get(`ExplanationOfBenefit/${MOVED_TO_B}/_history/2`, 'b-all')).statusCode, 200);
      assert.equal((await get(`ExplanationOfBenefit/${MOVED_TO_B}/_history/1`, 'b-all')).statusCode, 404);
    });
    it('a granular scope hides a version outside its query', async () => {
      assert.equal((await get(`Observation/${RECATEGORIZED}/_history/1`, 'a-lab')).statusCode, 404);
      assert.equal((await get(`Observation/${RECATEGORIZED}/_history/2`, 'a-lab')).statusCode, 200);
    });
    it('a backend token and the admin see every version', async () => {
      assert.equal((await get(`Coverage/${MOVED_TO_A}/_history/1`, 'backend')).statusCode, 200);
      assert.equal((await t.app.inject({ url: `${BASE}/Coverage/${MOVED_TO_A}/_history/1`, headers: ADMIN })).statusCode, 200);
    });
  });

  describe('instance history', () => {
    it('lists only the versions in the member\'s compartment, and counts only those', async () => {
      const own = await bundle(`Coverage/${MOVED_TO_A}/_history`, 'a-all');
      assert.deepEqual(versions(own), [`Coverage/${MOVED_TO_A}/2`]);
      assert.equal(own.total, 1);
      assert.deepEqual(versions(await bundle(`Observation/${RECATEGORIZED}/_history`, 'a-lab')), [`Observation/${RECATEGORIZED}/2`]);
      assert.deepEqual(versions(await bundle(`Coverage/${MOVED_TO_A}/_history`, 'backend')), [`Coverage/${MOVED_TO_A}/2`, `Coverage/${MOVED_TO_A}/1`]);
    });
    it('is 404 as a whole when the current version is another member\'s', async () => {
      assert.equal((await get(`ExplanationOfBenefit/${MOVED_TO_B}/_history`, 'a-all')).statusCode, 404);
      assert.equal((await get(`Coverage/${MOVED_TO_A}/_history`, 'b-all')).statusCode, 404);
      assert.deepEqual(versions(await bundle(`ExplanationOfBenefit/${MOVED_TO_B}/_history`, 'b-all')),
        [`ExplanationOfBenefit/${MOVED_TO_B}/3`, `ExplanationOfBenefit/${MOVED_TO_B}/2`]);
    });
  });

  describe('type history', () => {
    it('is confined to the compartment, version by version', async () => {
      const a = await bundle('Coverage/_history', 'a-all');
      assert.deepEqual(versions(a).sort(), [`Coverage/${MEMBER_A.coverage}/1`, `Coverage/${MOVED_TO_A}/2`]);
      assert.deepEqual(patientsOf(a), [`Patient/${MEMBER_A.patient}`]);
      const b = await bundle('ExplanationOfBenefit/_history', 'b-all');
      assert.deepEqual(patientsOf(b), [`Patient/${MEMBER_B.patient}`]);
      assert.ok(versions(b).includes(`ExplanationOfBenefit/${MOVED_TO_B}/2`));
      assert.ok(!versions(b).includes(`ExplanationOfBenefit/${MOVED_TO_B}/1`));
      assert.ok(!versions(await bundle('ExplanationOfBenefit/_history', 'a-all')).some((v) => v.includes(MOVED_TO_B)));
    });
    it('pages through the confined versions only, filling each page past hidden ones', async () => {
      const seen: string[] = [];
      let res = await get('ExplanationOfBenefit/_history?_count=1', 'b-all');
      for (let pages = 0; ; pages++) {
        assert.equal(res.statusCode, 200, res.body);
        const page = json(res);
        assert.equal(page.entry.length, 1);
        seen.push(...versions(page));
        const next = page.link.find((l: Loose) => l.relation === 'next')?.url as string | undefined;
        if (next === undefined) break;
        assert.ok(pages < 10);
        res = await t.app.inject({ url: next.slice(PUBLIC_URL.length), headers: bearer('b-all') });
      }
      assert.deepEqual(seen.sort(), [...MEMBER_B.claims.map((c) => `ExplanationOfBenefit/${c}/1`), `ExplanationOfBenefit/${MOVED_TO_B}/2`, `ExplanationOfBenefit/${MOVED_TO_B}/3`].sort());
    });
    it('follows the granular scope, and still needs a scope for the type', async () => {
      assert.deepEqual(versions(await bundle('Observation/_history', 'a-lab')).sort(), [`Observation/${MEMBER_A.lab}/1`, `Observation/${RECATEGORIZED}/2`]);
      assert.equal((await get('Coverage/_history', 'a-lab')).statusCode, 403);
    });
  });
});
