/**
 * The member pages in Chromium, served with PAGE_HEADERS: the CSP lets the stylesheet apply,
 * text meets AA contrast, keyboard focus is visible, controls have accessible names, and the
 * consent form posts what the server reads. Skips without /usr/bin/chromium (fails with
 * REQUIRE_BROWSER=1), like the server's browser tests — whose helper this package cannot import.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PAGE_HEADERS } from './styles.js';
import { allPages } from './test-pages.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const skip = existsSync(CHROMIUM) || process.env.REQUIRE_BROWSER === '1' ? false : `no Chromium at ${CHROMIUM}: browser tests skipped`;

describe('member pages in a browser', { skip }, () => {
  let browser: Browser;
  let server: Server;
  let base = '';
  const posts: string[] = [];

  before(async () => {
    const pages = { en: allPages('en'), es: allPages('es') };
    server = createServer((req, res) => {
      if (req.method === 'POST') {
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString()));
        req.on('end', () => { posts.push(body); res.writeHead(303, { location: '/done' }).end(); });
        return;
      }
      if (req.url === '/done') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('done');
      const [, lang, name] = (req.url ?? '').split('?')[0]!.split('/');
      const html = pages[lang as 'en' | 'es']?.[name ?? ''];
      if (html === undefined) return void res.writeHead(404).end();
      res.writeHead(200, PAGE_HEADERS).end(html);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  const open = async (path: string): Promise<{ page: Page; violations: string[] }> => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => { if (/Content Security Policy/i.test(message.text())) violations.push(message.text()); });
    await page.goto(`${base}${path}`);
    return { page, violations };
  };

  it('applies the stylesheet under the CSP and meets AA contrast on every page', async () => {
    for (const lang of ['en', 'es']) {
      for (const name of Object.keys(allPages('en'))) {
        const { page, violations } = await open(`/${lang}/${name}`);
        assert.deepEqual(violations, [], `${lang}/${name}`);
        assert.match(await page.evaluate<string>('getComputedStyle(document.body).fontFamily'), /system-ui/);
        const low = await page.evaluate<string[]>(LOW_CONTRAST_TEXTS);
        assert.deepEqual(low, [], `${lang}/${name}: text below 4.5:1`);
        await page.close();
      }
    }
  });

  it('shows a focus outline when moving through the sign-in form with the keyboard', async () => {
    const { page } = await open('/en/signInInvalid');
    await page.keyboard.press('Tab'); // the language link
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate<string>('document.activeElement.id'), 'username');
    const outline = await page.evaluate<string>('getComputedStyle(document.activeElement).outlineWidth');
    assert.equal(outline, '3px');
    assert.equal(await page.getByLabel('Password').count(), 1);
    assert.equal(await page.getByRole('alert').textContent(), 'The username or password is not right. Check them and try again.');
    await page.close();
  });

  it('posts the kept categories and the decision from the consent form', async () => {
    const { page } = await open('/es/consent');
    await page.getByRole('checkbox', { name: 'Registros clínicos' }).uncheck();
    await page.getByRole('checkbox', { name: 'Mantener la conexión' }).uncheck();
    await page.getByRole('button', { name: 'Permitir', exact: true }).click();
    await page.waitForURL(`${base}/done`);
    const form = new URLSearchParams(posts.at(-1));
    assert.equal(form.get('csrf'), 'csrf-token');
    assert.equal(form.get('lang'), 'es');
    assert.equal(form.get('decision'), 'allow');
    assert.deepEqual(form.getAll('category'), ['claims', 'coverage', 'demographics', 'providers', 'other']);
    await page.close();
  });

  it('names each Revoke button after its app', async () => {
    const { page } = await open('/en/connectedApps');
    assert.equal(await page.getByRole('button', { name: 'Revoke access – Second App' }).count(), 1);
    assert.equal(await page.getByRole('button', { name: /^Revoke access/ }).count(), 2);
    await page.close();
  });
});

/**
 * Runs in the page (a string: this package compiles without DOM types): texts whose colour on
 * their effective background is below 4.5:1 (WCAG 1.4.3), as "TAG "text" ratio".
 */
const LOW_CONTRAST_TEXTS = `(() => {
  const rgb = (css) => (css.match(/[\\d.]+/g) || []).map(Number);
  const lin = (c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const luminance = ([r, g, b]) => 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  const background = (el) => {
    for (; el !== null; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const low = [];
  for (const el of document.body.querySelectorAll('*')) {
    const text = Array.from(el.childNodes).filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim();
    if (text === '' || el.closest('.vh') !== null) continue;
    const a = luminance(rgb(getComputedStyle(el).color));
    const b = luminance(background(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) low.push(el.tagName + ' "' + text.slice(0, 30) + '" ' + ratio.toFixed(2));
  }
  return low;
})()`;
