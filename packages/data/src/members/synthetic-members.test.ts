/** The sandbox test members: conformant to CARIN BB 2.0.0, deterministic, unique, consistent, and telling their stories. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createValidator } from '@payerport/fhir';
import { testRegistry } from '@payerport/fhir/testing';
import { TOWNS } from '../directory/hawaii-places.js';
import { SANDBOX_DIRECTORY } from '../directory/synthetic-directory.js';
import { holdDirectory, referencesIn } from '../directory/test-directory.js';
import { conformance } from '../test-conformance.js';
import { SANDBOX_MEMBERS, syntheticMembers, testMemberLogins, type MemberExtension } from './synthetic-members.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
const set = syntheticMembers(SANDBOX_MEMBERS);
const { members, people, resources } = set;
const AS_OF = '2025-01-01';
const byRef = new Map(resources.map((r) => [`${r.resourceType}/${r.id}`, r as Loose]));
const patientOf = (id: string): Loose => byRef.get(`Patient/${id}`);
const coverageOf = (patientId: string): Loose => resources.find((r) => r.resourceType === 'Coverage' && (r as Loose).beneficiary.reference === `Patient/${patientId}`);
const member = (username: string) => members.find((m) => m.username === username)!;
const ageOn = (birthDate: string, day: string) => Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (day.slice(5) < birthDate.slice(5) ? 1 : 0);

describe('syntheticMembers', () => {
  it('is deterministic, and the seed matters', () => {
    assert.equal(JSON.stringify(syntheticMembers(SANDBOX_MEMBERS)), JSON.stringify(set));
    assert.equal(JSON.stringify(syntheticMembers()), JSON.stringify(set), 'the sandbox set is the default');
    const other = syntheticMembers({ seed: 1 });
    assert.notEqual(JSON.stringify(other.resources), JSON.stringify(resources));
    assert.deepEqual(other.members, members, 'sign-ins do not depend on the seed');
  });

  it('has at least 12 sign-ins with unique lowercase usernames and distinct sandbox passwords of 12+ characters', () => {
    assert.ok(members.length >= 12, `${members.length} members`);
    assert.equal(new Set(members.map((m) => m.username)).size, members.length);
    assert.equal(new Set(members.map((m) => m.password)).size, members.length);
    assert.equal(new Set(members.map((m) => m.description)).size, members.length, 'every story differs');
    for (const m of members) {
      assert.match(m.username, /^[a-z][a-z0-9.-]*$/, m.username);
      assert.ok(m.password.length >= 12 && /^[\x21-\x7e]+$/.test(m.password), `${m.username}: typable, 12+`);
      assert.ok(patientOf(m.patient), `${m.username} → Patient/${m.patient}`);
      assert.ok(coverageOf(m.patient), `${m.username} has a Coverage`);
    }
  });

  it('has unique resource ids, member numbers and one Patient and Coverage per person', () => {
    assert.equal(byRef.size, resources.length);
    const numbers = resources.filter((r) => r.resourceType === 'Patient').map((r) => (r as Loose).identifier[0].value);
    assert.equal(new Set(numbers).size, people.length);
    for (const p of people) {
      assert.ok(patientOf(p.patient), p.key);
      assert.equal(coverageOf(p.patient).id, p.coverage);
    }
  });

  it('every represents target exists, with a RelatedPerson for the representative', () => {
    const represented = members.flatMap((m) => (m.represents ?? []).map((r) => ({ m, r })));
    assert.ok(represented.length >= 3);
    for (const { m, r } of represented) {
      assert.ok(patientOf(r.patient), `${m.username} represents Patient/${r.patient}`);
      const rp = byRef.get(`RelatedPerson/${r.relatedPerson}`);
      assert.equal(rp?.patient.reference, `Patient/${r.patient}`);
      assert.equal(rp.name[0].family, patientOf(m.patient).name[0].family);
      assert.ok(patientOf(m.patient).link.some((l: Loose) => l.other.reference === `RelatedPerson/${r.relatedPerson}`), 'the representative links to it');
    }
  });

  it('every reference resolves within the members and the directory', () => {
    const known = new Set([...holdDirectory(SANDBOX_DIRECTORY).byRef.keys(), ...byRef.keys()]);
    const missing = resources.flatMap((r) => referencesIn(r).filter((ref) => !known.has(ref)).map((ref) => `${r.id} → ${ref}`));
    assert.deepEqual(missing, []);
  });

  it('tells each story', () => {
    const family = member('leilani.kahale').represents![0]!;
    assert.ok(ageOn(patientOf(family.patient).birthDate, AS_OF) < 18 && !members.some((m) => m.patient === family.patient), 'a child without a login');
    assert.equal(coverageOf(family.patient).subscriber.reference, `Patient/${member('leilani.kahale').patient}`);
    const claims = new Map(people.map((p) => [p.patient, p.claims]));
    assert.equal(claims.get(member('kenji.nakamura').patient), 'many');
    assert.equal(claims.get(member('grace.wong').patient), 'none');
    for (const username of ['robert.higa', 'haruko.tanaka']) {
      const m = member(username);
      assert.ok(ageOn(patientOf(m.patient).birthDate, AS_OF) >= 65, `${username} is 65+`);
      assert.equal(coverageOf(m.patient).type.coding[0].code, '11', `${username} has Medicare Advantage`);
    }
    assert.equal(coverageOf(member('malia.faleafine').patient).type.coding[0].code, '21', 'Medicaid');
    const spanish = members.filter((m) => m.language === 'es');
    assert.deepEqual(spanish.map((m) => patientOf(m.patient).communication[0].language.coding[0].code), ['es']);
    const ended = coverageOf(member('david.anderson').patient).period;
    assert.ok(ended.end < AS_OF && ended.end.startsWith('2024'), 'coverage ended last year');
    assert.ok(resources.filter((r) => r.resourceType === 'Coverage').filter((c) => (c as Loose).period.end !== undefined).length === 1, 'only one ended');
    assert.equal(coverageOf(member('noelani.akana').patient).relationship.coding[0].code, 'spouse');
    const makoa = coverageOf(member('makoa.akana').patient);
    const household = resources.filter((r) => r.resourceType === 'Coverage' && (r as Loose).subscriberId === makoa.subscriberId);
    assert.deepEqual(household.map((c) => (c as Loose).relationship.coding[0].code).sort(), ['child', 'self', 'spouse']);
    const newborn = household.find((c) => (c as Loose).relationship.coding[0].code === 'child') as Loose;
    const born = patientOf(newborn.beneficiary.reference.split('/')[1]).birthDate;
    assert.ok(born > '2024-10-01' && born < AS_OF, `newborn born ${born}`);
    assert.equal(newborn.period.start, born, 'covered from birth');
    const caregiver = member('kehau.tanaka').represents![0]!;
    assert.equal(caregiver.patient, member('haruko.tanaka').patient);
    assert.equal(caregiver.relationship, 'caregiver');
    assert.equal(patientOf(member('maria.pena-kealoha').patient).name[0].family, 'Peña-Kealoha');
  });

  it('lives in the directory\'s towns, and names the directory\'s plans and payer', () => {
    const towns = new Set(TOWNS.map((t) => `${t.city}|${t.zip}`));
    for (const p of resources.filter((r) => r.resourceType === 'Patient') as Loose[]) assert.ok(towns.has(`${p.address[0].city}|${p.address[0].postalCode}`), p.id);
    const directory = holdDirectory(SANDBOX_DIRECTORY);
    const planIds = new Set(directory.ofType('InsurancePlan').flatMap((p) => (p as Loose).plan.map((x: Loose) => x.identifier[0].value)));
    const current = resources.filter((r) => r.resourceType === 'Coverage' && (r as Loose).period.end === undefined && (r as Loose).type.coding[0].code !== '21') as Loose[];
    for (const c of current) assert.ok(planIds.has(c.class.find((k: Loose) => k.type.coding[0].code === 'plan').value), c.id);
    const twin = directory.byRef.get('Organization/org-payer-kokua') as Loose;
    const payer = byRef.get(coverageOf(members[0]!.patient).payor[0].reference);
    assert.equal(payer.name, twin.name);
    assert.equal(payer.telecom[0].value, twin.telecom[0].value);
    assert.deepEqual(payer.address[0].line, twin.address[0].line);
  });

  it('calls extensions once per person and appends what they add', () => {
    const seen: string[] = [];
    const eob: MemberExtension = (person, context) => {
      seen.push(person.key);
      if (person.claims === 'none') return [];
      return [{ resourceType: 'Basic', id: `claim-${person.key}`, subject: { reference: `Patient/${person.patient}` }, seed: context.seed }];
    };
    const extended = syntheticMembers({ ...SANDBOX_MEMBERS, extensions: [eob] });
    assert.deepEqual(seen, people.map((p) => p.key));
    assert.deepEqual(extended.resources.slice(0, resources.length), resources, 'member resources first, unchanged');
    assert.equal(extended.resources.length - resources.length, people.filter((p) => p.claims !== 'none').length);
  });

  it('lists the sign-ins for the portal', () => {
    assert.deepEqual(testMemberLogins(), members.map(({ username, password, patient, description }) => ({ username, password, patient, description })));
  });

  it('validates against the CARIN BB 2.0.0 profiles with no errors or warnings', async (t) => {
    const validator = createValidator(await testRegistry());
    const { problems, profiles } = conformance(validator, resources);
    // The validator does not run FHIRPath invariants; CARIN's *-meta-profile-version ones are checked here.
    for (const profile of profiles) assert.ok(profile.includes('/carin-bb/StructureDefinition/C4BB-') && profile.includes('|2.0.'), profile);
    t.diagnostic(`${resources.length} resources, ${profiles.size} profiles`);
    assert.deepEqual(problems, []);
    assert.equal(profiles.size, 4);
    // The profiles really apply: a Patient without its member number and a Coverage without its payer fail.
    const patient = structuredClone(patientOf(members[0]!.patient));
    delete patient.identifier;
    assert.ok(validator.validate(patient).errors.length > 0);
    const coverage = structuredClone(coverageOf(members[0]!.patient));
    delete coverage.payor;
    assert.ok(validator.validate(coverage).errors.length > 0);
  });
});
