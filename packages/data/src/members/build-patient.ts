/** C4BB-Patient resources (CARIN BB 2.0.0 on US Core Patient 3.1.1): one per person, member number as the MB identifier. */
import { coding, reference, type DirectoryResource, type Extension } from '../directory/datatypes.js';
import { C4BB_PROFILE, MEMBER_SYSTEM, US_CORE_EXTENSION } from './c4bb-canonicals.js';
import { MEMBER_ID_SYSTEM, type PersonFacts } from './member-facts.js';
import type { Race } from './member-stories.js';

const RACE: Record<Race, readonly [code: string, display: string]> = {
  nhpi: ['2076-8', 'Native Hawaiian or Other Pacific Islander'],
  asian: ['2028-9', 'Asian'],
  white: ['2106-3', 'White'],
};
const LANGUAGE = { en: ['English', 'English'], es: ['Spanish', 'Español'] } as const;

/** A US Core race or ethnicity extension: OMB categories plus the required text. */
function ombExtension(url: string, categories: readonly (readonly [string, string])[]): Extension {
  return {
    url,
    extension: [
      ...categories.map(([code, display]) => ({ url: 'ombCategory', valueCoding: coding(MEMBER_SYSTEM.cdcRace, code, display) })),
      { url: 'text', valueString: categories.map(([, display]) => display).join(' and ') },
    ],
  };
}

/** Where the person can be reached: the household landline, and an adult's own mobile and e-mail. */
function telecom(facts: PersonFacts, email: string | undefined): Record<string, unknown>[] {
  const contacts: Record<string, unknown>[] = [{ system: 'phone', value: facts.home.phone, use: 'home' }];
  if (facts.mobile !== undefined) contacts.push({ system: 'phone', value: facts.mobile, use: 'mobile', rank: 1 });
  if (email !== undefined) contacts.push({ system: 'email', value: email, use: 'home' });
  return contacts;
}

export interface PatientInput {
  readonly facts: PersonFacts;
  /** The member's sign-in e-mail, for people with a login. */
  readonly email: string | undefined;
  /** RelatedPerson ids of this same person acting for others (Patient.link "seealso"). */
  readonly actsAs: readonly string[];
  readonly lastUpdated: string;
}

export function patient({ facts, email, actsAs, lastUpdated }: PatientInput): DirectoryResource {
  const { story, home } = facts;
  const [languageDisplay, languageText] = LANGUAGE[story.language];
  const resource: DirectoryResource = {
    resourceType: 'Patient', id: facts.patientId,
    meta: { lastUpdated, profile: [C4BB_PROFILE.Patient] },
    extension: [
      ombExtension(US_CORE_EXTENSION.race, story.races.map((r) => RACE[r])),
      ombExtension(US_CORE_EXTENSION.ethnicity, [story.hispanic ? ['2135-2', 'Hispanic or Latino'] : ['2186-5', 'Not Hispanic or Latino']]),
      { url: US_CORE_EXTENSION.birthsex, valueCode: story.gender === 'female' ? 'F' : 'M' },
    ],
    identifier: [{
      type: { coding: [coding(MEMBER_SYSTEM.identifierType, 'MB', 'Member Number')] },
      system: MEMBER_ID_SYSTEM, value: facts.memberId,
    }],
    active: true,
    name: [{ use: 'official', text: [...story.given, story.family].join(' '), family: story.family, given: [...story.given] }],
    telecom: telecom(facts, email),
    gender: story.gender,
    birthDate: facts.birthDate,
    address: [{ use: 'home', type: 'physical', line: [home.line], city: home.town.city, state: 'HI', postalCode: home.town.zip, country: 'US' }],
    communication: [{ language: { coding: [coding(MEMBER_SYSTEM.bcp47, story.language, languageDisplay)], text: languageText }, preferred: true }],
  };
  if (actsAs.length > 0) resource.link = actsAs.map((id) => ({ other: reference('RelatedPerson', id), type: 'seealso' }));
  return resource;
}
