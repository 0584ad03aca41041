/** @payerport/fhir — framework-free FHIR kernel: definitions, errors, indexing, search parsing. */
export type * from './definitions/types.js';
export * from './definitions/load-registry.js';
export * from './errors/fhir-error.js';
export type * from './indexing/index-row.js';
export * from './indexing/normalize.js';
export * from './indexing/indexer.js';
export type * from './search/query.js';
export * from './search/parse-search.js';
export { parseCount } from './search/parse-result-params.js';
export * from './search/indexed-params.js';
export * from './search/matcher.js';
export type * from './validation/types.js';
export * from './validation/validator.js';
export * from './validation/operation-outcome.js';
export { greatCircleKm } from './indexing/great-circle.js';
export { FHIR_ID, isFhirId } from './fhir-id.js';
export * from './smart/smart-scope.js';
