/**
 * Patient-compartment confinement compiled into the search SQL (access-condition.ts): pages,
 * totals, cursors, includes, chains and `_has` see only the member's resources and shared
 * non-patient data. On every dialect.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { type Registry, type SearchAccess, type SearchFilter, VISIBLE_ALL, parseSearch, patientCompartment } from '@payerport/fhir';
import { MEMBER_A, MEMBER_B, SHARED, twoMembers } from '@payerport/fhir/testing';
import type { SearchResult, Store } from '../store.js';
import { forEachDialect } from '../test-dialects.js';
import { openSearchStore, searchRegistry } from './test-search-setup.js';

/** A member's view: compartment types confined to the member, granular filters per type. */
function memberAccess(registry: Registry, patient: string, granular: Record<string, SearchFilter[][]> = {}): SearchAccess {
  const compartment = patientCompartment(registry);
  return {
    visibility(type) {
      const params = compartment.params(type);
      if (params === undefined) return VISIBLE_ALL;
      return { kind: 'some', compartment: { type: compartment.type, id: patient, params }, anyOf: granular[type] };
    },
  };
}

const ids = (rows: SearchResult['matches']) => rows.map((r) => `${r.type}/${r.id}`).sort();

forEachDialect('search confined to a patient compartment', (open) => {
  let store: Store;
  let registry: Registry;
  let access: SearchAccess;
  before(async () => {
    registry = await searchRegistry();
    store = await openSearchStore(open);
    await store.bulkLoad('sandbox', twoMembers());
    access = memberAccess(registry, MEMBER_A.patient);
  });

  // `null`: no access restriction (undefined would pick the default).
  const search = (qs: string, view: SearchAccess | null = access, cursor?: string) => {
    const [type, rest = ''] = qs.split('?') as [string, string?];
    const query = parseSearch(registry, type, [...new URLSearchParams(rest)], { lenient: false, defaultCount: 50, maxCount: 100 });
    query.access = view ?? undefined;
    if (cursor !== undefined) query.cursor = cursor;
    return store.search('sandbox', query);
  };
  const claimsOf = (member: typeof MEMBER_A | typeof MEMBER_B) => member.claims.map((c) => `ExplanationOfBenefit/${c}`).sort();

  describe('matches', () => {
    it('a search across patients returns only the member\'s resources', async () => {
      assert.deepEqual(ids((await search('ExplanationOfBenefit')).matches), claimsOf(MEMBER_A));
      assert.deepEqual(ids((await search('ExplanationOfBenefit', null)).matches).length, 5, 'unconfined sees both members');
      assert.deepEqual(ids((await search('Patient')).matches), [`Patient/${MEMBER_A.patient}`]);
      assert.deepEqual(ids((await search(`Patient?_id=${MEMBER_B.patient}`)).matches), []);
      assert.deepEqual(ids((await search(`Coverage?_id=${MEMBER_B.coverage}`)).matches), []);
    });
    it('applies to every plan: driving index, sorted, collected', async () => {
      // A typed reference drives the page from its index: eob-a3 names B's coverage and is A's claim.
      assert.deepEqual(ids((await search(`ExplanationOfBenefit?coverage=Coverage/${MEMBER_B.coverage}`)).matches), ['ExplanationOfBenefit/eob-a3']);
      assert.deepEqual(ids((await search(`ExplanationOfBenefit?patient=Patient/${MEMBER_B.patient}`)).matches), []);
      assert.deepEqual(ids((await search('Observation?category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory')).matches), [`Observation/${MEMBER_A.lab}`]);
      assert.deepEqual(ids((await search('ExplanationOfBenefit?_sort=-_id')).matches), claimsOf(MEMBER_A));
      assert.deepEqual(ids((await search('Observation?status=final,amended&code=2345-7,8867-4')).matches), [`Observation/${MEMBER_A.lab}`, `Observation/${MEMBER_A.vitals}`]);
    });
    it('types outside the compartment stay visible (shared non-patient data)', async () => {
      assert.deepEqual(ids((await search('Organization')).matches), [`Organization/${SHARED.organization}`]);
      assert.deepEqual(ids((await search('Practitioner')).matches), [`Practitioner/${SHARED.practitioner}`]);
    });
  });

  describe('paging and totals', () => {
    it('count, cursors and `_total=accurate` reflect the confined set', async () => {
      const first = await search('ExplanationOfBenefit?_count=2&_total=accurate');
      assert.equal(first.total, 3);
      assert.equal(first.matches.length, 2);
      assert.ok(first.nextCursor);
      const second = await search('ExplanationOfBenefit?_count=2&_total=accurate', access, first.nextCursor);
      assert.equal(second.matches.length, 1);
      assert.equal(second.nextCursor, undefined);
      assert.deepEqual([...ids(first.matches), ...ids(second.matches)].sort(), claimsOf(MEMBER_A));
      assert.equal((await search('ExplanationOfBenefit?_summary=count')).total, 3);
      const sorted = await search('ExplanationOfBenefit?_sort=_id&_count=2&_total=accurate');
      assert.equal(sorted.total, 3);
      const rest = await search('ExplanationOfBenefit?_sort=_id&_count=2', access, sorted.nextCursor);
      assert.deepEqual([...sorted.matches, ...rest.matches].map((r) => r.id), MEMBER_A.claims);
    });
  });

  describe('includes', () => {
    it('_include never reaches another patient\'s resources', async () => {
      const r = await search('ExplanationOfBenefit?_include=ExplanationOfBenefit:patient&_include=ExplanationOfBenefit:coverage');
      assert.deepEqual(ids(r.included), [`Coverage/${MEMBER_A.coverage}`, `Patient/${MEMBER_A.patient}`], 'eob-a3 names cov-b, which stays out');
      const unconfined = await search('ExplanationOfBenefit?_include=ExplanationOfBenefit:coverage', null);
      assert.equal(unconfined.included.length, 2);
    });
    it('_include of non-compartment types (the claim\'s practitioner) is allowed', async () => {
      const r = await search('ExplanationOfBenefit?_include=ExplanationOfBenefit:provider');
      assert.deepEqual(ids(r.included), [`Practitioner/${SHARED.practitioner}`]);
    });
    it('_revinclude and :iterate stay in the compartment', async () => {
      const r = await search('Patient?_revinclude=Coverage:beneficiary');
      assert.deepEqual(ids(r.matches), [`Patient/${MEMBER_A.patient}`]);
      assert.deepEqual(ids(r.included), [`Coverage/${MEMBER_A.coverage}`]);
      // Coverage → payer Organization → every Coverage naming it: only A's come back.
      const it2 = await search('Coverage?_include=Coverage:payor&_revinclude:iterate=Coverage:payor&_revinclude:iterate=ExplanationOfBenefit:coverage');
      assert.deepEqual(ids(it2.matches), [`Coverage/${MEMBER_A.coverage}`]);
      assert.deepEqual(ids(it2.included), [`ExplanationOfBenefit/eob-a1`, `ExplanationOfBenefit/eob-a2`, `Organization/${SHARED.organization}`]);
      const fromOrg = await search('Organization?_revinclude=Coverage:payor&_revinclude=ExplanationOfBenefit:provider');
      assert.deepEqual(ids(fromOrg.included), [`Coverage/${MEMBER_A.coverage}`]);
    });
  });

  describe('chains and _has', () => {
    it('a chain cannot select through another patient', async () => {
      assert.deepEqual(ids((await search(`ExplanationOfBenefit?patient.name=${MEMBER_B.family}`)).matches), []);
      assert.deepEqual(ids((await search(`ExplanationOfBenefit?patient.name=${MEMBER_A.family}`)).matches), claimsOf(MEMBER_A));
      assert.deepEqual(ids((await search(`ExplanationOfBenefit?coverage.beneficiary=Patient/${MEMBER_B.patient}`)).matches), []);
    });
    it('_has cannot find another patient, even from a type outside the compartment', async () => {
      assert.deepEqual(ids((await search('Patient?_has:Coverage:beneficiary:status=active')).matches), [`Patient/${MEMBER_A.patient}`]);
      assert.deepEqual(ids((await search(`Organization?_has:Coverage:payor:beneficiary=Patient/${MEMBER_B.patient}`)).matches), []);
      assert.deepEqual(ids((await search(`Organization?_has:Coverage:payor:beneficiary=Patient/${MEMBER_B.patient}`, null)).matches), [`Organization/${SHARED.organization}`]);
      assert.deepEqual(ids((await search(`Practitioner?_has:ExplanationOfBenefit:provider:patient=Patient/${MEMBER_B.patient}`)).matches), []);
      assert.deepEqual(ids((await search(`Practitioner?_has:ExplanationOfBenefit:provider:patient=Patient/${MEMBER_A.patient}`)).matches), [`Practitioner/${SHARED.practitioner}`]);
    });
  });

  describe('granular scopes and hidden types', () => {
    it('an anyOf restriction narrows a type inside the compartment', async () => {
      const lab = parseSearch(registry, 'Observation', [['category', 'laboratory']], { lenient: false, defaultCount: 10, maxCount: 10 }).filters;
      const labOnly = memberAccess(registry, MEMBER_A.patient, { Observation: [lab] });
      assert.deepEqual(ids((await search('Observation', labOnly)).matches), [`Observation/${MEMBER_A.lab}`]);
      assert.equal((await search('Observation?_total=accurate', labOnly)).total, 1);
      assert.deepEqual(ids((await search('Patient?_revinclude=Observation:subject', labOnly)).included), [`Observation/${MEMBER_A.lab}`]);
    });
    it('a type with visibility none is never included nor reachable', async () => {
      const noClaims: SearchAccess = { visibility: (type) => (type === 'ExplanationOfBenefit' ? { kind: 'none' } : access.visibility(type)) };
      assert.deepEqual(ids((await search('Patient?_revinclude=ExplanationOfBenefit:patient', noClaims)).included), []);
      assert.deepEqual(ids((await search(`Practitioner?_has:ExplanationOfBenefit:provider:patient=Patient/${MEMBER_A.patient}`, noClaims)).matches), []);
    });
  });
});
