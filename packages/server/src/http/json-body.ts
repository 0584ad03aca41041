/**
 * Request body parsing for `application/fhir+json` / `application/json` (the body limit applies
 * before this runs) and `application/x-www-form-urlencoded` (`POST [type]/_search`).
 * Malformed or too deeply nested JSON is a 400, never a crash: V8's JSON.parse copes with any
 * depth, but everything after it (stringify, FHIRPath, our walkers) recurses.
 */
import { badRequest } from '@payerport/fhir';

/** Deeper than any real FHIR resource (Questionnaire items nest, but not this far). */
export const MAX_JSON_DEPTH = 128;

/** Form parameters, marked so a form body is never mistaken for a resource. */
export class FormBody {
  constructor(readonly pairs: ReadonlyArray<readonly [string, string]>) {}
}

/** Parses a JSON body; empty → undefined (POST `_search` and DELETE may carry none). */
export function parseJsonBody(text: string, what = 'The body'): unknown {
  if (text.length === 0 || text.trim() === '') return undefined;
  if (nestingExceeds(text, MAX_JSON_DEPTH)) throw badRequest(`${what} nests JSON deeper than ${MAX_JSON_DEPTH} levels`, 'structure');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw badRequest(`${what} is not valid JSON: ${(error as Error).message}`, 'structure');
  }
}

export function parseFormBody(text: string): FormBody {
  return new FormBody([...new URLSearchParams(text)]);
}

/** True when `{`/`[` nest more than `max` deep outside string literals (one linear scan). */
export function nestingExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) {
      inString = true;
    } else if (c === 123 || c === 91) {
      if (++depth > max) return true;
    } else if (c === 125 || c === 93) {
      depth--;
    }
  }
  return false;
}
