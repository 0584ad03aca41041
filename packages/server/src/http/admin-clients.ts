/**
 * The admin API for registered apps: `/api/admin/{env}/clients[/:id[/rotate-secret|disable|enable]]`,
 * behind the administrator bearer token. JSON in and out; a secret appears only in the
 * response that issued it. Errors are `{ "error": ..., "problems": [...] }` with a 4xx status.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ClientRegistryError, type ClientRegistry } from '@payerport/auth';
import { FormBody } from './json-body.js';

type Req = FastifyRequest<{ Params: { env: string; id?: string } }>;

export function registerAdminClientRoutes(app: FastifyInstance, registry: ClientRegistry, envs: readonly string[], isAdmin: (authorization: string | undefined) => boolean): void {
  const route = (method: 'GET' | 'POST' | 'PUT', url: string, run: (request: Req) => Promise<unknown>, status = 200): void => {
    app.route({
      method,
      url: `/api/admin/:env/clients${url}`,
      handler: async (request: Req, reply: FastifyReply) => {
        reply.header('cache-control', 'no-store');
        const authorization = request.headers.authorization;
        if (authorization === undefined) return error(reply.header('www-authenticate', 'Bearer'), 401, 'unauthorized', 'Send the administrator token as a Bearer token');
        if (!isAdmin(authorization)) return error(reply, 403, 'forbidden', 'Not the administrator token');
        if (!envs.includes(request.params.env)) return error(reply, 404, 'not_found', `No environment ${request.params.env} (known: ${envs.join(', ')})`);
        if (request.body instanceof FormBody) return error(reply, 415, 'unsupported_media_type', 'Send application/json');
        try {
          return reply.code(status).send(await run(request));
        } catch (e) {
          if (e instanceof ClientRegistryError) return error(reply, e.status, e.status === 404 ? 'not_found' : 'invalid_client_metadata', e.message, e.problems);
          throw e;
        }
      },
    });
  };
  const id = (request: Req): string => request.params.id ?? '';

  route('GET', '', async (r) => ({ clients: await registry.list(r.params.env) }));
  route('POST', '', (r) => registry.create(r.params.env, r.body ?? {}), 201);
  route('GET', '/:id', (r) => registry.get(r.params.env, id(r)));
  route('PUT', '/:id', (r) => registry.update(r.params.env, id(r), r.body ?? {}));
  route('POST', '/:id/rotate-secret', (r) => registry.rotateSecret(r.params.env, id(r)));
  route('POST', '/:id/disable', async (r) => ({ client: await registry.setDisabled(r.params.env, id(r), true) }));
  route('POST', '/:id/enable', async (r) => ({ client: await registry.setDisabled(r.params.env, id(r), false) }));
}

function error(reply: FastifyReply, status: number, code: string, message: string, problems: readonly string[] = [message]): FastifyReply {
  return reply.code(status).header('content-type', 'application/json').send({ error: code, error_description: message, problems });
}
