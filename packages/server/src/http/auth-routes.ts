/**
 * Mounts one environment's authorization server: oidc-provider (a Koa app) owns everything
 * under the issuer path, the sign-in and consent pages live beside it, and SMART discovery sits
 * under the FHIR base. The provider gets the raw request with its body unread, in a scope of
 * its own whose only content-type parser leaves the body alone. The member pages are in member-pages.ts.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthServer } from '@payerport/auth';
import type { EnvironmentBase } from '../app/environments.js';
import { registerMemberPages } from './member-pages.js';
import type { SignInGate } from './sign-in-limit.js';

const ALL_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];

export async function registerAuthRoutes(app: FastifyInstance, server: AuthServer, env: EnvironmentBase, signIn: SignInGate): Promise<void> {
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

  registerMemberPages(app, server, env, signIn);
}
