/**
 * history (instance, type, system) — https://hl7.org/fhir/R4/http.html#history.
 * `_since`, `_count`, and paging through the store's cursor (`_cursor`).
 */
import { badRequest, dateRange, notFound, parseCount } from '@payerport/fhir';
import type { HistoryOptions } from '@payerport/store';
import type { ApiContext, Handler } from '../model/api-context.js';
import type { FhirRequest } from '../model/fhir-request.js';
import { historyBundle } from '../bundle/history-bundle.js';
import { CURSOR_PARAM } from '../bundle/paging-links.js';
import { preferences } from '../http/prefer.js';
import { readView } from '../resource/read-view.js';

// Parameters history understands; `_format`/`_pretty`/`_summary`/`_elements` are handled elsewhere.
const KNOWN = new Set(['_since', '_count', CURSOR_PARAM, '_format', '_pretty', '_summary', '_elements']);

export const history: Handler = async (ctx, req, data) => {
  const options = historyOptions(ctx, req);
  const page = await data.history(options);
  if (req.id !== undefined && page.entries.length === 0 && options.cursor === undefined && options.sinceMs === undefined) {
    if ((await data.read(req.type!, req.id)) === undefined) throw notFound(`${req.type}/${req.id} is not known`);
  }
  const path = req.id !== undefined ? `${req.type}/${req.id}/_history` : req.type !== undefined ? `${req.type}/_history` : '_history';
  return { status: 200, body: historyBundle(req.baseUrl, path, req.query, page, readView(ctx.registry, req.query)) };
};

function historyOptions(ctx: ApiContext, req: FhirRequest): HistoryOptions {
  const lenient = preferences(req.headers).lenient;
  const options: HistoryOptions = { count: ctx.defaultCount };
  if (req.type !== undefined) options.type = req.type;
  if (req.id !== undefined) options.id = req.id;
  for (const [name, value] of req.query) {
    if (name === '_since') {
      const range = dateRange(value);
      if (range === undefined || !value.includes('T')) throw badRequest(`_since must be an instant such as 2024-01-01T00:00:00Z, got ${value}`, 'value', '_since');
      options.sinceMs = range.low;
    } else if (name === '_count') {
      options.count = parseCount(value, ctx.maxCount);
    } else if (name === CURSOR_PARAM) {
      options.cursor = value;
    } else if (!KNOWN.has(name) && !lenient) {
      throw badRequest(`Parameter ${name} is not supported on _history`, 'not-supported', name);
    }
  }
  return options;
}
