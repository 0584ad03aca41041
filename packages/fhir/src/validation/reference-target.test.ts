import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { referencedType } from './reference-target.js';

const known = (t: string) => ['Practitioner', 'Organization', 'Location'].includes(t);

describe('referencedType', () => {
  it('reads relative and absolute references, with or without history', () => {
    assert.deepEqual(referencedType({ reference: 'Practitioner/p1' }, undefined, known), { type: 'Practitioner' });
    assert.deepEqual(referencedType({ reference: 'https://x.org/fhir/Organization/o.1/_history/2' }, undefined, known), { type: 'Organization' });
  });

  it('resolves contained #id references in the container, and reports a missing one', () => {
    const container = { resourceType: 'Practitioner', contained: [{ resourceType: 'Location', id: 'l1' }] };
    assert.deepEqual(referencedType({ reference: '#l1' }, container, known), { type: 'Location' });
    assert.deepEqual(referencedType({ reference: '#' }, container, known), { type: 'Practitioner' });
    assert.match(referencedType({ reference: '#nope' }, container, known).problem ?? '', /no contained resource has id "nope"/);
  });

  it('falls back to Reference.type, and says nothing about urn: or unknown types', () => {
    assert.deepEqual(referencedType({ identifier: { value: '1' }, type: 'Organization' }, undefined, known), { type: 'Organization' });
    assert.deepEqual(referencedType({ reference: 'urn:uuid:c757873d-ec9a-4326-a141-556f43239520' }, undefined, known), {});
    assert.deepEqual(referencedType({ reference: 'Widget/1' }, undefined, known), {});
  });
});
