/**
 * The `Prefer` header — https://hl7.org/fhir/R4/http.html#ops (return) and
 * https://hl7.org/fhir/R4/search.html#errors (handling).
 */
import { header, type RequestHeaders } from '../model/fhir-request.js';

export type ReturnPreference = 'minimal' | 'representation' | 'OperationOutcome';

export interface Preferences {
  return: ReturnPreference;
  /** `handling=lenient`: ignore unknown search parameters (reported in the Bundle) instead of 400. */
  lenient: boolean;
}

const DEFAULTS: Preferences = Object.freeze({ return: 'representation', lenient: false });

/** Parses `Prefer` (comma or semicolon separated tokens); unknown tokens are ignored as RFC 7240 says. */
export function preferences(headers: RequestHeaders): Preferences {
  const raw = header(headers, 'prefer');
  if (raw === undefined) return DEFAULTS;
  const out: Preferences = { ...DEFAULTS };
  for (const token of raw.split(/[,;]/)) {
    const [k, v] = token.split('=').map((s) => s.trim().replace(/^"|"$/g, ''));
    if (k === 'return' && (v === 'minimal' || v === 'representation' || v === 'OperationOutcome')) out.return = v;
    if (k === 'handling') out.lenient = v === 'lenient';
  }
  return out;
}
