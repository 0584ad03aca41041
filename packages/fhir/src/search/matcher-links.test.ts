/** Chains and `_has` over the Plan-Net example directory. https://hl7.org/fhir/R4/search.html#chaining */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadTestDefs } from '../indexing/test-defs.js';
import { matchesFilter } from './matcher.js';
import { contextOf, param, paramDef, str, tok } from './matcher-test-kit.js';
import type { SearchFilter } from './query.js';

type Resource = Record<string, unknown>;
const examples = loadTestDefs().examples as Resource[];
const ctx = contextOf(examples);
const ids = (type: string, filter: SearchFilter) =>
  examples.filter((r) => r['resourceType'] === type && matchesFilter(r, filter, ctx)).map((r) => r['id']).sort();

const chain = (type: string, code: string, targetTypes: string[], filter: SearchFilter): SearchFilter =>
  ({ kind: 'chain', param: paramDef(type, code), targetTypes, filter });
const has = (type: string, code: string, filter: SearchFilter): SearchFilter =>
  ({ kind: 'has', type, param: paramDef(type, code), filter });

describe('chained parameters', () => {
  it('PractitionerRole?practitioner.name=solo', () => {
    assert.deepEqual(ids('PractitionerRole', chain('PractitionerRole', 'practitioner', ['Practitioner'], param('Practitioner', 'name', [str('solo')]))), ['HansSoloRole1']);
  });

  it('PractitionerRole?network.name=ACME CT Preferred (through the network-reference extension)', () => {
    const found = ids('PractitionerRole', chain('PractitionerRole', 'network', ['Organization'], param('Organization', 'name', [str('ACME CT Preferred')])));
    assert.deepEqual(found, ['AnonRole', 'CounselorRole1', 'HansSoloRole1', 'JoeSmithRole1', 'JoeSmithRole2', 'JoeSmithRole3']);
    assert.deepEqual(ids('PractitionerRole', chain('PractitionerRole', 'network', ['Organization'], param('Organization', 'name', [str('Hartford')]))), []);
  });

  it('two levels: PractitionerRole?location.organization.name=Big', () => {
    const inner = chain('Location', 'organization', ['Organization'], param('Organization', 'name', [str('Big')]));
    assert.deepEqual(ids('PractitionerRole', chain('PractitionerRole', 'location', ['Location'], inner)), ['HansSoloRole1']);
  });

  it('a target type outside targetTypes, or a dangling reference, does not match', () => {
    assert.deepEqual(ids('PractitionerRole', chain('PractitionerRole', 'practitioner', ['Organization'], param('Organization', 'name', [str('solo')]))), []);
    const dangling = { resourceType: 'PractitionerRole', id: 'x', practitioner: { reference: 'Practitioner/nobody' } };
    assert.equal(matchesFilter(dangling, chain('PractitionerRole', 'practitioner', ['Practitioner'], param('Practitioner', '_id', [tok(undefined, 'nobody')])), ctx), false);
  });
});

describe('_has (reverse chaining)', () => {
  it('Practitioner?_has:PractitionerRole:practitioner:specialty=207R00000X', () => {
    const filter = has('PractitionerRole', 'practitioner', param('PractitionerRole', 'specialty', [tok('http://nucc.org/provider-taxonomy', '207R00000X')]));
    assert.deepEqual(ids('Practitioner', filter), ['HansSolo', 'JoeSmith']);
  });

  it('Organization?_has:PractitionerRole:network:practitioner=Practitioner/Counselor', () => {
    const filter = has('PractitionerRole', 'network', param('PractitionerRole', 'practitioner', [{ kind: 'reference', targetType: 'Practitioner', id: 'Counselor', url: undefined, version: undefined }]));
    assert.deepEqual(ids('Organization', filter), ['AcmeofCTStdNet']);
  });

  it('a chain inside _has', () => {
    // Practitioners with a role at a location managed by BigBox.
    const inner = chain('PractitionerRole', 'location', ['Location'], param('Location', 'organization', [{ kind: 'reference', targetType: 'Organization', id: 'BigBox', url: undefined, version: undefined }]));
    assert.deepEqual(ids('Practitioner', has('PractitionerRole', 'practitioner', inner)), ['HansSolo']);
  });

  it('no referrer, no match', () => {
    const filter = has('PractitionerRole', 'practitioner', param('PractitionerRole', 'specialty', [tok(undefined, 'no-such-code')]));
    assert.deepEqual(ids('Practitioner', filter), []);
  });
});
