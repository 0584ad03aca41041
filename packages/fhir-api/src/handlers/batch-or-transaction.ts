/** POST [base] with a batch or transaction Bundle — https://hl7.org/fhir/R4/http.html#transaction */
import type { Handler } from '../model/api-context.js';
import { batch } from '../bundle/batch.js';
import { postedBundle } from '../bundle/bundle-shape.js';
import { transaction } from '../bundle/transaction.js';

export const batchOrTransaction: Handler = async (ctx, req, data) => {
  const bundle = postedBundle(req.body);
  return bundle.type === 'transaction' ? transaction(ctx, req, bundle.entries, data) : batch(ctx, req, bundle.entries, data);
};
