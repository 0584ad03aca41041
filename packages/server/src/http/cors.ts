/**
 * CORS for browser apps (https://fetch.spec.whatwg.org/#http-cors-protocol). The policy is
 * static — any origin, no cookies (credentials are bearer tokens) — so it is two constant
 * headers on responses to requests that carry `Origin`, plus a preflight answer. Done here
 * rather than with @fastify/cors, whose per-request hook measurably cost read throughput.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Headers browser code may read besides the CORS-safelisted ones. */
// WWW-Authenticate: a browser app reads the bearer challenge (invalid_token, insufficient_scope) of a 401/403.
export const EXPOSED_HEADERS = 'ETag, Location, Last-Modified, Content-Location, WWW-Authenticate';
const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, DELETE';
const ALLOWED_HEADERS = 'Authorization, Content-Type, Accept, Prefer, If-Match, If-None-Match, If-None-Exist, If-Modified-Since';

/** Adds the CORS response headers when the request is cross-origin (has `Origin`). */
export function addCorsHeaders(reply: FastifyReply): void {
  if (reply.request.headers.origin === undefined) return;
  reply.header('access-control-allow-origin', '*');
  reply.header('access-control-expose-headers', EXPOSED_HEADERS);
}

/** Answers every preflight (`OPTIONS` with `Access-Control-Request-Method`) with 204. */
export function registerPreflight(app: FastifyInstance): void {
  app.options('*', (request, reply) => {
    const requested = request.headers['access-control-request-headers'];
    reply.code(204)
      .header('access-control-allow-origin', '*')
      .header('access-control-allow-methods', ALLOWED_METHODS)
      // Echo what the browser asks for: custom headers are harmless without cookies.
      .header('access-control-allow-headers', typeof requested === 'string' && requested !== '' ? requested : ALLOWED_HEADERS)
      .header('access-control-max-age', '86400')
      .send();
  });
}
