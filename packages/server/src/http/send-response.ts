/**
 * Writes responses: FhirResponses from the API and OperationOutcomes from the error handlers.
 * String bodies (stored JSON text) go out as they are; CORS and gzip are applied here, on the
 * one path every response takes, instead of in per-request hooks.
 */
import type { FastifyReply } from 'fastify';
import type { FhirResponse } from '@payerport/fhir-api';
import { acceptsGzip, COMPRESS_THRESHOLD, gzipText } from './compression.js';
import { addCorsHeaders } from './cors.js';
import { FHIR_JSON } from './format.js';

export function sendFhirResponse(reply: FastifyReply, res: FhirResponse): FastifyReply | Promise<FastifyReply> {
  reply.code(res.status);
  if (res.headers !== undefined) reply.headers(res.headers);
  const body = res.body;
  if (body === undefined) {
    addCorsHeaders(reply);
    return reply.send();
  }
  return sendJsonText(reply, typeof body === 'string' ? body : JSON.stringify(body));
}

/** Sends FHIR JSON text with the status already set: content type, CORS, gzip when asked for. */
export function sendJsonText(reply: FastifyReply, text: string): FastifyReply | Promise<FastifyReply> {
  reply.header('content-type', FHIR_JSON);
  addCorsHeaders(reply);
  // Length in UTF-16 units is a lower bound of the UTF-8 length: good enough for a threshold.
  if (text.length < COMPRESS_THRESHOLD) return reply.send(text);
  reply.header('vary', 'Accept-Encoding');
  if (!acceptsGzip(reply.request.headers['accept-encoding'])) return reply.send(text);
  return gzipText(text).then((gz) => reply.header('content-encoding', 'gzip').send(gz));
}
