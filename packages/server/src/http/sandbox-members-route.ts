/**
 * `GET /api/sandbox/test-members`: the sandbox sign-ins (username, password, Patient id, story)
 * that the developer portal shows next to the sandbox credentials. The passwords are public on
 * purpose — they open synthetic records only — and there is no production counterpart: the
 * route exists for the sandbox alone, so `/api/production/test-members` is a 404 like any
 * unknown path.
 */
import type { FastifyInstance } from 'fastify';
import { SANDBOX_MEMBERS, testMemberLogins } from '@payerport/data';
import { addCorsHeaders } from './cors.js';

/** Registers the route below `root` (PUBLIC_URL's path); the list is made once, at start-up. */
export function registerTestMembers(app: FastifyInstance, root: string): void {
  const body = JSON.stringify(testMemberLogins(SANDBOX_MEMBERS));
  app.get(`${root}/api/sandbox/test-members`, (_request, reply) => {
    addCorsHeaders(reply);
    return reply.type('application/json; charset=utf-8').send(body);
  });
}
