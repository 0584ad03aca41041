/** @payerport/fhir-api — framework-free FHIR REST handlers (https://hl7.org/fhir/R4/http.html). */
export { createFhirApi, type FhirApi } from './router.js';
export type { FhirApiOptions, ApiLogger, OAuthEndpoints } from './model/api-context.js';
export { fhirRequest, header, queryValue, type RequestFields, type FhirRequest, type FhirResponse, type FhirRoute, type Interaction, type QueryPairs, type RequestHeaders } from './model/fhir-request.js';
export { parseRoute, methodNotAllowed } from './model/parse-route.js';
export { buildCapabilityStatement, type CapabilityOptions } from './capability/capability-statement.js';
export { indexedSearchParams } from './capability/indexed-params.js';
export { subsetResource, SUBSETTED, type SubsetSpec } from './resource/subset.js';
export { pageUrl, CURSOR_PARAM } from './bundle/paging-links.js';
export type { AccessContext, AccessResolver, AccessResult, PatientAccess, SystemAccess } from './access/access-context.js';
export { publicTypesOf, PUBLIC_IGS } from './access/public-types.js';
export { REALM } from './access/challenges.js';
