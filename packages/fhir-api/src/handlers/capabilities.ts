/** capabilities — https://hl7.org/fhir/R4/http.html#capabilities. Serves the text built at start-up. */
import { notFound } from '@payerport/fhir';
import type { Handler } from '../model/api-context.js';

export const capabilities: Handler = async (ctx, req) => {
  const text = ctx.capabilities.get(req.env);
  if (text === undefined) throw notFound(`Unknown environment ${req.env}`);
  return { status: 200, body: text };
};
