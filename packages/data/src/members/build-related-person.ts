/**
 * C4BB-RelatedPerson resources: a member acting for someone else (a parent for a child, a
 * caregiver for an older parent). The RelatedPerson is the representative as seen from the
 * represented person's record; the representative's own Patient links back to it ("seealso").
 */
import { coding, reference, type DirectoryResource } from '../directory/datatypes.js';
import { C4BB_PROFILE, MEMBER_SYSTEM } from './c4bb-canonicals.js';
import type { PersonFacts } from './member-facts.js';
import type { RepresentsStory } from './member-stories.js';

export interface RelatedPersonInput {
  readonly id: string;
  readonly representative: PersonFacts;
  readonly represented: PersonFacts;
  readonly represents: RepresentsStory;
  readonly email: string | undefined;
  readonly lastUpdated: string;
}

export function relatedPerson(input: RelatedPersonInput): DirectoryResource {
  const { representative, represented, represents } = input;
  const { story, home } = representative;
  const telecom: Record<string, unknown>[] = [{ system: 'phone', value: representative.mobile ?? home.phone, use: representative.mobile ? 'mobile' : 'home' }];
  if (input.email !== undefined) telecom.push({ system: 'email', value: input.email, use: 'home' });
  return {
    resourceType: 'RelatedPerson', id: input.id,
    meta: { lastUpdated: input.lastUpdated, profile: [C4BB_PROFILE.RelatedPerson] },
    active: true,
    patient: reference('Patient', represented.patientId),
    relationship: represents.roles.map(([code, display]) => ({ coding: [coding(MEMBER_SYSTEM.roleCode, code, display)] })),
    name: [{ use: 'official', family: story.family, given: [...story.given] }],
    telecom,
    gender: story.gender,
    birthDate: representative.birthDate,
    address: [{ use: 'home', type: 'physical', line: [home.line], city: home.town.city, state: 'HI', postalCode: home.town.zip, country: 'US' }],
  };
}
