/** Constructors for the Plan-Net extensions the builders use (http://hl7.org/fhir/us/davinci-pdex-plan-net/1.1.0/profiles.html). */
import { concept, reference, type Extension } from './datatypes.js';
import { EXTENSION, SYSTEM } from './plannet-canonicals.js';
import type { Accepting } from './practitioner-facts.js';

const ACCEPTING_DISPLAY: Record<Accepting, string> = {
  newpt: 'Accepting', existptonly: 'Accepting existing patients', existptfam: 'Accepting existing patients and their families', nopt: 'Not Accepting',
};

/** newpatients: whether new patients are accepted, for patients of `networkId` when given. */
export function newPatients(accepting: Accepting, networkId?: string, characteristics?: string): Extension {
  const parts: Extension[] = [{ url: 'acceptingPatients', valueCodeableConcept: concept(SYSTEM.acceptingPatients, accepting, ACCEPTING_DISPLAY[accepting]) }];
  if (networkId !== undefined) parts.push({ url: 'fromNetwork', valueReference: reference('Organization', networkId) });
  // The profile forbids characteristics when nobody is accepted.
  if (characteristics !== undefined && accepting !== 'nopt') parts.push({ url: 'characteristics', valueString: characteristics });
  return { url: EXTENSION.newPatients, extension: parts };
}

export function networkReference(networkId: string): Extension {
  return { url: EXTENSION.networkReference, valueReference: reference('Organization', networkId) };
}

export function locationReference(locationId: string): Extension {
  return { url: EXTENSION.locationReference, valueReference: reference('Location', locationId) };
}

export function orgDescription(text: string): Extension {
  return { url: EXTENSION.orgDescription, valueString: text };
}

export function accessibility(code: string): Extension {
  const display: Record<string, string> = { handiaccess: 'handicap accessible', adacomp: 'ADA compliant', pubtrans: 'public transit options', cultcomp: 'Cultural competence' };
  return { url: EXTENSION.accessibility, valueCodeableConcept: concept(SYSTEM.accessibility, code, display[code]) };
}

const MODALITY_DISPLAY: Record<string, string> = { phone: 'phone', video: 'video chat', app: 'App', web: 'Website', tdd: 'TDD', sms: 'SMS' };

/** delivery-method: physical, or virtual with the ways it is delivered. */
export function deliveryMethod(type: 'physical' | 'virtual', modalities: readonly string[] = []): Extension {
  const parts: Extension[] = [{ url: 'type', valueCodeableConcept: concept(SYSTEM.deliveryMethod, type, type === 'physical' ? 'Physical' : 'Virtual') }];
  for (const m of modalities) parts.push({ url: 'virtualModalities', valueCodeableConcept: concept(SYSTEM.virtualModalities, m, MODALITY_DISPLAY[m]) });
  return { url: EXTENSION.deliveryMethod, extension: parts };
}

const USECASE_DISPLAY: Record<string, string> = { TREAT: 'treatment', HPAYMT: 'healthcare payment', COC: 'coordination of care', COVERAGE: 'eligibility verification and determination', HOPERAT: 'healthcare operations' };

/** endpoint-usecase: a v3-ActReason purpose, with the standard the endpoint follows when given. */
export function endpointUsecase(code: string, standard?: string): Extension {
  const parts: Extension[] = [{ url: 'type', valueCodeableConcept: concept(SYSTEM.actReason, code, USECASE_DISPLAY[code]) }];
  if (standard !== undefined) parts.push({ url: 'standard', valueUri: standard });
  return { url: EXTENSION.endpointUsecase, extension: parts };
}

const PROFICIENCY_DISPLAY: Record<string, string> = { '30': 'General professional proficiency', '40': 'Advanced professional proficiency', '50': 'Functional native proficiency' };

export function communicationProficiency(level: '30' | '40' | '50'): Extension {
  return { url: EXTENSION.communicationProficiency, valueCodeableConcept: concept(SYSTEM.languageProficiency, level, PROFICIENCY_DISPLAY[level]) };
}

/** The status/whereValid part of a Practitioner.qualification (practitioner-qualification extension). */
export function practitionerQualification(whereValid?: string): Extension {
  const parts: Extension[] = [{ url: 'status', valueCode: 'active' }];
  if (whereValid !== undefined) parts.push({ url: 'whereValid', valueCodeableConcept: concept(SYSTEM.usps, whereValid) });
  return { url: EXTENSION.practitionerQualification, extension: parts };
}

/** qualification (on Organization): a licence with its number, code, issuer, status, period and state. */
export function qualification(q: { system: string; value: string; code: { system: string; code: string; display: string }; issuer: string; since: string; state: string }): Extension {
  return {
    url: EXTENSION.qualification,
    extension: [
      { url: 'identifier', valueIdentifier: { system: q.system, value: q.value } },
      { url: 'code', valueCodeableConcept: concept(q.code.system, q.code.code, q.code.display) },
      { url: 'issuer', valueReference: { display: q.issuer } },
      { url: 'status', valueCode: 'active' },
      { url: 'period', valuePeriod: { start: q.since } },
      { url: 'whereValid', valueCodeableConcept: concept(SYSTEM.usps, q.state) },
    ],
  };
}
