/**
 * The import's validation hook over the @payerport/fhir profile validator: a resource is
 * rejected for errors only (warnings and missing must-support elements are not the roster's
 * fault). One rule is set aside on purpose: Plan-Net 1.1.0 pins PractitionerRole.active to
 * `true`, while an ended role (an effective_end in the past, or end-dated by --full) is kept,
 * inactive, so the directory's history can say when it ended — see docs/roster-import.md.
 */
import type { ResourceValidator, ValidationIssue } from '@payerport/fhir';
import type { Json } from './import-plan.js';
import type { ValidateResource } from './screen-resources.js';

const isEndedRole = (resource: Json): boolean =>
  resource.resourceType === 'PractitionerRole' && resource.active === false && typeof (resource.period as Json | undefined)?.end === 'string';

const isActivePattern = (issue: ValidationIssue): boolean => issue.location === 'PractitionerRole.active';

export function profileValidation(validator: ResourceValidator): ValidateResource {
  return (resource) => {
    const ended = isEndedRole(resource);
    return validator.validate(resource).errors
      .filter((e) => !(ended && isActivePattern(e)))
      .map((e) => `${e.location}: ${e.message}`);
  };
}
