/**
 * Mounts the FHIR API of one environment under its route prefix. One wildcard route: the URL
 * grammar lives in fhir-api's parseRoute, shared with Bundle entries. Per request this does only
 * what a read needs: slice the path, look at two headers, call the handler.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fhirRequest, parseRoute, type FhirApi, type QueryPairs } from '@payerport/fhir-api';
import { FhirError } from '@payerport/fhir';
import type { AuditEvent } from '@payerport/store';
import type { EnvironmentBase } from '../app/environments.js';
import { fhirAuditEvent } from './fhir-audit.js';
import { checkFormat } from './format.js';
import { FormBody } from './json-body.js';
import { sendFhirResponse } from './send-response.js';
import type { TokenAccessResolver } from './token-access.js';

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];

export interface FhirRouteOptions {
  readonly isAdmin: (authorization: string | undefined) => boolean;
  /**
   * Turns a bearer credential that is not the admin token into an access context (the auth
   * server's tokens); without one, only the admin token and anonymous requests exist, so
   * protected types answer 401.
   */
  readonly resolveAccess?: TokenAccessResolver | undefined;
  /** Records every request made with a (non-admin) bearer credential, after it is answered. */
  readonly audit?: ((event: AuditEvent) => void) | undefined;
}

export function registerFhirRoutes(app: FastifyInstance, api: FhirApi, env: EnvironmentBase, options: FhirRouteOptions): void {
  const { isAdmin, resolveAccess, audit } = options;
  const prefixLength = env.routePrefix.length;
  const handler = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const url = request.url;
    const q = url.indexOf('?');
    let path = q < 0 ? url.slice(prefixLength) : url.slice(prefixLength, q);
    // `/fhir/R4`, `/fhir/R4/` and `/fhir/R4/Patient/` name the same things as without the slash.
    if (path.startsWith('/')) path = path.slice(1);
    if (path.endsWith('/')) path = path.slice(0, -1);
    const query = request.query as QueryPairs; // the querystringParser gives ordered pairs (build-app.ts)
    const headers = request.headers;
    checkFormat(headers.accept, query);
    const route = parseRoute(request.method, path);
    const body = request.body;
    const form = body instanceof FormBody ? body.pairs : undefined;
    // Anonymous requests (the directory's hot path) skip both checks.
    const authorization = headers.authorization;
    const admin = authorization === undefined ? false : isAdmin(authorization);
    const resolved = authorization === undefined || admin || resolveAccess === undefined ? undefined : await resolveAccess(env.name, authorization);
    const access = resolved?.access;
    const req = fhirRequest(route, {
      method: request.method,
      query,
      headers,
      body: form === undefined ? body : undefined,
      form,
      env: env.name,
      baseUrl: env.baseUrl,
      isAdmin: admin,
      access,
    });
    if (authorization === undefined || admin || audit === undefined) return sendFhirResponse(reply, await api.handle(req));
    // With a token: recorded whether it succeeds or fails (the error handler answers failures).
    let status = 500;
    try {
      const res = await api.handle(req);
      status = res.status;
      return sendFhirResponse(reply, res);
    } catch (error) {
      status = error instanceof FhirError ? error.status : 500;
      throw error;
    } finally {
      audit(fhirAuditEvent(env.name, route, access, status, api.publicTypes, resolved?.failure));
    }
  };
  app.route({ method: METHODS, url: env.routePrefix, handler });
  app.route({ method: METHODS, url: `${env.routePrefix}/*`, handler });
}
