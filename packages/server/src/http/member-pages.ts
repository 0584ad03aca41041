/**
 * The member pages of one environment: the authorization's sign-in, patient picker and consent
 * (`{interaction}/:uid[/login|/patient|/consent]`) and Connected apps (`{account}/apps`,
 * POST `sign-in`, `revoke`, `sign-out`). The auth package renders them; this only adapts
 * Fastify's request and sends the reply with PAGE_HEADERS (CSP, no framing, no caching).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PAGE_HEADERS, type AccountAction, type AuthServer, type Fields, type InteractionAction, type PageReply } from '@payerport/auth';
import type { EnvironmentBase } from '../app/environments.js';
import { FormBody } from './json-body.js';
import type { SignInGate } from './sign-in-limit.js';

const INTERACTION_ACTIONS: ReadonlySet<string> = new Set(['login', 'patient', 'consent']);
const ACCOUNT_ACTIONS: ReadonlySet<string> = new Set(['sign-in', 'revoke', 'sign-out']);

/** Fields from ordered pairs: one value as a string, a repeated name as an array. */
function fields(pairs: Iterable<readonly [string, unknown]>): Fields {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of pairs) {
    if (typeof v !== 'string') continue;
    const had = out[k];
    out[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
  }
  return out;
}

const formOf = (request: FastifyRequest): Fields => (request.body instanceof FormBody ? fields(request.body.pairs) : {});
// The server's query parser gives ordered pairs (build-app.ts).
const queryOf = (request: FastifyRequest): Fields => fields(Array.isArray(request.query) ? request.query as [string, unknown][] : Object.entries(request.query ?? {}));

function send(reply: FastifyReply, result: PageReply): FastifyReply {
  if (result.cookies !== undefined && result.cookies.length > 0) reply.header('set-cookie', [...result.cookies]);
  if (result.kind === 'redirect') return reply.code(303).header('cache-control', 'no-store').header('location', result.location).send();
  return reply.code(result.status).headers(PAGE_HEADERS).send(result.html);
}

const notFound = (reply: FastifyReply): FastifyReply => reply.code(404).header('content-type', 'text/plain; charset=utf-8').send('Not found');

/** `signIn` counts and may refuse the two sign-in posts (the authorization's and Connected apps'). */
export function registerMemberPages(app: FastifyInstance, server: AuthServer, env: EnvironmentBase, signIn: SignInGate): void {
  const interaction = async (request: FastifyRequest<{ Params: { uid: string; action?: string } }>, reply: FastifyReply): Promise<FastifyReply> => {
    const { uid, action } = request.params;
    if (request.method === 'POST' && action === 'login') {
      const refused = signIn(request, reply, formOf(request), queryOf(request));
      if (refused !== undefined) return refused;
    }
    const result = await server.interactions.handle({
      req: request.raw,
      res: reply.raw,
      uid,
      action: request.method === 'POST' && action !== undefined ? action as InteractionAction : 'show',
      query: queryOf(request),
      form: formOf(request),
    });
    return send(reply, result);
  };
  app.get(`${env.interactionPrefix}/:uid`, interaction);
  app.post(`${env.interactionPrefix}/:uid/:action`, (request: FastifyRequest<{ Params: { uid: string; action: string } }>, reply) =>
    (INTERACTION_ACTIONS.has(request.params.action) ? interaction(request, reply) : notFound(reply)));

  const account = async (request: FastifyRequest, reply: FastifyReply, action: AccountAction): Promise<FastifyReply> => {
    if (action === 'sign-in') {
      const refused = signIn(request, reply, formOf(request), queryOf(request));
      if (refused !== undefined) return refused;
    }
    return send(reply, await server.account.handle({ action, headers: request.headers, query: queryOf(request), form: formOf(request) }));
  };
  app.get(env.accountPrefix, (_request, reply) => reply.code(303).header('location', `${env.accountPrefix}/apps`).send());
  app.get(`${env.accountPrefix}/apps`, (request, reply) => account(request, reply, 'apps'));
  app.post(`${env.accountPrefix}/:action`, (request: FastifyRequest<{ Params: { action: string } }>, reply) =>
    (ACCOUNT_ACTIONS.has(request.params.action) ? account(request, reply, request.params.action as AccountAction) : notFound(reply)));
}
