/**
 * Resolves method + path below the base to an interaction (the URL grammar of
 * https://hl7.org/fhir/R4/http.html). Used for HTTP requests and for Bundle entry URLs, so
 * both follow one grammar. Resource-type and id validity are checked by the router.
 */
import { FhirError, notFound } from '@payerport/fhir';
import type { FhirRoute, Interaction } from './fhir-request.js';

const ROUTES_BY_SHAPE = 'GET|POST|PUT|DELETE|PATCH|HEAD';

/** `path` is relative to the base, without a leading slash or query (`Patient/1/_history/2`). */
export function parseRoute(method: string, path: string): FhirRoute {
  const m = method === 'HEAD' ? 'GET' : method;
  if (!ROUTES_BY_SHAPE.includes(m)) throw methodNotAllowed(m, path);
  const seg = path === '' ? [] : path.split('/');
  for (let i = 0; i < seg.length; i++) {
    const s = seg[i]!;
    if (s === '') throw notFound(`No such endpoint: /${path}`);
    if (s.includes('%')) seg[i] = safeDecode(s, path);
  }
  const [a, b, c, d] = seg;
  switch (seg.length) {
    case 0:
      if (m === 'POST') return r('batch-or-transaction');
      if (m === 'GET') return r('search-system');
      break;
    case 1:
      if (a === 'metadata') return m === 'GET' ? r('capabilities') : unsupported(m, path);
      if (a === '_history') return m === 'GET' ? r('history-system') : unsupported(m, path);
      if (a!.startsWith('$')) return r('operation', undefined, undefined, undefined, a!.slice(1));
      if (m === 'GET') return r('search-type', a);
      if (m === 'POST') return r('create', a);
      if (m === 'PUT') return r('conditional-update', a);
      if (m === 'DELETE') return r('conditional-delete', a);
      break;
    case 2:
      if (b === '_search') return m === 'POST' || m === 'GET' ? r('search-type', a) : unsupported(m, path);
      if (b === '_history') return m === 'GET' ? r('history-type', a) : unsupported(m, path);
      if (b!.startsWith('$')) return r('operation', a, undefined, undefined, b!.slice(1));
      if (m === 'GET') return r('read', a, b);
      if (m === 'PUT') return r('update', a, b);
      if (m === 'DELETE') return r('delete', a, b);
      break;
    case 3:
      if (c === '_history' && m === 'GET') return r('history-instance', a, b);
      if (c!.startsWith('$')) return r('operation', a, b, undefined, c!.slice(1));
      if (c === '_history') break;
      throw notFound(`No such endpoint: /${path}`);
    case 4:
      if (c === '_history' && m === 'GET') return r('vread', a, b, d);
      if (c === '_history') break;
      throw notFound(`No such endpoint: /${path}`);
    default:
      throw notFound(`No such endpoint: /${path}`);
  }
  return unsupported(m, path);
}

// Every route has all five fields, in one order: one object shape for the hot path (V8 keeps
// property access monomorphic; spreading routes of varying shapes measurably slowed reads).
function r(interaction: Interaction, type?: string, id?: string, vid?: string, operation?: string): FhirRoute {
  return { interaction, type, id, vid, operation };
}

function unsupported(method: string, path: string): never {
  throw methodNotAllowed(method, path);
}

/** 405: the URL exists but not with this method. https://hl7.org/fhir/R4/http.html#general */
export function methodNotAllowed(method: string, path: string): FhirError {
  return new FhirError(405, { severity: 'error', code: 'not-supported', diagnostics: `${method} is not supported on /${path}` });
}

function safeDecode(segment: string, path: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw notFound(`No such endpoint: /${path}`);
  }
}
