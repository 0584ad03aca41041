/** Admin writes are checked against the resource's profiles: 422 with the problems, nothing written. */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDialect } from '@payerport/store/testing';
import { ADMIN_JSON, json, openTestApp, type Loose, type TestApp } from '../test-app.js';

const PRACTITIONER = 'http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/plannet-Practitioner';
const practitioner = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  resourceType: 'Practitioner',
  meta: { profile: [PRACTITIONER] },
  identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: '1234567893' }],
  active: true,
  name: [{ family: 'Kealoha', given: ['Leilani'] }],
  ...extra,
});

forEachDialect('profile validation of writes', (open) => {
  let t: TestApp;
  before(async () => { t = await openTestApp(open); });
  after(() => t?.app.close());

  const put = (id: string, body: Record<string, unknown>) =>
    t.app.inject({ method: 'PUT', url: `/fhir/R4/Practitioner/${id}`, headers: ADMIN_JSON, payload: JSON.stringify({ ...body, id }) });

  it('accepts a resource that conforms to its profile (meta.lastUpdated is the store\'s to set)', async () => {
    const res = await put('ok', practitioner());
    assert.equal(res.statusCode, 201, res.body);
  });

  it('answers 422 naming each problem, and writes nothing', async () => {
    const res = await put('bad', practitioner({ active: undefined, gender: 'sometimes', birthDate: '1970-13-45', nickname: 'Lani' }));
    assert.equal(res.statusCode, 422, res.body);
    const issues = json(res).issue as Loose[];
    const where = issues.filter((i) => i.severity === 'error').map((i) => i.expression?.[0]);
    for (const expected of ['Practitioner.active', 'Practitioner.gender', 'Practitioner.birthDate', 'Practitioner.nickname']) {
      assert.ok(where.includes(expected), `no error at ${expected}: ${JSON.stringify(issues)}`);
    }
    assert.equal((await t.app.inject({ url: '/fhir/R4/Practitioner/bad' })).statusCode, 404);
  });

  it('checks resources without a profile against the base definition', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/fhir/R4/Patient', headers: ADMIN_JSON, payload: JSON.stringify({ resourceType: 'Patient', gender: 'female', name: 'Leilani' }) });
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(json(res).issue[0].expression[0], 'Patient.name');
  });

  it('rejects a transaction whose entry does not conform, writing none of its entries', async () => {
    const bundle = {
      resourceType: 'Bundle', type: 'transaction',
      entry: [
        { resource: { ...practitioner(), id: 'tx-ok' }, request: { method: 'PUT', url: 'Practitioner/tx-ok' } },
        { resource: { ...practitioner({ active: 'yes' }), id: 'tx-bad' }, request: { method: 'PUT', url: 'Practitioner/tx-bad' } },
      ],
    };
    const res = await t.app.inject({ method: 'POST', url: '/fhir/R4', headers: ADMIN_JSON, payload: JSON.stringify(bundle) });
    assert.ok(res.statusCode === 400 || res.statusCode === 422, `${res.statusCode} ${res.body}`);
    assert.equal((await t.app.inject({ url: '/fhir/R4/Practitioner/tx-ok' })).statusCode, 404);
  });
});
