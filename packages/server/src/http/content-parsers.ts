/** Registers the only body parsers the server accepts; anything else is 415 (OperationOutcome). */
import type { FastifyInstance } from 'fastify';
import { parseFormBody, parseJsonBody } from './json-body.js';

export const JSON_TYPES = ['application/fhir+json', 'application/json'];

export function registerContentParsers(app: FastifyInstance, bodyLimit: number): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(JSON_TYPES, { parseAs: 'string', bodyLimit }, (_req, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit }, (_req, body, done) => {
    done(null, parseFormBody(body as string));
  });
}
