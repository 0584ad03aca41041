/**
 * The seeded facts of each person in the stories: ids, birthday, home address and phones,
 * member numbers and coverage period. Each person draws from their own stream and each household
 * from the subscriber's, so one story's facts never depend on the stories around it.
 */
import { town } from '../directory/hawaii-places.js';
import { labelHash, rngFor } from '../directory/prng.js';
import { placeIn, type Place } from '../directory/sites.js';
import { MEMBER_PAYER } from './member-products.js';
import type { PersonStory } from './member-stories.js';

const K_PERSON = labelHash('member-person');
const K_HOUSEHOLD = labelHash('member-household');
const K_NUMBER = labelHash('member-number');
const DAY_MS = 86_400_000;

/** Resource ids of the members' data: readable, and prefixed so they never meet the IG examples' ids. */
export const MEMBER_ID = {
  payer: (payerKey: string) => `c4bb-payer-${payerKey}`,
  patient: (key: string) => `member-${key}`,
  coverage: (key: string) => `coverage-${key}`,
  relatedPerson: (representative: string, person: string) => `rp-${representative}-for-${person}`,
} as const;

/** Member numbers are issued under the plan's own namespace (an example.org domain: never real numbers). */
export const MEMBER_ID_SYSTEM = `https://${MEMBER_PAYER.domain}/fhir/sid/member-id`;

export interface PersonFacts {
  readonly story: PersonStory;
  readonly subscriber: PersonStory;
  readonly patientId: string;
  readonly coverageId: string;
  readonly birthDate: string;
  /** The household's home address and landline (the subscriber's). */
  readonly home: Place;
  /** Adults' own mobile phone. */
  readonly mobile: string | undefined;
  readonly subscriberId: string;
  /** Coverage.dependent: "01" for the subscriber, then "02", "03"... in story order. */
  readonly dependent: string;
  /** The plan's member number: subscriber id + dependent number. */
  readonly memberId: string;
  readonly period: { readonly start: string; readonly end?: string };
}

const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** A birthday making the person `age` on `asOf` (or a baby 30–69 days old). */
function birthDate(age: PersonStory['age'], asOf: Date, draw: (n: number) => number): string {
  if (age === 'newborn') return isoDate(asOf.getTime() - (30 + draw(40)) * DAY_MS);
  const anniversary = new Date(asOf);
  anniversary.setUTCFullYear(asOf.getUTCFullYear() - age);
  return isoDate(anniversary.getTime() - draw(365) * DAY_MS);
}

/** The facts of every person in `stories`, in the same order. Throws on an inconsistent table. */
export function personFacts(stories: readonly PersonStory[], seed: number, asOf: Date): PersonFacts[] {
  const byKey = new Map(stories.map((s, i) => [s.key, { story: s, index: i }]));
  const year = asOf.getUTCFullYear();
  const nextDependent = new Map<string, number>();
  return stories.map((story, index) => {
    const subscriberKey = story.coverage.subscriber ?? story.key;
    const sub = byKey.get(subscriberKey);
    if (sub === undefined || sub.story.town === undefined) throw new Error(`${story.key}: subscriber ${subscriberKey} is not a story with a town`);
    if ((story.coverage.relationship === 'self') !== (sub.story === story)) throw new Error(`${story.key}: only a subscriber has relationship self`);
    if (sub.story.coverage.product !== story.coverage.product) throw new Error(`${story.key}: a dependent has the subscriber's product`);
    const rng = rngFor(seed, K_PERSON, index);
    const home = placeIn(town(sub.story.town), rngFor(seed, K_HOUSEHOLD, sub.index));
    const born = birthDate(story.age, asOf, (n) => rng.int(n));
    const adult = typeof story.age === 'number' && story.age >= 18;
    const mobile = adult ? `(808) ${rng.pick(home.town.exchanges)}-${String(rng.int(10000)).padStart(4, '0')}` : undefined;
    // The story's position in the subscriber id keeps numbers unique whatever the seed.
    const subscriberId = `8${String(sub.index + 1).padStart(2, '0')}${String(rngFor(seed, K_NUMBER, sub.index).int(1_000_000)).padStart(6, '0')}`;
    let n = 1;
    if (story.coverage.subscriber !== undefined) {
      n = (nextDependent.get(subscriberKey) ?? 1) + 1;
      nextDependent.set(subscriberKey, n);
    }
    const dependent = String(n).padStart(2, '0');
    const since = `${year - story.coverage.since}-01-01`;
    const start = born > since ? born : since;
    const ended = story.coverage.endedYearsAgo;
    return {
      story, subscriber: sub.story, patientId: MEMBER_ID.patient(story.key), coverageId: MEMBER_ID.coverage(story.key),
      birthDate: born, home, mobile, subscriberId, dependent, memberId: `${subscriberId}${dependent}`,
      period: ended === undefined ? { start } : { start, end: `${year - ended}-09-30` },
    };
  });
}
