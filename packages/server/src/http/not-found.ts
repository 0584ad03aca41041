/** Unknown routes answer 404 with an OperationOutcome, like every other error. */
import type { FastifyInstance } from 'fastify';
import { outcome } from '@payerport/fhir';
import { sendOutcome } from './error-handler.js';

export function registerNotFound(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) =>
    sendOutcome(reply, 404, outcome([{ severity: 'error', code: 'not-found', diagnostics: `No such endpoint: ${request.method} ${request.url.split('?')[0]}` }])),
  );
}
