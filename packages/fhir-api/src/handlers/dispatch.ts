/**
 * The interaction table: which handler answers which interaction. Checks the URL's type and
 * id once, here, so handlers can rely on them. Batch/transaction Bundles are routed by the
 * router (they dispatch their entries back through this table).
 */
import { FhirError, badRequest, isFhirId, notFound } from '@payerport/fhir';
import { authorize } from '../access/authorize.js';
import type { Handler } from '../model/api-context.js';
import type { Interaction } from '../model/fhir-request.js';
import { methodNotAllowed } from '../model/parse-route.js';
import { capabilities } from './capabilities.js';
import { conditionalUpdate } from './conditional-update.js';
import { create } from './create.js';
import { remove } from './delete.js';
import { history } from './history.js';
import { read } from './read.js';
import { search } from './search.js';
import { update } from './update.js';
import { vread } from './vread.js';

const HANDLERS: Readonly<Partial<Record<Interaction, Handler>>> = {
  'capabilities': capabilities,
  'read': read,
  'vread': vread,
  'search-type': search,
  'history-instance': history,
  'history-type': history,
  'history-system': history,
  'create': create,
  'update': update,
  'conditional-update': conditionalUpdate,
  'delete': remove,
};

/** Runs the handler of `req.interaction`: 404 unknown type or operation, 405 unsupported interaction. */
export const dispatch: Handler = (ctx, req, data) => {
  if (req.type !== undefined && !ctx.types.has(req.type)) throw notFound(`Unknown resource type ${req.type}`);
  if (req.id !== undefined && !isFhirId(req.id)) throw badRequest(`${req.id} is not a valid resource id`, 'value');
  // After the URL checks: an unknown type or malformed id is 404/400 for everyone, token or not.
  const visible = authorize(ctx, req, data);
  const handler = HANDLERS[req.interaction];
  if (handler) return handler(ctx, req, visible);
  if (req.interaction === 'operation') {
    throw new FhirError(404, { severity: 'error', code: 'not-supported', diagnostics: `Operation $${req.operation} is not supported` });
  }
  const path = [req.type, req.id].filter((s) => s !== undefined).join('/');
  throw methodNotAllowed(req.method, path);
};
