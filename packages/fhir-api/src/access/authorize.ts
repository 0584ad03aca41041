/**
 * Who may read what, one step per rule, in the order they apply. Each step either answers (the
 * DataAccess the handler will use, possibly confined), throws the FhirError that refuses the
 * request, or passes (undefined) to the next. Writes are require-write.ts's job (admin only).
 *
 *   RFC 6750 (bearer tokens) · SMART App Launch 2 scopes · R4 Patient CompartmentDefinition
 */
import type { SmartInteraction } from '@payerport/fhir';
import type { ApiContext } from '../model/api-context.js';
import type { DataAccess } from '../model/data-access.js';
import { type FhirRequest, type Interaction, header } from '../model/fhir-request.js';
import { insufficientScope, invalidToken, tokenRequired } from './challenges.js';
import { viewedData } from './viewed-data.js';
import { grantingScopes } from './scope-grants.js';
import { tokenView } from './type-view.js';

type Step = (ctx: ApiContext, req: FhirRequest, data: DataAccess, need: SmartInteraction) => DataAccess | undefined;

const STEPS: readonly Step[] = [
  administrator,   // the admin token reads everything, unconfined
  publicType,      // Plan-Net and Formulary types need no token (their searches still cannot reach protected data)
  bearerToken,     // anything else needs a valid access token: 401 with a challenge
  scopeGrant,      // a scope must grant the type and the interaction: 403 insufficient_scope
  confinement,     // the member's compartment and granular scopes, compiled into every query
];

/**
 * The SMART letter each reading interaction needs (v1 `read` = r + s). Interactions not listed
 * are writes (require-write.ts), `metadata`, and Bundles, whose entries come back through here.
 */
const NEED: Readonly<Partial<Record<Interaction, SmartInteraction>>> = {
  'read': 'r',
  'vread': 'r',
  'history-instance': 'r',
  'history-type': 'r',
  'history-system': 'r',
  'search-type': 's',
  // Operations read data too ($everything, $export): protected by default until one is public.
  'operation': 'r',
};

/** The DataAccess a request's handler may use; throws 401/403 FhirErrors. */
export function authorize(ctx: ApiContext, req: FhirRequest, data: DataAccess): DataAccess {
  const need = NEED[req.interaction];
  if (need === undefined) return data;
  for (const step of STEPS) {
    const answer = step(ctx, req, data, need);
    if (answer !== undefined) return answer;
  }
  throw new Error('authorize: the last step always answers');
}

function administrator(_ctx: ApiContext, req: FhirRequest, data: DataAccess): DataAccess | undefined {
  return req.isAdmin ? data : undefined;
}

function publicType(ctx: ApiContext, req: FhirRequest, data: DataAccess, need: SmartInteraction): DataAccess | undefined {
  if (req.type === undefined || !ctx.publicTypes.has(req.type)) return undefined;
  // A read of a public type touches nothing else: the stored text as is, no allocation (the benchmarked path).
  if (req.interaction !== 'search-type') return data;
  // A search may `_include`, chain or `_has` into other types: those follow the caller's view.
  if (req.access !== undefined) return viewedData(ctx, data, tokenView(ctx, req.access, req.type, need));
  // Anonymous directory searches are the common case: one wrapper per DataAccess, not per request.
  let anonymous = anonymousData.get(data);
  if (anonymous === undefined) anonymousData.set(data, (anonymous = viewedData(ctx, data, ctx.publicView)));
  return anonymous;
}

const anonymousData = new WeakMap<DataAccess, DataAccess>();

function bearerToken(_ctx: ApiContext, req: FhirRequest): DataAccess | undefined {
  if (req.access !== undefined) return undefined;
  // A credential was sent but resolved to no access context (and is not the admin token).
  if (header(req.headers, 'authorization') !== undefined) throw invalidToken();
  throw tokenRequired(req.type === undefined ? 'This request' : `${req.type}`);
}

function scopeGrant(_ctx: ApiContext, req: FhirRequest, _data: DataAccess, need: SmartInteraction): DataAccess | undefined {
  // A system-wide interaction (`_history` at the base) needs a scope on every type (`*`).
  const type = req.type ?? '*';
  if (grantingScopes(req.access!, type, need).length === 0) {
    throw insufficientScope(`${need === 's' ? 'searching' : 'reading'} ${type === '*' ? 'all resource types' : type}`);
  }
  return undefined;
}

function confinement(ctx: ApiContext, req: FhirRequest, data: DataAccess, need: SmartInteraction): DataAccess {
  return viewedData(ctx, data, tokenView(ctx, req.access!, req.type ?? '*', need));
}
