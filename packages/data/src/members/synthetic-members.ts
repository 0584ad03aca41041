/**
 * The sandbox's test members: people who sign in to the Patient Access API in the sandbox, with
 * their CARIN Blue Button data (C4BB Patient, Coverage, RelatedPerson, and the payer as a C4BB
 * Organization). Seeded and deterministic like the directory and formularies. Claims come later:
 * a claims generator plugs in as a MemberExtension and is called once per covered person.
 */
import type { DirectoryResource } from '../directory/datatypes.js';
import { coverage } from './build-coverage.js';
import { patient } from './build-patient.js';
import { payerOrganization } from './build-payer.js';
import { relatedPerson } from './build-related-person.js';
import { MEMBER_ID, personFacts, type PersonFacts } from './member-facts.js';
import { MEMBER_PAYER, type ProductKey } from './member-products.js';
import { STORIES, type ClaimVolume, type Representation } from './member-stories.js';

export type { ClaimVolume, Representation } from './member-stories.js';
export type { ProductKey } from './member-products.js';

/** A sign-in of the sandbox. The passwords are published on purpose: sandbox only, never production. */
export interface TestMember {
  readonly username: string;
  readonly password: string;
  readonly description: string;
  /** Language of the member's sign-in and consent pages. */
  readonly language: 'en' | 'es';
  /** Patient id of the member's own record. */
  readonly patient: string;
  /** Others whose data this member may share, and the RelatedPerson that records it. */
  readonly represents?: readonly { readonly patient: string; readonly relationship: Representation; readonly relatedPerson: string }[];
}

/** One person with coverage (members and dependents without a login): what a MemberExtension builds on. */
export interface CoveredPerson {
  readonly key: string;
  readonly patient: string;
  readonly coverage: string;
  /** Organization id of the payer (Coverage.payor; ExplanationOfBenefit.insurer). */
  readonly payer: string;
  readonly product: ProductKey;
  readonly period: { readonly start: string; readonly end?: string };
  readonly birthDate: string;
  readonly gender: 'female' | 'male';
  /** Home town (a hawaii-places key): where the person's care is mostly given. */
  readonly town: string;
  /** How many claims the story calls for; 'none' must stay without any. */
  readonly claims: ClaimVolume;
}

export interface MemberContext {
  readonly seed: number;
  readonly lastUpdated: string;
}

/** Adds resources about one person (e.g. ExplanationOfBenefits); they come after every member resource. */
export type MemberExtension = (person: CoveredPerson, context: MemberContext) => Iterable<DirectoryResource>;

export interface MemberOptions {
  /** PRNG seed (default 1). Same options, same output. */
  readonly seed?: number;
  /** meta.lastUpdated of every resource (default 2025-01-01T00:00:00Z); its date is the day ages and coverage periods count from. */
  readonly lastUpdated?: string;
  readonly extensions?: readonly MemberExtension[];
}

export interface SyntheticMembers {
  /** The sign-ins, in story order. */
  readonly members: readonly TestMember[];
  readonly people: readonly CoveredPerson[];
  /** Referenced first: the payer, Patients, Coverages, RelatedPersons, then what extensions add. */
  readonly resources: readonly DirectoryResource[];
}

/** The sandbox's members (`npm start`), seeded like SANDBOX_DIRECTORY so the payer matches its directory twin. */
export const SANDBOX_MEMBERS: MemberOptions = Object.freeze({ seed: 808 });

const emailOf = (facts: PersonFacts): string | undefined => (facts.story.login ? `${facts.story.login.username}@example.com` : undefined);

/** The test members and their resources; the same options always give the same output. */
export function syntheticMembers(options: MemberOptions = SANDBOX_MEMBERS): SyntheticMembers {
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const lastUpdated = options.lastUpdated ?? '2025-01-01T00:00:00Z';
  const asOf = new Date(lastUpdated);
  if (Number.isNaN(asOf.getTime())) throw new RangeError(`lastUpdated must be a FHIR instant, got ${lastUpdated}`);
  const facts = personFacts(STORIES, seed, asOf);
  const byKey = new Map(facts.map((f) => [f.story.key, f]));
  const factsOf = (key: string): PersonFacts => {
    const found = byKey.get(key);
    if (found === undefined) throw new Error(`no story ${key}`);
    return found;
  };

  const links = facts.flatMap((rep) => (rep.story.login?.represents ?? []).map((r) => ({ rep, r, id: MEMBER_ID.relatedPerson(rep.story.key, r.person) })));
  const members: TestMember[] = facts.flatMap((f) => {
    const login = f.story.login;
    if (login === undefined) return [];
    const mine = links.filter((l) => l.rep === f).map((l) => ({ patient: factsOf(l.r.person).patientId, relationship: l.r.relationship, relatedPerson: l.id }));
    const member = { username: login.username, password: login.password, description: login.description, language: f.story.language, patient: f.patientId };
    return [mine.length > 0 ? { ...member, represents: mine } : member];
  });
  const people: CoveredPerson[] = facts.map((f) => ({
    key: f.story.key, patient: f.patientId, coverage: f.coverageId, payer: MEMBER_ID.payer(MEMBER_PAYER.key), product: f.story.coverage.product,
    period: f.period, birthDate: f.birthDate, gender: f.story.gender, town: f.home.town.key, claims: f.story.claims,
  }));

  const year = asOf.getUTCFullYear();
  const resources: DirectoryResource[] = [
    payerOrganization(seed, lastUpdated),
    ...facts.map((f) => patient({ facts: f, email: emailOf(f), actsAs: links.filter((l) => l.rep === f).map((l) => l.id), lastUpdated })),
    ...facts.map((f) => coverage(f, year, lastUpdated)),
    ...links.map(({ rep, r, id }) => relatedPerson({ id, representative: rep, represented: factsOf(r.person), represents: r, email: emailOf(rep), lastUpdated })),
  ];
  const context: MemberContext = { seed, lastUpdated };
  for (const extension of options.extensions ?? []) {
    for (const person of people) resources.push(...extension(person, context));
  }
  return { members, people, resources };
}

/** What the developer portal shows of a sign-in. */
export type TestMemberLogin = Pick<TestMember, 'username' | 'password' | 'patient' | 'description'>;

/** The sandbox sign-ins as `GET /api/sandbox/test-members` lists them. */
export function testMemberLogins(options: MemberOptions = SANDBOX_MEMBERS): TestMemberLogin[] {
  return syntheticMembers(options).members.map(({ username, password, patient, description }) => ({ username, password, patient, description }));
}
