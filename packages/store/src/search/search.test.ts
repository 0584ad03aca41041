/**
 * The search suite: each query against a known data set, on every dialect. Expected answers are
 * written out by hand from test-search-data.ts (the oracle suite checks generated data apart).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { FhirError, parseSearch } from '@payerport/fhir';
import type { Store } from '../store.js';
import { forEachDialect } from '../test-dialects.js';
import { SEARCH_DATA } from './test-search-data.js';
import { openSearchStore, searchRegistry } from './test-search-setup.js';

type Case = readonly [query: string, expected: readonly string[]];

const CASES: Record<string, readonly Case[]> = {
  string: [
    ['Practitioner?name=ke', ['pr-keala', 'pr-kent']],
    ['Practitioner?name=KEA', ['pr-keala']],
    ['Practitioner?name=jose', ['pr-jose']],
    ['Practitioner?family=nunez', ['pr-jose']],
    ['Practitioner?name:exact=José', ['pr-jose']],
    ['Practitioner?name:exact=jose', []],
    ['Practitioner?name:contains=alo', ['pr-keala']],
    ['Practitioner?name=kent,smith', ['pr-kent', 'pr-ana']],
    ['Practitioner?name=ke&name=leilani', ['pr-keala']],
    ["Patient?name=o'b", ['pat-2']],
    ["Practitioner?name=' OR 1=1 --", []],
    ['Practitioner?name=%25', []],
    ['Practitioner?name:contains=_', []],
    ['Location?address-city=hilo', ['loc-hilo']],
    ['Location?address-postalcode=967', ['loc-hilo', 'loc-kona']],
  ],
  token: [
    ['Practitioner?gender=male', ['pr-kent', 'pr-jose']],
    ['Practitioner?gender:not=male', ['pr-keala', 'pr-ana']],
    ['Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|1234567893', ['pr-keala']],
    ['Practitioner?identifier=1234567893', ['pr-keala']],
    ['Practitioner?identifier=http://other.org|1234567893', []],
    ['Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|', ['pr-keala']],
    ['Practitioner?identifier=|1234567893', []],
    ['PractitionerRole?active=true', ['role-1', 'role-3', 'role-4']],
    ['PractitionerRole?specialty=http://nucc.org/provider-taxonomy|207Q00000X', ['role-1', 'role-3']],
    ['PractitionerRole?specialty:text=family', ['role-1', 'role-3']],
    ['Practitioner?_tag=http://example.org/tags|reviewed', ['pr-keala']],
    ['Practitioner?gender:missing=true', ['pr-ana']],
    ['Practitioner?_security=http://terminology.hl7.org/CodeSystem/v3-Confidentiality|R', ['pr-ana']],
    ['Practitioner?_security:not=R', ['pr-keala', 'pr-kent', 'pr-jose']],
    ['Practitioner?gender:missing=false', ['pr-keala', 'pr-kent', 'pr-jose']],
  ],
  id: [
    ['Practitioner?_id=pr-kent', ['pr-kent']],
    ['Practitioner?_id=Practitioner/pr-kent', ['pr-kent']],
    ['Practitioner?_id=pr-kent,pr-ana', ['pr-kent', 'pr-ana']],
    ['Practitioner?_id:not=pr-kent', ['pr-keala', 'pr-jose', 'pr-ana']],
  ],
  reference: [
    ['PractitionerRole?practitioner=pr-keala', ['role-1']],
    ['PractitionerRole?practitioner=Practitioner/pr-keala', ['role-1']],
    ['PractitionerRole?practitioner:Practitioner=pr-keala', ['role-1']],
    ['PractitionerRole?location=loc-hilo,loc-kona', ['role-1', 'role-2', 'role-3']],
    ['PractitionerRole?practitioner:identifier=http://hl7.org/fhir/sid/us-npi|9999999999', ['role-4']],
    ['PractitionerRole?location:missing=true', ['role-4']],
    ['Observation?subject=Patient/pat-1', ['obs-1', 'obs-2']],
    ['Observation?patient=pat-2', ['obs-3']],
  ],
  date: [
    ['Patient?birthdate=2010', ['pat-1']],
    ['Patient?birthdate=2010-06', ['pat-1']],
    ['Patient?birthdate=2010-06-16', []],
    ['Patient?birthdate=ge1960', ['pat-1']],
    ['Patient?birthdate=lt1951', ['pat-2']],
    ['Patient?birthdate:missing=true', ['pat-3']],
    ['Observation?date=2019', ['obs-2']],
    ['Observation?date=2020-05', ['obs-1']],
    ['Observation?date=gt2020', ['obs-3']],
    ['Observation?date=sa2019', ['obs-1', 'obs-3']],
    ['Observation?date=eb2020', ['obs-2']],
    ['Observation?date=ne2020-05', ['obs-2', 'obs-3']],
    ['Observation?date=ge2020-05-01T10:00:00Z&date=le2020-05-01T10:00:00Z', ['obs-1']],
    ['Observation?date=2020-05-01T10:00:00Z', ['obs-1']],
    ['Observation?date=2020-05-01T00:00:00-10:00', ['obs-1']],
    ['Observation?date=2020-05-01T00:00:00-09:00', []],
  ],
  number: [
    ['RiskAssessment?probability=0.25', ['ra-1']],
    ['RiskAssessment?probability=gt0.5', ['ra-2']],
    ['RiskAssessment?probability=le0.25', ['ra-1']],
    ['RiskAssessment?probability=ap0.8', ['ra-2']],
  ],
  quantity: [
    ['Observation?value-quantity=120', ['obs-1']],
    ['Observation?value-quantity=gt100', ['obs-1', 'obs-3']],
    ['Observation?value-quantity=120|http://unitsofmeasure.org|mm[Hg]', ['obs-1']],
    ['Observation?value-quantity=lt100|http://unitsofmeasure.org|mg', ['obs-2']],
    ['Observation?value-quantity=lt100||mm[Hg]', []],
  ],
  uri: [
    ['ValueSet?url=http://example.org/fhir/ValueSet/colors', ['vs-colors']],
    ['ValueSet?url=http://example.org/fhir/ValueSet/col', []],
    ['ValueSet?url:below=http://example.org/fhir', ['vs-colors']],
    ['ValueSet?url:above=http://example.org/fhir/ValueSet/colors/extra', ['vs-colors']],
    ['Practitioner?_profile=http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/plannet-Practitioner', ['pr-kent']],
    ['Practitioner?_profile:below=http://hl7.org/fhir/us/davinci-pdex-plan-net', ['pr-kent']],
  ],
  near: [
    ['Location?near=19.72|-155.08|10|km', ['loc-hilo']],
    ['Location?near=19.72|-155.08|120|km', ['loc-hilo', 'loc-kona']],
    ['Location?near=19.72|-155.08|80|mi', ['loc-hilo', 'loc-kona']],
  ],
  chains: [
    ['PractitionerRole?location.address-city=Hilo', ['role-1', 'role-3']],
    ['PractitionerRole?practitioner.name=ke', ['role-1', 'role-2']],
    ['PractitionerRole?location.address-city=Hilo&practitioner.name=ke', ['role-1']],
    ['PractitionerRole?location.organization.name=kona', ['role-2', 'role-3']],
    ['PractitionerRole?practitioner:Practitioner.gender=male', ['role-2', 'role-3']],
  ],
  has: [
    ['Practitioner?_has:PractitionerRole:practitioner:specialty=207R00000X', ['pr-kent']],
    ['Practitioner?_has:PractitionerRole:practitioner:location.address-city=Hilo', ['pr-keala', 'pr-jose']],
    ['Organization?_has:Location:organization:_has:PractitionerRole:location:specialty=207Q00000X', ['org-hilo', 'org-kona']],
    ['Patient?_has:Observation:subject:value-quantity=gt150', ['pat-2']],
  ],
};

describe('search', () => {
  forEachDialect('search', (open) => {
    let store: Store;
    before(async () => {
      store = await openSearchStore(open);
      await store.transaction('sandbox', async (tx) => { for (const r of SEARCH_DATA) await tx.update(r); });
    });
    const run = async (env: string, qs: string, lenient = false) => {
      const [type, rest = ''] = qs.split('?');
      const registry = await searchRegistry();
      const query = parseSearch(registry, type!, [...new URLSearchParams(rest)], { lenient, defaultCount: 50, maxCount: 100 });
      return store.search(env, query);
    };
    const ids = async (qs: string) => (await run('sandbox', qs)).matches.map((m) => m.id).sort();

    for (const [group, cases] of Object.entries(CASES)) {
      describe(group, () => {
        for (const [qs, expected] of cases) {
          it(qs, async () => assert.deepEqual(await ids(qs), [...expected].sort()));
        }
      });
    }

    it('matches _lastUpdated at full instant precision', async () => {
      const all = (await run('sandbox', 'Practitioner?_count=100')).matches;
      const latest = all.map((m) => m.lastUpdated).sort().at(-1)!;
      const atLatest = all.filter((m) => m.lastUpdated === latest).map((m) => m.id).sort();
      assert.deepEqual(await ids(`Practitioner?_lastUpdated=${encodeURIComponent(latest)}`), atLatest);
      assert.deepEqual(await ids(`Practitioner?_lastUpdated=gt${encodeURIComponent(latest)}`), []);
      assert.deepEqual(await ids(`Practitioner?_lastUpdated=lt${encodeURIComponent(latest)}`),
        all.filter((m) => m.lastUpdated < latest).map((m) => m.id).sort());
      assert.deepEqual(await ids('Practitioner?_lastUpdated=gt2000-01-01'), ['pr-ana', 'pr-jose', 'pr-keala', 'pr-kent']);
      assert.deepEqual(await ids('Practitioner?_lastUpdated=lt2000'), []);
    });

    it('is partitioned by environment', async () => {
      assert.deepEqual((await run('production', 'Practitioner?name=ke')).matches, []);
    });

    it('counts matches when asked', async () => {
      assert.equal((await run('sandbox', 'Practitioner?gender=male&_total=accurate')).total, 2);
      assert.equal((await run('sandbox', 'Practitioner?gender=male&_total=estimate')).total, 2);
      assert.equal((await run('sandbox', 'Practitioner?gender=male')).total, undefined);
      assert.equal((await run('sandbox', 'Practitioner?gender=male&_total=none')).total, undefined);
      const count = await run('sandbox', 'Practitioner?_summary=count');
      assert.deepEqual([count.total, count.matches.length], [4, 0]);
    });

    it('includes exactly the referenced resources', async () => {
      const r = await run('sandbox', 'PractitionerRole?specialty=207Q00000X&_include=PractitionerRole:practitioner&_include=PractitionerRole:location');
      assert.deepEqual(r.matches.map((m) => m.id).sort(), ['role-1', 'role-3']);
      assert.deepEqual(r.included.map((m) => `${m.type}/${m.id}`).sort(),
        ['Location/loc-hilo', 'Location/loc-honolulu', 'Practitioner/pr-jose', 'Practitioner/pr-keala']);
    });

    it('revincludes, iterates and expands *', async () => {
      const rev = await run('sandbox', 'Practitioner?_id=pr-keala&_revinclude=PractitionerRole:practitioner');
      assert.deepEqual(rev.included.map((m) => m.id), ['role-1']);
      const iter = await run('sandbox', 'PractitionerRole?_id=role-1&_include=PractitionerRole:location&_include:iterate=Location:organization');
      assert.deepEqual(iter.included.map((m) => m.id).sort(), ['loc-hilo', 'org-hilo']);
      const star = await run('sandbox', 'PractitionerRole?_id=role-2&_include=*');
      assert.deepEqual(star.included.map((m) => m.id).sort(), ['loc-kona', 'org-kona', 'pr-kent']);
    });

    it('sorts on several keys, missing values last', async () => {
      const byFamily = await run('sandbox', 'Practitioner?_sort=family');
      assert.deepEqual(byFamily.matches.map((m) => m.id), ['pr-keala', 'pr-kent', 'pr-jose', 'pr-ana']);
      const byBirth = await run('sandbox', 'Patient?_sort=-birthdate');
      assert.deepEqual(byBirth.matches.map((m) => m.id), ['pat-1', 'pat-2', 'pat-3']);
      const byBirthAsc = await run('sandbox', 'Patient?_sort=birthdate');
      assert.deepEqual(byBirthAsc.matches.map((m) => m.id), ['pat-2', 'pat-1', 'pat-3']);
      const byGender = await run('sandbox', 'Practitioner?_sort=gender,-family');
      assert.deepEqual(byGender.matches.map((m) => m.id), ['pr-keala', 'pr-jose', 'pr-kent', 'pr-ana']);
    });

    it('pages forward and back with cursors', async () => {
      const seen: string[] = [];
      let qs = 'Practitioner?_count=1&_sort=family';
      let page = await run('sandbox', qs);
      seen.push(...page.matches.map((m) => m.id));
      while (page.nextCursor) {
        page = await run('sandbox', `${qs}&_cursor=${page.nextCursor}`);
        seen.push(...page.matches.map((m) => m.id));
      }
      assert.deepEqual(seen, ['pr-keala', 'pr-kent', 'pr-jose', 'pr-ana']);
      assert.ok(page.prevCursor);
      const back = await run('sandbox', `${qs}&_cursor=${page.prevCursor}`);
      assert.deepEqual(back.matches.map((m) => m.id), ['pr-jose']);
      qs = 'Practitioner?_count=3';
      const firstPage = await run('sandbox', qs);
      assert.equal(firstPage.prevCursor, undefined);
      assert.equal(firstPage.matches.length, 3);
    });

    it('keeps paging correct while data changes', async () => {
      await store.transaction('production', async (tx) => {
        for (let i = 0; i < 6; i++) await tx.update({ resourceType: 'Organization', id: `p-${i}`, name: `Org ${i}` });
      });
      const run2 = (qs: string) => run('production', qs);
      const first = await run2('Organization?_count=2');
      assert.deepEqual(first.matches.map((m) => m.id), ['p-0', 'p-1']);
      // Meanwhile: one not yet seen is deleted, one already seen is updated, a new one is added.
      await store.transaction('production', async (tx) => {
        await tx.delete('Organization', 'p-2');
        await tx.update({ resourceType: 'Organization', id: 'p-0', name: 'Org zero' });
        await tx.update({ resourceType: 'Organization', id: 'p-new', name: 'Org new' });
      });
      const rest: string[] = [];
      let page = first;
      while (page.nextCursor) {
        page = await run2(`Organization?_count=2&_cursor=${page.nextCursor}`);
        rest.push(...page.matches.map((m) => m.id));
      }
      assert.deepEqual(rest, ['p-3', 'p-4', 'p-5', 'p-new']);
    });

    it('finds rare matches beyond the walked rid windows', async () => {
      // 20,000 rows of one type: the windowed walk (256, 2,048, 16,384 rids) cannot fill the
      // page, so the search must fall back to collecting matches after where the walk stopped.
      await store.ensureEnvironment('walk');
      const orgs = Array.from({ length: 20_000 }, (_, i) => ({ resourceType: 'Organization', id: `w-${i}`, name: i === 100 || i === 19_990 ? `Needle ${i}` : `Hay ${i}` }));
      await store.bulkLoad('walk', orgs);
      const first = await run('walk', 'Organization?name:contains=needle&_count=1');
      assert.deepEqual(first.matches.map((m) => m.id), ['w-100']);
      const second = await run('walk', `Organization?name:contains=needle&_count=1&_cursor=${first.nextCursor}`);
      assert.deepEqual(second.matches.map((m) => m.id), ['w-19990']);
      assert.equal(second.nextCursor, undefined);
      const both = await run('walk', 'Organization?name:contains=needle&_count=5');
      assert.deepEqual(both.matches.map((m) => m.id), ['w-100', 'w-19990']);
    });

    it('rejects bad input with a 400 naming the parameter', async () => {
      const bad = ['Practitioner?foo=bar', 'Practitioner?birthdate=2020-13-45', 'Practitioner?name.family=x',
        'Practitioner?name:nonsense=x', 'Practitioner?_count=-1', 'Practitioner?_sort=nothing', 'Practitioner?_cursor=garbage',
        'PractitionerRole?practitioner=Location/loc-hilo', 'Location?near=abc', 'Practitioner?name=a%00b', 'Practitioner?_include=Location:organization'];
      for (const qs of bad) {
        await assert.rejects(run('sandbox', qs), (e: unknown) => e instanceof FhirError && e.status === 400, qs);
      }
    });

    it('ignores and reports bad parameters when lenient', async () => {
      const r = await run('sandbox', 'Practitioner?foo=bar&gender=male', true);
      assert.deepEqual(r.matches.map((m) => m.id).sort(), ['pr-jose', 'pr-kent']);
    });
  });
});
