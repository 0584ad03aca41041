import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FhirError } from '@payerport/fhir';
import { parseRoute } from './parse-route.js';

const status = (fn: () => unknown): number | undefined => {
  try {
    fn();
  } catch (error) {
    return error instanceof FhirError ? error.status : -1;
  }
  return undefined;
};

describe('parseRoute', () => {
  it('maps the FHIR URL grammar to interactions', () => {
    const cases: Array<[string, string, object]> = [
      ['GET', 'metadata', { interaction: 'capabilities' }],
      ['POST', '', { interaction: 'batch-or-transaction' }],
      ['GET', '_history', { interaction: 'history-system' }],
      ['GET', 'Patient', { interaction: 'search-type', type: 'Patient' }],
      ['POST', 'Patient/_search', { interaction: 'search-type', type: 'Patient' }],
      ['POST', 'Patient', { interaction: 'create', type: 'Patient' }],
      ['PUT', 'Patient', { interaction: 'conditional-update', type: 'Patient' }],
      ['GET', 'Patient/_history', { interaction: 'history-type', type: 'Patient' }],
      ['GET', 'Patient/1', { interaction: 'read', type: 'Patient', id: '1' }],
      ['HEAD', 'Patient/1', { interaction: 'read', type: 'Patient', id: '1' }],
      ['PUT', 'Patient/1', { interaction: 'update', type: 'Patient', id: '1' }],
      ['DELETE', 'Patient/1', { interaction: 'delete', type: 'Patient', id: '1' }],
      ['GET', 'Patient/1/_history', { interaction: 'history-instance', type: 'Patient', id: '1' }],
      ['GET', 'Patient/1/_history/2', { interaction: 'vread', type: 'Patient', id: '1', vid: '2' }],
      ['GET', 'Patient/1/$everything', { interaction: 'operation', type: 'Patient', id: '1', operation: 'everything' }],
    ];
    const full = (o: object) => ({ interaction: undefined, type: undefined, id: undefined, vid: undefined, operation: undefined, ...o });
    for (const [method, path, expected] of cases) assert.deepEqual(parseRoute(method, path), full(expected), `${method} ${path}`);
  });

  it('decodes percent-encoded segments', () => {
    const route = parseRoute('GET', 'Patient/a%2Db');
    assert.equal(route.id, 'a-b');
    assert.equal(route.interaction, 'read');
  });

  it('404 for paths that are not FHIR endpoints, 405 for unsupported methods', () => {
    assert.equal(status(() => parseRoute('GET', 'Patient/1/x/y/z')), 404);
    assert.equal(status(() => parseRoute('GET', 'Patient//1')), 404);
    assert.equal(status(() => parseRoute('GET', 'Patient/%E0%A4%A')), 404);
    assert.equal(status(() => parseRoute('PATCH', 'Patient/1')), 405);
    assert.equal(status(() => parseRoute('POST', 'Patient/1')), 405);
    assert.equal(status(() => parseRoute('DELETE', 'metadata')), 405);
    assert.equal(status(() => parseRoute('OPTIONS', 'Patient')), 405);
  });
});
