import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { linksJson, pageUrl } from './paging-links.js';

describe('paging links', () => {
  const base = 'https://plan.example/fhir/R4';

  it('keeps parameters in order, readable, and swaps in the cursor', () => {
    const params = [['name', 'Smith Jones'], ['_include', 'PractitionerRole:practitioner'], ['identifier', 'http://x|1'], ['_cursor', 'old']] as const;
    assert.equal(pageUrl(base, 'PractitionerRole', params), `${base}/PractitionerRole?name=Smith%20Jones&_include=PractitionerRole:practitioner&identifier=http://x|1&_cursor=old`);
    assert.equal(pageUrl(base, 'PractitionerRole', params, 'n&x'), `${base}/PractitionerRole?name=Smith%20Jones&_include=PractitionerRole:practitioner&identifier=http://x|1&_cursor=n%26x`);
    assert.equal(pageUrl(base, '_history', []), `${base}/_history`);
  });

  it('emits next and previous only when there are cursors', () => {
    const one = JSON.parse(linksJson(base, 'Patient', [], {}));
    assert.deepEqual(one, [{ relation: 'self', url: `${base}/Patient` }]);
    const three = JSON.parse(linksJson(base, 'Patient', [['_count', '2']], { next: 'N', previous: 'P' }));
    assert.deepEqual(three.map((l: { relation: string }) => l.relation), ['self', 'next', 'previous']);
    assert.equal(three[1].url, `${base}/Patient?_count=2&_cursor=N`);
  });
});
