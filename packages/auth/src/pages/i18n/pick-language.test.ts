/** ?lang= wins, then Accept-Language by q-value; English otherwise. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pickLanguage } from './pick-language.js';

describe('pickLanguage', () => {
  it('prefers an explicit supported lang', () => {
    assert.equal(pickLanguage('en-US,en;q=0.9', 'es'), 'es');
    assert.equal(pickLanguage('es', 'en'), 'en');
    assert.equal(pickLanguage('es-MX', 'fr'), 'es', 'an unsupported lang falls back to the header');
    assert.equal(pickLanguage(undefined, ['es-419', 'en']), 'es');
  });

  it('reads Accept-Language by q-value, skipping unsupported languages and q=0', () => {
    assert.equal(pickLanguage('es-MX,es;q=0.9,en;q=0.8'), 'es');
    assert.equal(pickLanguage('fr-FR,fr;q=0.9,es;q=0.8,en;q=0.7'), 'es');
    assert.equal(pickLanguage('en;q=0.5, es;q=0.8'), 'es');
    assert.equal(pickLanguage('es;q=0, en;q=0.1'), 'en');
    assert.equal(pickLanguage('es;q=0'), 'en');
    assert.equal(pickLanguage('*'), 'en');
    assert.equal(pickLanguage(''), 'en');
    assert.equal(pickLanguage(undefined), 'en');
    assert.equal(pickLanguage(['fr', 'es;q=0.5']), 'es');
  });
});
