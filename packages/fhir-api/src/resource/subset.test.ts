import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Registry } from '@payerport/fhir';
import { testRegistry } from '@payerport/fhir/testing';
import { SUBSETTED, isSubsetting, subsetResource } from './subset.js';

const observation = JSON.stringify({
  resourceType: 'Observation', id: 'o1', meta: { versionId: '1', tag: [{ code: 'keep' }] },
  text: { status: 'generated', div: '<div/>' }, status: 'final', code: { text: 'bp' },
  valueQuantity: { value: 1 }, _status: { id: 's' }, note: [{ text: 'not summary' }], interpretation: [{ text: 'x' }],
});

describe('subsetResource', () => {
  let registry: Registry;
  before(async () => { registry = await testRegistry(); });

  const keys = (json: string): string[] => Object.keys(JSON.parse(json)).sort();

  it('_summary=true keeps summary elements (choice and primitive extensions too) and adds SUBSETTED', () => {
    const out = subsetResource(registry, observation, { summary: 'true', elements: undefined });
    assert.deepEqual(keys(out), ['_status', 'code', 'id', 'meta', 'resourceType', 'status', 'valueQuantity']);
    assert.deepEqual(JSON.parse(out).meta.tag, [{ code: 'keep' }, SUBSETTED]);
  });

  it('_summary=text keeps text and mandatory elements; data drops text', () => {
    assert.deepEqual(keys(subsetResource(registry, observation, { summary: 'text', elements: undefined })), ['_status', 'code', 'id', 'meta', 'resourceType', 'status', 'text']);
    assert.ok(!keys(subsetResource(registry, observation, { summary: 'data', elements: undefined })).includes('text'));
  });

  it('_elements keeps the named elements (choice by base name) and mandatory ones', () => {
    assert.deepEqual(keys(subsetResource(registry, observation, { summary: undefined, elements: ['value', 'note'] })), ['_status', 'code', 'id', 'meta', 'note', 'resourceType', 'status', 'valueQuantity']);
  });

  it('is only applied when something is removed', () => {
    assert.equal(isSubsetting({ summary: 'false', elements: undefined }), false);
    assert.equal(isSubsetting({ summary: undefined, elements: undefined }), false);
    assert.equal(isSubsetting({ summary: 'count', elements: undefined }), false);
    assert.equal(isSubsetting({ summary: undefined, elements: ['id'] }), true);
  });
});
