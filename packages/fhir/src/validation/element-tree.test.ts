import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { elementTree } from './element-tree.js';

describe('elementTree', () => {
  const sd = {
    snapshot: {
      element: [
        { id: 'Patient', path: 'Patient' },
        { id: 'Patient.identifier', path: 'Patient.identifier', slicing: { rules: 'open' } },
        { id: 'Patient.identifier:a.b', path: 'Patient.identifier', sliceName: 'a.b' },
        { id: 'Patient.identifier:a.b.system', path: 'Patient.identifier.system' },
        { id: 'Patient.identifier:a.b/c', path: 'Patient.identifier', sliceName: 'a.b/c' },
        { id: 'Patient.identifier.system', path: 'Patient.identifier.system' },
        { id: 'Patient.deceased[x]', path: 'Patient.deceased[x]' },
      ],
    },
  };

  it('hangs children under their parent and slices (even with dots in their names) under the sliced element', () => {
    const root = elementTree(sd)!;
    assert.deepEqual(root.children.map((c) => c.name), ['identifier', 'deceased[x]']);
    const identifier = root.children[0]!;
    assert.deepEqual(identifier.children.map((c) => c.id), ['Patient.identifier.system']);
    assert.deepEqual(identifier.slices.map((s) => s.id), ['Patient.identifier:a.b']);
    const slice = identifier.slices[0]!;
    assert.deepEqual(slice.children.map((c) => c.id), ['Patient.identifier:a.b.system']);
    assert.deepEqual(slice.slices.map((s) => s.id), ['Patient.identifier:a.b/c'], 'a reslice hangs off its slice');
  });

  it('is undefined without a snapshot', () => {
    assert.equal(elementTree({ differential: {} }), undefined);
  });
});
