/** FHIR logical ids — https://hl7.org/fhir/R4/datatypes.html#id. One definition for every layer that checks them. */

/** 1–64 of A–Z, a–z, 0–9, `-` and `.`. */
export const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** True if `id` is a valid FHIR logical id. */
export function isFhirId(id: unknown): id is string {
  return typeof id === 'string' && FHIR_ID.test(id);
}
