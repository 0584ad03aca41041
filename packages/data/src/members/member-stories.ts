/**
 * The people of the sandbox: twelve test members who can sign in, each with a different story an
 * app developer needs to try (a family, many claims, none, Medicare Advantage, Medicaid, Spanish,
 * ended coverage, a dependent spouse, a subscriber for three, a caregiver, a newborn, an accented
 * name), plus the two dependents who cannot sign in. Names, stories and passwords are fixed so the
 * README can list them; the seed decides addresses, phones, birthdays and member numbers.
 * Any match with a real person is coincidence. The passwords are for the sandbox only.
 */
import type { ProductKey } from './member-products.js';

/** How many claims the claims generator should give a person (claims come in a later issue). */
export type ClaimVolume = 'many' | 'some' | 'none';
export type Race = 'nhpi' | 'asian' | 'white';
export type SubscriberRelationship = 'self' | 'spouse' | 'child';
/** Why a member may see another person's data: a parent of a minor, or a caregiver with power of attorney. */
export type Representation = 'parent' | 'caregiver';

export interface CoverageStory {
  readonly product: ProductKey;
  /** The subscriber's key for a dependent; absent when the person is the subscriber. */
  readonly subscriber?: string;
  readonly relationship: SubscriberRelationship;
  /** Coverage started on January 1, this many years before the as-of date (dependents: or at birth). */
  readonly since: number;
  /** Coverage ended on September 30, this many years before the as-of date; absent = ongoing. */
  readonly endedYearsAgo?: number;
  /** The employer group of a commercial subscriber (class:group). */
  readonly employer?: { readonly value: string; readonly name: string };
}

export interface RepresentsStory {
  readonly person: string;
  readonly relationship: Representation;
  /** RelatedPerson.relationship codes (v3 RoleCode). */
  readonly roles: readonly (readonly [code: string, display: string])[];
}

export interface LoginStory {
  readonly username: string;
  readonly password: string;
  readonly description: string;
  readonly represents?: readonly RepresentsStory[];
}

export interface PersonStory {
  /** Base of the person's resource ids ("leilani-kahale" → Patient/member-leilani-kahale). */
  readonly key: string;
  readonly given: readonly string[];
  readonly family: string;
  readonly gender: 'female' | 'male';
  /** Whole years on the as-of date, or a baby born a few weeks before it. */
  readonly age: number | 'newborn';
  /** Home town (a hawaii-places key) of a subscriber; dependents live at their subscriber's address. */
  readonly town?: string;
  readonly races: readonly Race[];
  readonly hispanic: boolean;
  /** Preferred language, also the language of the member's sign-in pages. */
  readonly language: 'en' | 'es';
  readonly coverage: CoverageStory;
  readonly claims: ClaimVolume;
  readonly login?: LoginStory;
}

const MOTHER = ['MTH', 'mother'] as const;
const FATHER = ['FTH', 'father'] as const;

export const STORIES: readonly PersonStory[] = [
  {
    key: 'leilani-kahale', given: ['Leilani'], family: 'Kahale', gender: 'female', age: 38, town: 'hilo', races: ['nhpi'], hispanic: false, language: 'en',
    coverage: { product: 'hmo', relationship: 'self', since: 6, employer: { value: 'G-20417', name: 'Hilo Bayfront Canoe Works' } }, claims: 'some',
    login: {
      username: 'leilani.kahale', password: 'rainbow-falls-24',
      description: 'Parent in a family on the HMO: her own records and, as personal representative, those of her son Keoni (9), who has no login',
      represents: [{ person: 'keoni-kahale', relationship: 'parent', roles: [MOTHER] }],
    },
  },
  {
    key: 'keoni-kahale', given: ['Keoni'], family: 'Kahale', gender: 'male', age: 9, races: ['nhpi'], hispanic: false, language: 'en',
    coverage: { product: 'hmo', subscriber: 'leilani-kahale', relationship: 'child', since: 6 }, claims: 'some',
  },
  {
    key: 'kenji-nakamura', given: ['Kenji'], family: 'Nakamura', gender: 'male', age: 58, town: 'pearl-city', races: ['asian'], hispanic: false, language: 'en',
    coverage: { product: 'ppo', relationship: 'self', since: 12, employer: { value: 'G-31022', name: 'ʻEwa Plain Logistics' } }, claims: 'many',
    login: { username: 'kenji.nakamura', password: 'banyan-shade-51', description: 'Member with many claims over twelve years on the PPO (the claims come with the claims generator)' },
  },
  {
    key: 'grace-wong', given: ['Grace'], family: 'Wong', gender: 'female', age: 27, town: 'honolulu-manoa', races: ['asian'], hispanic: false, language: 'en',
    coverage: { product: 'hmo', relationship: 'self', since: 0, employer: { value: 'G-41875', name: 'Mānoa Bookbinders Cooperative' } }, claims: 'none',
    login: { username: 'grace.wong', password: 'plumeria-lei-19', description: 'New member since January 1 with no claims at all: claim searches come back empty' },
  },
  {
    key: 'robert-higa', given: ['Robert', 'Seiji'], family: 'Higa', gender: 'male', age: 71, town: 'kahului', races: ['asian'], hispanic: false, language: 'en',
    coverage: { product: 'ma', relationship: 'self', since: 6 }, claims: 'some',
    login: { username: 'robert.higa', password: 'haleakala-dawn-65', description: 'Medicare Advantage member, 71, on Maui' },
  },
  {
    key: 'malia-faleafine', given: ['Malia'], family: 'Faleafine', gender: 'female', age: 31, town: 'waianae', races: ['nhpi'], hispanic: false, language: 'en',
    coverage: { product: 'medicaid', relationship: 'self', since: 3 }, claims: 'some',
    login: { username: 'malia.faleafine', password: 'taro-patch-42', description: 'Medicaid member (QUEST Integration managed care) in Waiʻanae' },
  },
  {
    key: 'rosario-cruz', given: ['Rosario'], family: 'Cruz', gender: 'female', age: 45, town: 'kailua-kona', races: ['white'], hispanic: true, language: 'es',
    coverage: { product: 'ppo', relationship: 'self', since: 4, employer: { value: 'G-94051', name: 'Kona Coffee Pickers Cooperative' } }, claims: 'some',
    login: { username: 'rosario.cruz', password: 'cafe-de-kona-88', description: 'Spanish-speaking member (preferred language es) on the PPO in Kailua-Kona' },
  },
  {
    key: 'david-anderson', given: ['David'], family: 'Anderson', gender: 'male', age: 52, town: 'kihei', races: ['white'], hispanic: false, language: 'en',
    coverage: { product: 'hmo', relationship: 'self', since: 5, endedYearsAgo: 1, employer: { value: 'G-52310', name: 'Valley Isle Solar Installers' } }, claims: 'some',
    login: { username: 'david.anderson', password: 'trade-winds-09', description: 'Former member whose coverage ended on September 30 last year: his past records stay available' },
  },
  {
    key: 'makoa-akana', given: ['Makoa'], family: 'Akana', gender: 'male', age: 34, town: 'kapolei', races: ['nhpi'], hispanic: false, language: 'en',
    coverage: { product: 'ppo', relationship: 'self', since: 3, employer: { value: 'G-60914', name: 'Kapolei Marine Services' } }, claims: 'some',
    login: {
      username: 'makoa.akana', password: 'outrigger-crew-3',
      description: 'Subscriber for a family of three (himself, his wife Noelani, their newborn Kaʻiulani) and the baby\'s personal representative',
      represents: [{ person: 'kaiulani-akana', relationship: 'parent', roles: [FATHER] }],
    },
  },
  {
    key: 'noelani-akana', given: ['Noelani'], family: 'Akana', gender: 'female', age: 32, races: ['nhpi', 'asian'], hispanic: false, language: 'en',
    coverage: { product: 'ppo', subscriber: 'makoa-akana', relationship: 'spouse', since: 3 }, claims: 'some',
    login: { username: 'noelani.akana', password: 'moonlit-reef-27', description: 'Dependent spouse on her husband Makoa\'s PPO: sees her own records only' },
  },
  {
    key: 'kaiulani-akana', given: ['Kaʻiulani'], family: 'Akana', gender: 'female', age: 'newborn', races: ['nhpi', 'asian'], hispanic: false, language: 'en',
    coverage: { product: 'ppo', subscriber: 'makoa-akana', relationship: 'child', since: 3 }, claims: 'some',
  },
  {
    key: 'haruko-tanaka', given: ['Haruko'], family: 'Tanaka', gender: 'female', age: 88, town: 'honolulu-kaimuki', races: ['asian'], hispanic: false, language: 'en',
    coverage: { product: 'ma', relationship: 'self', since: 15 }, claims: 'some',
    login: { username: 'haruko.tanaka', password: 'orchid-garden-86', description: 'Older member (88, Medicare Advantage) whose daughter Kehau is her caregiver with healthcare power of attorney' },
  },
  {
    key: 'kehau-tanaka', given: ['Kehau'], family: 'Tanaka', gender: 'female', age: 60, town: 'aiea', races: ['asian', 'nhpi'], hispanic: false, language: 'en',
    coverage: { product: 'ppo', relationship: 'self', since: 20, employer: { value: 'G-71403', name: 'Hālawa Ridge Engineering' } }, claims: 'some',
    login: {
      username: 'kehau.tanaka', password: 'misty-uplands-60',
      description: 'Caregiver: a PPO member herself and the representative of her mother Haruko (healthcare power of attorney)',
      represents: [{ person: 'haruko-tanaka', relationship: 'caregiver', roles: [['DAUC', 'daughter'], ['HPOWATT', 'healthcare power of attorney']] }],
    },
  },
  {
    key: 'maria-pena-kealoha', given: ['María', 'Luisa'], family: 'Peña-Kealoha', gender: 'female', age: 41, town: 'wailuku', races: ['nhpi'], hispanic: true, language: 'en',
    coverage: { product: 'hmo', relationship: 'self', since: 8, employer: { value: 'G-83306', name: 'Maui Lavender Growers Association' } }, claims: 'some',
    login: { username: 'maria.pena-kealoha', password: 'iao-valley-mist-14', description: 'Hyphenated, accented family name (Peña-Kealoha) for name searches with and without the tilde' },
  },
];
