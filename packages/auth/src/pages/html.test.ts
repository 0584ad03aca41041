/** The html template escapes by default; app URLs are http(s) only; server URLs are paths or http(s). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeHtml, html, localUrl, raw, safeUrl, withMarkup } from './html.js';

describe('html', () => {
  it('escapes every interpolated value unless it is SafeHtml', () => {
    const name = `<img src=x onerror="alert('x')">&`;
    assert.equal(html`<p title="${name}">${name}</p>`.toString(),
      '<p title="&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;">&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;</p>');
    assert.equal(html`<div>${html`<b>${'<i>'}</b>`}</div>`.toString(), '<div><b>&lt;i&gt;</b></div>');
    assert.equal(html`${raw('<hr>')}`.toString(), '<hr>');
    assert.equal(escapeHtml(`"'<>&`), '&quot;&#39;&lt;&gt;&amp;');
  });

  it('renders arrays item by item and skips undefined, null and false', () => {
    assert.equal(html`<ul>${['<a>', html`<li>b</li>`]}</ul>`.toString(), '<ul>&lt;a&gt;<li>b</li></ul>');
    assert.equal(html`[${undefined}${null}${false}${0}]`.toString(), '[0]');
  });

  it('puts markup into a translated sentence and escapes the text around it', () => {
    const out = withMarkup((slot) => `<b> ends ${slot} & more`, html`<time>x</time>`).toString();
    assert.equal(out, '&lt;b&gt; ends <time>x</time> &amp; more');
  });

  it('accepts only absolute http(s) URLs from apps (https only for images)', () => {
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x', 'vbscript:x', '/relative', '//evil.example', 'not a url', undefined]) {
      assert.equal(safeUrl(bad), undefined, String(bad));
    }
    assert.equal(safeUrl('https://app.example/privacy?a=1&b=2'), 'https://app.example/privacy?a=1&b=2');
    assert.equal(safeUrl('http://app.example/p'), 'http://app.example/p');
    assert.equal(safeUrl('http://app.example/logo.png', true), undefined);
    assert.equal(safeUrl(`https://x.example/${'a'.repeat(3000)}`), undefined);
  });

  it('takes server URLs as same-origin paths or http(s), and throws on anything else', () => {
    assert.equal(localUrl('/sandbox/oauth/interaction/abc/login'), '/sandbox/oauth/interaction/abc/login');
    assert.equal(localUrl('https://plan.example/x'), 'https://plan.example/x');
    for (const bad of ['javascript:alert(1)', '//evil.example/x', 'relative/path', '/\\evil']) assert.throws(() => localUrl(bad), TypeError);
  });
});
