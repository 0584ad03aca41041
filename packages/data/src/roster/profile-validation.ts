/**
 * The import's validation hook over the @payerport/fhir profile validator: a resource is
 * rejected for errors only (warnings and missing must-support elements are not the roster's
 * fault). No Plan-Net rule is set aside: an ended role is written as a conformant final version
 * (`active: true`, `period.end`) and then deleted — see docs/decisions/0009-roster-import.md.
 */
import type { ResourceValidator } from '@payerport/fhir';
import type { ValidateResource } from './screen-resources.js';

export function profileValidation(validator: ResourceValidator): ValidateResource {
  return (resource) => validator.validate(resource).errors.map((e) => `${e.location}: ${e.message}`);
}
