/** Member pages: escaping, labels, language, alerts, CSRF fields, and what each page offers. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { readConsentForm, renderConsent } from './consent.js';
import { readPatientChoice } from './patient-picker.js';
import { renderSignIn } from './sign-in.js';
import { PAGE_HEADERS, STYLESHEET } from './styles.js';
import { allPages, assertLabelled, PATIENTS, tags } from './test-pages.js';

describe('member pages', () => {
  for (const lang of ['en', 'es'] as const) {
    const pages = allPages(lang);
    it(`[${lang}] escape hostile app data and never link to javascript: or data:`, () => {
      for (const [name, page] of Object.entries(pages)) {
        assert.ok(!page.includes('<script'), `${name}: raw <script>`);
        assert.ok(!page.includes('<img src=x'), `${name}: raw <img>`);
        assert.ok(!/javascript:|data:/i.test(page), `${name}: dangerous URL`);
        if (page.includes('Evil')) assert.ok(page.includes('Evil&quot;&gt;&lt;script&gt;'), `${name}: escaped name shown`);
      }
    });

    it(`[${lang}] label every input, point aria-describedby at real ids, and set lang`, () => {
      for (const [name, page] of Object.entries(pages)) {
        assertLabelled(page, name);
        assert.match(page, new RegExp(`^<!DOCTYPE html>\\n<html lang="${lang}">`), name);
        assert.equal(page.match(/<h1>/g)?.length, 1, `${name}: one h1`);
        assert.ok(!/<h[3-6]/.test(page), `${name}: no skipped heading levels`);
      }
    });

    it(`[${lang}] put a CSRF token and the language in every form`, () => {
      for (const [name, page] of Object.entries(pages)) {
        const forms = page.split('<form').slice(1);
        for (const form of forms) {
          assert.ok(form.includes('name="csrf" value="csrf-token"'), `${name}: csrf`);
          assert.ok(form.includes(`name="lang" value="${lang}"`), `${name}: lang`);
          assert.match(form, /^ method="post" action="\/sandbox\/oauth\/interaction\/abc">/, name);
        }
      }
    });

    it(`[${lang}] link to the other language`, () => {
      const other = lang === 'en' ? 'es' : 'en';
      for (const page of Object.values(pages)) assert.ok(page.includes(`href="?lang=${other}" lang="${other}" hreflang="${other}"`));
    });
  }

  it('shows Spanish text when lang=es', () => {
    const pages = allPages('es');
    assert.match(pages.signIn!, /Iniciar sesión/);
    assert.match(pages.signIn!, /Contraseña/);
    assert.match(pages.picker!, /¿De quién son los registros que desea compartir\?/);
    assert.match(pages.consent!, /Reclamaciones y pagos/);
    assert.match(pages.consent!, /Mantener la conexión/);
    assert.match(pages.consent!, /No permitir/);
    assert.match(pages.consent!, /de junio de 2026/);
    assert.match(pages.connectedApps!, /Revocar acceso/);
    assert.ok(!/Sign in|Allow|Revoke/.test(Object.values(pages).join('')), 'no English left');
  });

  it('announces sign-in errors and ties them to the inputs', () => {
    const { signInInvalid, signInLocked, signIn } = allPages('en');
    assert.match(signInInvalid!, /<div class="alert" role="alert" id="sign-in-error">The username or password is not right/);
    assert.equal(tags(signInInvalid!, 'input').filter((i) => i.get('aria-describedby') === 'sign-in-error' && i.get('aria-invalid') === 'true').length, 2);
    assert.match(signInLocked!, /role="alert"[^>]*>Your account is locked[^<]*after June 1, 2026 at 11:00 AM EDT\./);
    assert.ok(!signIn!.includes('role="alert"'));
    assert.ok(signInInvalid!.includes(`value="Evil&quot;&gt;`), 'keeps the typed username, escaped');
    assert.ok(!/name="password"[^>]*value=/.test(signInInvalid!), 'never echoes a password');
    const locked = renderSignIn({ lang: 'es', csrf: 't', action: '/a', clientName: 'App', error: { reason: 'locked' } });
    assert.match(locked, /role="alert"[^>]*>Su cuenta está bloqueada[^<]*más tarde\./);
  });

  it('lists patients as a radio group with the first one chosen', () => {
    const { picker } = allPages('en');
    const radios = tags(picker!, 'input').filter((i) => i.get('type') === 'radio');
    assert.deepEqual(radios.map((r) => [r.get('name'), r.get('value'), r.has('checked')]), [['patient', 'p-alice', true], ['patient', 'p-bobby', false]]);
    assert.match(picker!, /<fieldset>\n<legend>Choose one person<\/legend>/);
    assert.match(picker!, /Bobby &lt;b&gt;Example&lt;\/b&gt;<\/label><span class="hint" id="patient-1-rel">You are their parent/);
  });

  it("accepts only one of the member's own patients from the picker post", () => {
    assert.equal(readPatientChoice({ patient: 'p-bobby' }, PATIENTS), PATIENTS[1]);
    assert.equal(readPatientChoice({ patient: 'someone-else' }, PATIENTS), undefined);
    assert.equal(readPatientChoice({ patient: ['p-alice'] }, PATIENTS), undefined);
    assert.equal(readPatientChoice({}, PATIENTS), undefined);
  });

  it('shows consent categories ticked, the attestation as information, expiry and Allow/Deny', () => {
    const { consent } = allPages('en');
    const boxes = tags(consent!, 'input').filter((i) => i.get('type') === 'checkbox');
    assert.deepEqual(boxes.map((b) => b.get('value')), ['claims', 'coverage', 'clinical', 'demographics', 'providers', 'other', 'offline']);
    assert.ok(boxes.every((b) => b.has('checked') && b.get('name') === 'category'));
    assert.match(consent!, /did not tell us that the app has a privacy policy/);
    assert.match(consent!, /did not give us a link to its privacy policy/);
    assert.match(consent!, /Record types: Basic\./);
    assert.match(consent!, /Access ends on <time datetime="2026-06-01T15:00:00.000Z">June 1, 2026 at 11:00 AM EDT<\/time>/);
    assert.match(consent!, /name="decision" value="allow">Allow<\/button>/);
    assert.match(consent!, /name="decision" value="deny">Deny<\/button>/);
    assert.ok(!consent!.includes('disabled'), 'never blocks');
  });

  it('links a safe logo, policy and terms, opening in a new tab', () => {
    const page = renderConsent({
      lang: 'en', csrf: 't', action: '/a', patientDisplay: 'Alice', categories: [], expiresAt: new Date(0),
      app: { name: 'Good App', logoUri: 'https://app.example/logo.png', policyUri: 'https://app.example/privacy', tosUri: 'https://app.example/terms?a=1&b=2', attestedPrivacyPolicy: true },
    });
    assert.match(page, /<img src="https:\/\/app.example\/logo.png" alt="Good App logo"/);
    assert.match(page, /<a href="https:\/\/app.example\/privacy" target="_blank" rel="noopener noreferrer">Privacy policy <span class="muted">\(opens in a new tab\)/);
    assert.match(page, /href="https:\/\/app.example\/terms\?a=1&amp;b=2"/);
    assert.match(page, /developer told us the app has a privacy policy/);
    assert.ok(!page.includes('did not give us a link'));
  });

  it('offers one Revoke form per connected app, carrying its grant id', () => {
    const { connectedApps, noApps } = allPages('en');
    assert.deepEqual(tags(connectedApps!, 'input').filter((i) => i.get('name') === 'grant').map((i) => i.get('value')), ['g-1', 'g-&quot;2']);
    assert.match(connectedApps!, /Revoke access<span class="vh"> – Second App<\/span><\/button>/);
    assert.match(connectedApps!, /<dt>Shares<\/dt><dd>Coverage<\/dd>/);
    assert.match(connectedApps!, /<dt>Last used<\/dt><dd>Not used yet<\/dd>/);
    assert.match(connectedApps!, /<dt>Records of<\/dt><dd>Bobby<\/dd>/);
    assert.match(noApps!, /You have not connected any apps\./);
    assert.ok(!noApps!.includes('<form'));
  });

  it('reads the consent form post', () => {
    assert.deepEqual(readConsentForm({ decision: 'allow', category: ['claims', 'offline'] }), { allow: true, keptCategoryIds: ['claims', 'offline'] });
    assert.deepEqual(readConsentForm({ decision: 'allow', category: 'claims' }), { allow: true, keptCategoryIds: ['claims'] });
    assert.deepEqual(readConsentForm({ decision: 'deny' }), { allow: false, keptCategoryIds: [] });
    assert.deepEqual(readConsentForm({ decision: ['allow'], category: [1, 'x'] }), { allow: false, keptCategoryIds: ['x'] });
  });

  it('allows the inline stylesheet by hash in the page CSP', () => {
    const hash = createHash('sha256').update(STYLESHEET).digest('base64');
    assert.ok(PAGE_HEADERS['content-security-policy']!.includes(`style-src 'sha256-${hash}'`));
    assert.ok(allPages('en').signIn!.includes(`<style>${STYLESHEET}</style>`));
  });
});
