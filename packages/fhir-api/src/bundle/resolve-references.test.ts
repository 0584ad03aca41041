import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPlaceholder, rewriteReferences } from './resolve-references.js';

describe('rewriteReferences', () => {
  it('replaces every string equal to a placeholder, in objects and arrays', () => {
    const mapping = new Map([['urn:uuid:1', 'Organization/abc']]);
    const resource = {
      resourceType: 'PractitionerRole',
      organization: { reference: 'urn:uuid:1' },
      extension: [{ valueReference: { reference: 'urn:uuid:1' } }, { valueUri: 'urn:uuid:1' }],
      other: { reference: 'urn:uuid:2' },
      list: ['urn:uuid:1'],
    };
    rewriteReferences(resource, mapping);
    assert.equal(resource.organization.reference, 'Organization/abc');
    assert.equal(resource.extension[0]!.valueReference!.reference, 'Organization/abc');
    assert.equal(resource.extension[1]!.valueUri, 'Organization/abc');
    assert.equal(resource.other.reference, 'urn:uuid:2');
    assert.deepEqual(resource.list, ['Organization/abc']);
  });

  it('copes with deep nesting', () => {
    let deep: Record<string, unknown> = { reference: 'urn:uuid:1' };
    const top = deep;
    for (let i = 0; i < 50_000; i++) deep = { child: deep };
    rewriteReferences(deep, new Map([['urn:uuid:1', 'Patient/p']]));
    assert.equal(top.reference, 'Patient/p');
  });
});

describe('isPlaceholder', () => {
  it('accepts urn:uuid and urn:oid only', () => {
    assert.equal(isPlaceholder('urn:uuid:x'), true);
    assert.equal(isPlaceholder('urn:oid:1.2'), true);
    assert.equal(isPlaceholder('http://x/Patient/1'), false);
    assert.equal(isPlaceholder(undefined), false);
  });
});
