import type { Registry } from '../definitions/types.js';
import type { SearchQuery } from './query.js';
import { FhirError } from '../errors/fhir-error.js';

export interface ParseSearchOptions {
  /** `Prefer: handling=lenient`: ignore unknown/malformed parameters and report them instead of failing. */
  lenient: boolean;
  defaultCount: number;
  maxCount: number;
}

/**
 * Parses and validates a search query string against the registry.
 * `params` are the decoded query pairs in order (repeated names kept).
 * Throws FhirError 400 naming the parameter and why, unless lenient.
 */
export function parseSearch(registry: Registry, type: string, params: ReadonlyArray<readonly [string, string]>, options: ParseSearchOptions): SearchQuery {
  void registry; void type; void params; void options;
  throw new FhirError(501, { severity: 'error', code: 'not-supported', diagnostics: 'search parsing not implemented yet' });
}
