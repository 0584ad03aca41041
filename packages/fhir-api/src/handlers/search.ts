/**
 * search-type by GET and `POST [type]/_search` (form parameters merged after the query ones).
 * https://hl7.org/fhir/R4/http.html#search and https://hl7.org/fhir/R4/search.html
 */
import { parseSearch } from '@payerport/fhir';
import type { Handler } from '../model/api-context.js';
import type { QueryPairs } from '../model/fhir-request.js';
import { searchBundle } from '../bundle/search-bundle.js';
import { preferences } from '../http/prefer.js';
import { viewFor } from '../resource/read-view.js';

export const search: Handler = async (ctx, req, data) => {
  const type = req.type!;
  const all: QueryPairs = req.form && req.form.length > 0 ? [...req.query, ...req.form] : req.query;
  const query = parseSearch(ctx.registry, type, all, {
    lenient: preferences(req.headers).lenient,
    defaultCount: ctx.defaultCount,
    maxCount: ctx.maxCount,
  });
  const result = await data.search(query);
  const body = searchBundle({
    baseUrl: req.baseUrl,
    path: type,
    params: all,
    result,
    countOnly: query.summary === 'count',
    ignored: query.ignored,
    view: viewFor(ctx.registry, { summary: query.summary, elements: query.elements }),
  });
  return { status: 200, body };
};
