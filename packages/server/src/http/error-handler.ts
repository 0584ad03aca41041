/**
 * The single error handler: FhirError → its status and OperationOutcome; Fastify's own client
 * errors (body too large, bad media type, parse errors) → 4xx OperationOutcome; anything else →
 * 500 with a correlation id and a log line, never a stack trace.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FhirError, outcome, type IssueCode, type OperationOutcome } from '@payerport/fhir';
import type { Logger } from 'pino';
import { sendJsonText } from './send-response.js';

// Fastify error codes that are the client's fault, with the FHIR issue code that says why.
const FASTIFY_CLIENT_ERRORS: Readonly<Record<string, { status: number; code: IssueCode; text?: string }>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'too-long', text: 'The request body is larger than the server accepts (BODY_LIMIT)' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'not-supported', text: 'Unsupported Content-Type: send application/fhir+json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'structure' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'required' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'structure' },
};

/** `logger` gets the 500s: Fastify's own request logger is off unless request logging is on. */
export function registerErrorHandler(app: FastifyInstance, logger: Pick<Logger, 'error'>): void {
  app.setErrorHandler((error: FastifyError | FhirError | Error, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof FhirError) {
      return sendOutcome(reply.headers(error.headers), error.status, error.outcome);
    }
    const code = (error as FastifyError).code;
    const known = code === undefined ? undefined : FASTIFY_CLIENT_ERRORS[code];
    if (known) return sendOutcome(reply, known.status, issue(known.code, known.text ?? error.message));
    const status = (error as FastifyError).statusCode;
    if (status !== undefined && status >= 400 && status < 500) return sendOutcome(reply, status, issue('invalid', error.message));
    const correlationId = randomUUID();
    logger.error({ err: error, correlationId, method: request.method, url: request.url }, 'unhandled error');
    return sendOutcome(reply, 500, outcome([{ severity: 'fatal', code: 'exception', diagnostics: `Internal server error (correlation id ${correlationId})` }]));
  });
}

function issue(code: IssueCode, diagnostics: string): OperationOutcome {
  return outcome([{ severity: 'error', code, diagnostics }]);
}

/** Sends an OperationOutcome as the response. */
export function sendOutcome(reply: FastifyReply, status: number, oo: OperationOutcome): FastifyReply | Promise<FastifyReply> {
  return sendJsonText(reply.code(status), JSON.stringify(oo));
}
