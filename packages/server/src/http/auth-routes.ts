/**
 * Mounts one environment's authorization server: oidc-provider (a Koa app) owns everything
 * under the issuer path, the sign-in and consent pages live beside it, and SMART discovery sits
 * under the FHIR base. The provider gets the raw request with its body unread, in a scope of
 * its own whose only content-type parser leaves the body alone.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthServer, InteractionAction } from '@payerport/auth';
import type { EnvironmentBase } from '../app/environments.js';
import { FormBody } from './json-body.js';

const ALL_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];
const ACTIONS: ReadonlySet<string> = new Set(['login', 'consent', 'abort']);

export async function registerAuthRoutes(app: FastifyInstance, server: AuthServer, env: EnvironmentBase): Promise<void> {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
    const handler = (request: FastifyRequest, reply: FastifyReply): void => {
      reply.hijack();
      server.handle(request.raw, reply.raw);
    };
    scope.route({ method: ALL_METHODS, url: env.oauthPrefix, handler });
    scope.route({ method: ALL_METHODS, url: `${env.oauthPrefix}/*`, handler });
  });

  // https://hl7.org/fhir/smart-app-launch/STU2/conformance.html — public, read by browser apps.
  const discovery = JSON.stringify(server.smartConfiguration());
  app.get(`${env.routePrefix}/.well-known/smart-configuration`, (_request, reply) => reply
    .header('content-type', 'application/json')
    .header('access-control-allow-origin', '*')
    .header('cache-control', 'public, max-age=3600')
    .send(discovery));

  const interaction = async (request: FastifyRequest<{ Params: { uid: string; action?: string } }>, reply: FastifyReply): Promise<FastifyReply> => {
    const { uid, action } = request.params;
    const body = request.body;
    const form: Record<string, string[]> = {};
    if (body instanceof FormBody) for (const [k, v] of body.pairs) (form[k] ??= []).push(v);
    const result = await server.interactions.handle({
      req: request.raw,
      res: reply.raw,
      uid,
      action: request.method === 'POST' && action !== undefined ? action as InteractionAction : 'show',
      form,
    });
    reply.header('cache-control', 'no-store').header('x-frame-options', 'DENY').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    if (result.kind === 'redirect') return reply.code(303).header('location', result.location).send();
    return reply.code(result.status).header('content-type', 'text/html; charset=utf-8').send(result.html);
  };
  app.get(`${env.interactionPrefix}/:uid`, interaction);
  app.post(`${env.interactionPrefix}/:uid/:action`, (request: FastifyRequest<{ Params: { uid: string; action: string } }>, reply) => {
    if (!ACTIONS.has(request.params.action)) return reply.code(404).header('content-type', 'text/plain').send('Not found');
    return interaction(request, reply);
  });
}
