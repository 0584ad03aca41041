/** plannet-Practitioner resources: NPI, name, licence and board certification, languages. */
import { concept, meta, type DirectoryResource } from './datatypes.js';
import { syntheticNpi } from './npi.js';
import { SYNTHETIC_SYSTEM, SYSTEM } from './plannet-canonicals.js';
import { communicationProficiency, practitionerQualification } from './plannet-extensions.js';
import type { PractitionerFacts } from './practitioner-facts.js';

const DEGREE_DISPLAY: Record<string, string> = {
  MD: 'Doctor of Medicine', DO: 'Doctor of Osteopathy', NP: 'Nurse Practitioner', MSN: 'Master of Science - Nursing',
  PA: 'Physician Assistant', CNM: 'Certified Nurse Midwife', PHD: 'Doctor of Philosophy', MS: 'Master of Science', MA: 'Master of Arts',
};

/** Practitioner NPIs use even ordinals and organization NPIs odd ones, so the two never collide. */
export const practitionerNpi = (i: number, seed: number): string => syntheticNpi(2 * i, seed);

export function practitioner(id: string, f: PractitionerFacts, seed: number, lastUpdated: string): DirectoryResource {
  const given = f.middleInitial === undefined ? [f.given] : [f.given, f.middleInitial];
  const { discipline } = f.specialty;
  const qualification: Record<string, unknown>[] = [{
    extension: [practitionerQualification('HI')],
    identifier: [{ system: SYNTHETIC_SYSTEM.hawaiiLicence, value: f.licence }],
    code: concept(SYSTEM.degree, f.degree, DEGREE_DISPLAY[f.degree], f.degree),
    period: { start: `${f.licensedSince}-07-01` },
    issuer: { display: discipline.licenceIssuer },
  }];
  if (f.boardCertified && f.specialty.board !== undefined) {
    qualification.push({
      extension: [practitionerQualification()],
      code: concept(SYSTEM.nucc, f.specialty.code, f.specialty.display, `Board Certified ${f.specialty.label}`),
      period: { start: `${f.licensedSince + 3}-01-01` },
      issuer: { display: f.specialty.board },
    });
  }
  return {
    resourceType: 'Practitioner', id, meta: meta('Practitioner', lastUpdated),
    identifier: [{ system: SYSTEM.npi, value: practitionerNpi(f.index, seed) }],
    active: true,
    name: [{ use: 'official', text: `${given.join(' ')}${f.middleInitial === undefined ? '' : '.'} ${f.family}, ${f.degree}`, family: f.family, given, suffix: [f.degree] }],
    gender: f.gender,
    qualification,
    communication: f.languages.map((language, k) => ({
      extension: [communicationProficiency(k === 0 ? '50' : k === 1 ? '40' : '30')],
      coding: [{ system: SYSTEM.bcp47, code: language.code, display: language.display }],
      text: language.display,
    })),
  };
}
